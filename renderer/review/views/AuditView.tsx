import { useState } from 'react';
import { AUDIT_ACTION_LABELS, AUDIT_WHY_LABELS, REVIEW_ROLE_LABELS } from '../../../src/shared/review';
import { reviewUrl } from '../api/client';
import { useCall } from '../api/use-resource';
import { formatDateTime } from '../format';
import { Loaded, Panel } from '../parts/common';
import { Pager } from '../parts/Pager';

/** Rows per page: fits 1366x768 without a scrollbar. */
const PER_PAGE = 12;

/** The privacy officer's audit log of the gemeente: who looked at or changed what, when and why. */
export function AuditView() {
  const [page, setPage] = useState(0);
  const log = useCall('auditLog', { query: { limit: PER_PAGE, offset: page * PER_PAGE } });
  return (
    <Panel
      title="Auditlog"
      className="fill"
      actions={
        <a className="button" href={reviewUrl('auditExport', {})} download>
          Download CSV
        </a>
      }
    >
      <p className="footnote">
        Elke inzage van een uitslag, elke export en elke wijziging. De regels zijn aan elkaar gekoppeld met
        een hash; een gewijzigde of verwijderde regel vindt `lbt audit verify`.
      </p>
      <Loaded resource={log}>
        {(data) => (
          <>
            <table className="audit" aria-label="Auditlog">
              <thead>
                <tr>
                  <th scope="col">Nr.</th>
                  <th scope="col">Tijd</th>
                  <th scope="col">Wie</th>
                  <th scope="col">Wat</th>
                  <th scope="col">Waarom</th>
                  <th scope="col">Kandidaat</th>
                </tr>
              </thead>
              <tbody>
                {data.entries.map((e) => (
                  <tr key={e.seq}>
                    <td>{e.seq}</td>
                    <td>{formatDateTime(e.at)}</td>
                    <td>
                      {e.actor}
                      {e.role !== 'system' ? ` (${REVIEW_ROLE_LABELS[e.role]})` : ''}
                    </td>
                    <td>{AUDIT_ACTION_LABELS[e.action]}</td>
                    <td>{AUDIT_WHY_LABELS[e.why]}</td>
                    <td>{e.candidateRef ?? '–'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <Pager
              page={page}
              pages={Math.max(1, Math.ceil(data.total / PER_PAGE))}
              onPage={setPage}
              label="Auditlog"
            />
          </>
        )}
      </Loaded>
    </Panel>
  );
}
