import type { ReactNode } from 'react';
import type { ReviewFilters } from '../../../src/shared/review';
import type { ExportView } from '../../../src/shared/review';
import { exportUrl } from '../api/client';
import type { Resource } from '../api/use-resource';

/** A titled block of a view. */
export function Panel({
  title,
  actions,
  children,
  className = '',
}: {
  title: string;
  actions?: ReactNode;
  children: ReactNode;
  className?: string;
}) {
  const id = `panel-${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  return (
    <section className={`panel ${className}`} aria-labelledby={id}>
      <div className="panel-head">
        <h2 id={id}>{title}</h2>
        {actions && <div className="panel-actions">{actions}</div>}
      </div>
      {children}
    </section>
  );
}

/** A CSV download of a table view under the current filters. */
export function ExportLink({
  view,
  label,
  filters,
  extra = {},
}: {
  view: ExportView;
  label: string;
  filters: ReviewFilters;
  extra?: { cesuur?: number };
}) {
  return (
    <a className="button" href={exportUrl(view, { ...filters, ...extra })} download>
      {label}
    </a>
  );
}

/** Shows loading and error states; renders `children` once data is there (kept while a new filter loads). */
export function Loaded<T>({
  resource,
  children,
}: {
  resource: Resource<T>;
  children: (data: T) => ReactNode;
}) {
  return (
    <>
      {resource.state === 'error' && (
        <p className="error" role="alert">
          {resource.error.message}
        </p>
      )}
      {resource.data === null ? (
        resource.state === 'loading' ? (
          <p className="muted" role="status" aria-busy="true">
            Gegevens worden geladen…
          </p>
        ) : null
      ) : (
        <div className="loaded" aria-busy={resource.state === 'loading'}>
          {children(resource.data)}
        </div>
      )}
    </>
  );
}

/** For screen readers only (and for anyone who copies the figures): the numbers behind a chart. */
export function SrOnly({ children }: { children: ReactNode }) {
  return <div className="sr-only">{children}</div>;
}
