import { useId, useState } from 'react';
import { ApiError, call } from '../api/client';
import { useCall } from '../api/use-resource';
import { formatCount, formatDate } from '../format';
import { Loaded, Panel } from '../parts/common';

/** The privacy officer sets the gemeente's retention period and can apply it now (the service does so daily). */
export function RetentionView() {
  const [version, setVersion] = useState(0);
  const settings = useCall('retention', {}, version);
  const [months, setMonths] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const inputId = useId();

  async function act(run: () => Promise<string>) {
    try {
      setMessage(await run());
    } catch (caught) {
      setMessage(caught instanceof ApiError ? `Niet gelukt: ${caught.message}` : 'Niet gelukt.');
    }
    setVersion((v) => v + 1);
  }

  return (
    <Panel title="Bewaartermijn">
      {message && (
        <p className="notice" role="status">
          {message}
        </p>
      )}
      <Loaded resource={settings}>
        {(data) => (
          <>
            <p>
              Uitslagen worden {data.months} maanden na de afname bewaard
              {data.isDefault
                ? ` (standaard: einde van de inburgeringstermijn van 3 jaar plus 1 jaar).`
                : ` (door de gemeente ingesteld; standaard ${data.defaultMonths}).`}
            </p>
            <p>
              Uitslagen van vóór {formatDate(data.cutoff)}: {formatCount(data.due)}. Die worden bij de
              volgende dagelijkse ronde verwijderd, met een regel in het auditlog.
            </p>
            <form
              className="inline-form"
              onSubmit={(event) => {
                event.preventDefault();
                const value = Number(months);
                void act(async () => {
                  await call('setRetention', { body: { months: value } });
                  return `Bewaartermijn is nu ${value} maanden.`;
                });
              }}
            >
              <label htmlFor={inputId}>Bewaartermijn in maanden</label>
              <input
                id={inputId}
                type="number"
                min={1}
                max={120}
                required
                value={months}
                onChange={(event) => setMonths(event.target.value)}
              />
              <button type="submit">Opslaan</button>
              {!data.isDefault && (
                <button
                  type="button"
                  onClick={() =>
                    act(async () => {
                      await call('setRetention', { body: { months: null } });
                      return 'Terug naar de standaardtermijn.';
                    })
                  }
                >
                  Standaard gebruiken
                </button>
              )}
            </form>
            <p>
              <button
                type="button"
                onClick={() =>
                  act(async () => {
                    const { deleted } = await call('runRetention', {});
                    return `${formatCount(deleted)} uitslag(en) verwijderd.`;
                  })
                }
              >
                Nu toepassen
              </button>
            </p>
          </>
        )}
      </Loaded>
    </Panel>
  );
}
