/** The `outbox.*` channels over one Outbox; refused in Dutch where a host keeps no results. */
import type { OutboxView } from '../../shared/results-service';
import { Rejected } from '../router';
import { ExportError } from './export-writer';
import type { Outbox } from './outbox';

/** How long `outbox.retry` waits for its round before answering (the console then polls `outbox.list`). */
export const RETRY_ANSWER_WITHIN_MS = 3_000;

const NO_OUTBOX = 'Deze kiosk bewaart geen resultaten (geen gegevensmap); er is geen verzendlijst.';

export function outboxHandlers(outbox: Outbox | undefined) {
  const need = (): Outbox => {
    if (!outbox) throw new Rejected(NO_OUTBOX);
    return outbox;
  };
  return {
    'outbox.list': (): Promise<OutboxView> => need().view(),
    'outbox.retry': async (): Promise<OutboxView> => {
      const box = need();
      let timer: NodeJS.Timeout | undefined;
      const waited = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, RETRY_ANSWER_WITHIN_MS);
      });
      await Promise.race([box.retry(), waited]);
      clearTimeout(timer);
      return box.view();
    },
    'outbox.export': async () => {
      try {
        return await need().export();
      } catch (error) {
        if (error instanceof ExportError) throw new Rejected(error.message, { cause: error });
        throw error;
      }
    },
  };
}
