import { useId, useState } from 'react';
import { AUDIT_ACTION_LABELS, OUTCOME_TEXT, type SubjectExport } from '../../../src/shared/review';
import { ApiError, call } from '../api/client';
import { formatDateTime } from '../format';
import { Panel } from '../parts/common';

/**
 * Data-subject requests: everything held about one candidate reference, shown as a readable page and downloaded
 * as JSON; erasure after typing the reference again. The page prints (print.css) for a paper answer.
 */
export function SubjectView() {
  const [ref, setRef] = useState('');
  const [found, setFound] = useState<SubjectExport | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [confirm, setConfirm] = useState('');
  const refId = useId();
  const confirmId = useId();

  async function lookUp() {
    setFound(null);
    setMessage(null);
    try {
      setFound(await call('subjectExport', { params: { ref } }));
    } catch (caught) {
      setMessage(
        caught instanceof ApiError && caught.status === 404
          ? `Over ${ref} is niets vastgelegd.`
          : 'Niet gelukt.',
      );
    }
  }

  async function erase() {
    if (!found) return;
    try {
      const { erased } = await call('eraseSubject', {
        params: { ref: found.candidateRef },
        body: { confirm },
      });
      setMessage(`${erased} uitslag(en) van ${found.candidateRef} gewist; dit staat in het auditlog.`);
      setFound(null);
      setConfirm('');
    } catch (caught) {
      setMessage(caught instanceof ApiError ? `Niet gelukt: ${caught.message}` : 'Niet gelukt.');
    }
  }

  const download = found
    ? `data:application/json;charset=utf-8,${encodeURIComponent(JSON.stringify(found, null, 2))}`
    : '';

  return (
    <Panel title="Inzage- en verwijderverzoeken" className="fill">
      <form
        className="inline-form"
        onSubmit={(event) => {
          event.preventDefault();
          void lookUp();
        }}
      >
        <label htmlFor={refId}>Kandidaatreferentie</label>
        <input
          id={refId}
          value={ref}
          required
          maxLength={64}
          onChange={(event) => setRef(event.target.value)}
        />
        <button type="submit">Opzoeken</button>
      </form>
      {message && (
        <p className="notice" role="status">
          {message}
        </p>
      )}
      {found && (
        <>
          <p>
            {found.results.length} uitslag(en) en {found.auditEntries.length} auditregel(s) over{' '}
            <strong>{found.candidateRef}</strong>.{' '}
            <a className="button" href={download} download={`lbt-inzage-${found.candidateRef}.json`}>
              Download JSON
            </a>
          </p>
          <ul className="subject-results" aria-label="Uitslagen">
            {found.results.map((r) => (
              <li key={r.resultId}>
                {formatDateTime(r.record.timing.closedAt)}: score {r.score.raw} van {r.score.max}, cesuur{' '}
                {r.score.cesuur}, {OUTCOME_TEXT[(r.outcome ?? 'afgebroken') as keyof typeof OUTCOME_TEXT]}
                {r.leerroute ? `, leerroute ${r.leerroute.route}` : ''}
              </li>
            ))}
          </ul>
          <ul className="subject-audit" aria-label="Auditregels">
            {found.auditEntries.slice(-6).map((e) => (
              <li key={e.seq}>
                {formatDateTime(e.at)}: {AUDIT_ACTION_LABELS[e.action]} door {e.actor}
              </li>
            ))}
          </ul>
          <form
            className="inline-form"
            onSubmit={(event) => {
              event.preventDefault();
              void erase();
            }}
          >
            <label htmlFor={confirmId}>Typ de referentie nogmaals om te wissen</label>
            <input id={confirmId} value={confirm} onChange={(event) => setConfirm(event.target.value)} />
            <button type="submit" disabled={confirm !== found.candidateRef}>
              Wissen
            </button>
          </form>
        </>
      )}
    </Panel>
  );
}
