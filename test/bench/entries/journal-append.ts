import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Journal } from '../../../src/host/journal/journal';
import { ANCHOR } from '../../../src/shared/journal/format';
import { JournalKey } from '../../../src/host/keys/journal-key';
import { interleaved, type Benchmark } from '../harness';

/** A typical answer event, about 300 bytes of JSON. */
const event = (n: number) => ({
  type: 'answer',
  eventId: `0193a5f2-7c1e-7b3a-9d4f-${String(n).padStart(12, '0')}`,
  itemId: `woorden-leren-${String(n % 40).padStart(2, '0')}`,
  optionId: `optie-${n % 4}`,
  inputType: 'touch',
  changes: n % 3,
  at: 1_763_800_000_000 + n * 4000,
  elapsedMs: 4200 + (n % 900),
  phase: 'opgave',
  screen: { width: 1920, height: 1080, orientation: 'landscape' },
  flags: { focusLost: false, mouse: false, implausiblyFast: false },
});

/**
 * journal.append (encrypt, hash chain, positional write, fdatasync, then the head anchor's slot write and
 * fdatasync) vs the same two durable writes done raw: a record of the same size + fdatasync, and an anchor slot of
 * the same size in a second file + fdatasync, in the same directory on the same disk, through the same FileHandle
 * API. The anchor's flush is part of what an acknowledged append must cost (docs/JOURNAL.md, "Head anchor").
 */
export const journalAppend: Benchmark = {
  name: 'journal.append',
  unit: 'ms',
  async run({ scale }) {
    const dir = mkdtempSync(join(tmpdir(), 'lbt-bench-journal-'));
    const journal = await Journal.create({
      dir,
      sessionId: 'bench',
      journalKey: JournalKey.fromSecret(randomBytes(32)),
    });
    const raw = await fs.open(join(dir, 'raw.bin'), 'w');
    const rawAnchor = await fs.open(join(dir, 'raw.anchor'), 'w');
    const slot = randomBytes(ANCHOR.slotLength);
    try {
      const before = (await fs.stat(journal.file)).size;
      await journal.append(event(0));
      const recordBytes = (await fs.stat(journal.file)).size - before;
      console.error(
        `journal.append: record of ${recordBytes} bytes (${JSON.stringify(event(0)).length} bytes of JSON)`,
      );
      const record = randomBytes(recordBytes);
      let n = 1;
      let rawOffset = 0;
      return await interleaved(
        () => journal.append(event(n++)),
        {
          name: 'raw.record+anchor',
          run: async () => {
            await raw.write(record, 0, record.length, rawOffset);
            rawOffset += record.length;
            await raw.datasync();
            await rawAnchor.write(slot, 0, slot.length, (n % ANCHOR.slots) * ANCHOR.slotLength);
            await rawAnchor.datasync();
          },
        },
        { warmup: Math.ceil(50 * scale), samples: Math.ceil(600 * scale) },
      );
    } finally {
      await raw.close();
      await rawAnchor.close();
      await journal.release();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
