import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { inspectJournal } from '../../../src/host/journal';
import { FileKeyProvider } from '../../../src/host/keys/file-key-provider';
import { loadJournalKey, type JournalKey } from '../../../src/host/keys/journal-key';
import { SessionEvent } from '../../../src/shared/session';

const keys = new Map<string, Promise<JournalKey>>();

/**
 * The events of the one sitting in a host's data dir, read from its journal on disk (read-only, with the
 * data dir's own key) as the host acknowledged them: what the result will be built from, not the page's view.
 */
export async function journalEvents(dataDir: string): Promise<SessionEvent[]> {
  const dir = join(dataDir, 'journals');
  const files = readdirSync(dir).filter((name) => name.endsWith('.lbtj'));
  if (files.length !== 1) throw new Error(`expected one journal in ${dir}, found ${files.join(', ')}`);
  if (!keys.has(dataDir))
    keys.set(
      dataDir,
      FileKeyProvider.open(dataDir).then((provider) => loadJournalKey(dataDir, provider)),
    );
  const analysis = await inspectJournal(join(dir, files[0]!), await keys.get(dataDir)!);
  if (!analysis.ok) throw new Error(`journal refused at record ${analysis.recordNumber}: ${analysis.reason}`);
  return analysis.records.filter((r) => r.type === 1).map((r) => SessionEvent.parse(r.value));
}
