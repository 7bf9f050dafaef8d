import type { z } from 'zod';
import type { ItemStatistic } from '../../../src/shared/review';
import { formatTwo } from '../format';

type Item = z.infer<typeof ItemStatistic>;

/**
 * Why an item deserves a look: almost nobody or almost everybody gets it right (it tells little), or it does
 * not go with the rest of the test (a low or negative item-rest correlation often means a broken item).
 */
export function itemConcern(item: Item): string | null {
  if (item.itemRest !== null && item.itemRest < 0.1) return 'hangt niet samen met de rest';
  if (item.p < 0.1) return 'bijna niemand goed';
  if (item.p > 0.95) return 'bijna iedereen goed';
  return null;
}

const COLUMNS = 4;

/** All items in four side-by-side columns, so 40 items fit without scrolling. */
export function ItemStatisticsTable({ items }: { items: Item[] }) {
  const perColumn = Math.ceil(items.length / COLUMNS);
  const columns = Array.from({ length: COLUMNS }, (_, index) =>
    items.slice(index * perColumn, (index + 1) * perColumn),
  );
  const concerns = items.filter((item) => itemConcern(item) !== null).length;
  return (
    <>
      <p className="footnote">
        p = aandeel goed; r<sub>ir</sub> = samenhang met de rest van de toets. {concerns} opgave
        {concerns === 1 ? '' : 'n'} om na te kijken (gemarkeerd).
      </p>
      <div className="item-columns">
        {columns.map((column, index) => (
          <table
            key={index}
            className="figures compact"
            aria-label={`Opgaven ${column[0]?.position ?? ''} tot en met ${column.at(-1)?.position ?? ''}`}
          >
            <thead>
              <tr>
                <th scope="col">Opgave</th>
                <th scope="col">p</th>
                <th scope="col">
                  r<sub>ir</sub>
                </th>
              </tr>
            </thead>
            <tbody>
              {column.map((item) => {
                const concern = itemConcern(item);
                return (
                  <tr
                    key={item.position}
                    className={concern ? 'concern' : undefined}
                    title={concern ?? undefined}
                  >
                    <th scope="row">
                      {item.position}
                      {concern && <span className="sr-only"> ({concern})</span>}
                    </th>
                    <td>{formatTwo(item.p)}</td>
                    <td>{formatTwo(item.itemRest)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        ))}
      </div>
    </>
  );
}
