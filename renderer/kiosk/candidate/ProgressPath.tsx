import { useUi } from './context';

/**
 * Where the candidate is, without numbers: a path of stepping stones, done ones filled and marked,
 * the current one larger and ringed (shape and size, not only colour).
 */
export function ProgressPath({ done, total }: { done: number; total: number }) {
  const ui = useUi();
  const stones = Array.from({ length: total }, (_, i) =>
    i < done ? 'done' : i === done ? 'current' : 'todo',
  );
  return (
    <div
      className="progress-path"
      role="progressbar"
      aria-label={ui('progress')}
      aria-valuemin={0}
      aria-valuemax={total}
      aria-valuenow={done}
    >
      {stones.map((state, i) => (
        <span key={i} className={`stone stone-${state}`} />
      ))}
    </div>
  );
}
