/** Page through a list instead of scrolling: the dashboard never scrolls on a laptop screen. */
export function Pager({
  page,
  pages,
  onPage,
  label,
}: {
  page: number;
  pages: number;
  onPage: (page: number) => void;
  label: string;
}) {
  if (pages <= 1) return null;
  return (
    <nav className="pager" aria-label={`${label}: pagina's`}>
      <button type="button" onClick={() => onPage(page - 1)} disabled={page === 0}>
        Vorige
      </button>
      <span aria-live="polite">
        Pagina {page + 1} van {pages}
      </span>
      <button type="button" onClick={() => onPage(page + 1)} disabled={page >= pages - 1}>
        Volgende
      </button>
    </nav>
  );
}
