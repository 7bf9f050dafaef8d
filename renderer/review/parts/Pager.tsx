/**
 * Page through a list instead of scrolling: the dashboard never scrolls on a laptop screen. While the page
 * (or the list behind it) is loading, `busy` holds both buttons: a click then would count from a page that is
 * about to be replaced.
 */
export function Pager({
  page,
  pages,
  onPage,
  label,
  busy = false,
}: {
  page: number;
  pages: number;
  onPage: (page: number) => void;
  label: string;
  busy?: boolean;
}) {
  if (pages <= 1) return null;
  return (
    <nav className="pager" aria-label={`${label}: pagina's`}>
      <button type="button" onClick={() => onPage(page - 1)} disabled={busy || page === 0}>
        Vorige
      </button>
      <span aria-live="polite">
        Pagina {page + 1} van {pages}
      </span>
      <button type="button" onClick={() => onPage(page + 1)} disabled={busy || page >= pages - 1}>
        Volgende
      </button>
    </nav>
  );
}
