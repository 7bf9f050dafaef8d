import { tabHref, type AnyTabId } from '../route';

/** The row of tab links of a frame; the current one is marked for the eye and for screen readers. */
export function TabLinks({
  tabs,
  current,
}: {
  tabs: readonly { id: AnyTabId; label: string }[];
  current: AnyTabId | null;
}) {
  return (
    <nav className="tabs" aria-label="Onderdelen">
      {tabs.map((candidate) => (
        <a
          key={candidate.id}
          href={tabHref(candidate.id)}
          className="tab"
          aria-current={candidate.id === current ? 'page' : undefined}
        >
          {candidate.label}
        </a>
      ))}
    </nav>
  );
}
