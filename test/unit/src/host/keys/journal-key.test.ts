import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Journal, scanJournals } from '../../../../../src/host/journal';
import {
  FileKeyProvider,
  JOURNAL_KEY_FILE,
  loadJournalKey,
  type KeyProvider,
} from '../../../../../src/host/keys';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));
const newDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'lbt-journal-key-'));
  dirs.push(dir);
  return dir;
};

/** Another shell's provider: same sealing, different kind, as the safeStorage one will report. */
class OtherShellProvider implements KeyProvider {
  readonly kind = 'electron-safe-storage';
  constructor(private readonly inner: KeyProvider) {}
  seal = (plain: Uint8Array) => this.inner.seal(plain);
  unseal = (sealed: Uint8Array) => this.inner.unseal(sealed);
}

describe('the journal key', () => {
  it('is made once, kept only sealed, and reads journals written before a restart', async () => {
    const dataDir = newDir();
    const key = await loadJournalKey(dataDir, await FileKeyProvider.open(dataDir));
    const journal = await Journal.create({ dir: join(dataDir, 'journals'), sessionId: 's', journalKey: key });
    await journal.append({ n: 1 });
    await journal.release();

    const keyFile = join(dataDir, JOURNAL_KEY_FILE);
    const stored = JSON.parse(readFileSync(keyFile, 'utf8'));
    expect(stored).toMatchObject({ schema: 'lbt.sealed-key/1', purpose: 'journal', provider: 'file' });
    if (process.platform !== 'win32') expect(statSync(keyFile).mode & 0o777).toBe(0o600);

    const restarted = await loadJournalKey(dataDir, await FileKeyProvider.open(dataDir));
    const [result] = await scanJournals(join(dataDir, 'journals'), restarted);
    expect(result!.status === 'open' && result!.events).toEqual([{ n: 1 }]);
  });

  it('refuses a key sealed by another shell, or a damaged key file, with a clear error', async () => {
    const dataDir = newDir();
    const provider = await FileKeyProvider.open(dataDir);
    await loadJournalKey(dataDir, provider);
    await expect(loadJournalKey(dataDir, new OtherShellProvider(provider))).rejects.toMatchObject({
      code: 'provider-mismatch',
      message: expect.stringContaining(
        "sealed by the 'file' key provider, but this shell uses 'electron-safe-storage'",
      ),
    });
    writeFileSync(join(dataDir, JOURNAL_KEY_FILE), '{"schema":"lbt.sealed-key/1"');
    await expect(loadJournalKey(dataDir, provider)).rejects.toMatchObject({ code: 'sealed-file-invalid' });
  });

  it('gives each session its own AES key and key check', async () => {
    const dataDir = newDir();
    const key = await loadJournalKey(dataDir, await FileKeyProvider.open(dataDir));
    const a = key.forSession('a');
    const b = key.forSession('b');
    expect(a.key.equals(b.key)).toBe(false);
    expect(a.keyCheck.equals(b.keyCheck)).toBe(false);
    expect(key.forSession('a').key.equals(a.key)).toBe(true);
  });
});
