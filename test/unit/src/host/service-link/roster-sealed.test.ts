/**
 * The cached roster at rest, on real files with real crypto: sealed under the roster key (nothing an offline PIN
 * guess needs is on disk in clear), refused calmly when altered or sealed by another key (and left where it is),
 * and a plain roster.json from an older kiosk verified, sealed and removed.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  LEGACY_ROSTER_FILE,
  loadCachedRoster,
  ROSTER_FILE,
  ROSTER_KEY_FILE,
  RosterError,
  rosterKeyFrom,
  type RosterKey,
} from '../../../../../src/host/service-link/roster';
import { FileKeyProvider } from '../../../../../src/host/keys/file-key-provider';
import { SealedRosterFile, type Roster } from '../../../../../src/shared/results-service';
import { writeRosterFixture } from '../../../../support/roster-fixture';

const tempDataDir = () => mkdtempSync(join(tmpdir(), 'lbt-roster-'));

async function sealedKiosk(options: { legacy?: boolean } = {}) {
  const dataDir = tempDataDir();
  const fixture = await writeRosterFixture(dataDir, options);
  const load = (rosterKey: RosterKey = fixture.rosterKey) =>
    loadCachedRoster(dataDir, fixture.link.serverKey, rosterKey);
  return {
    dataDir,
    fixture,
    load,
    sealedFile: join(dataDir, ROSTER_FILE),
    legacyFile: join(dataDir, LEGACY_ROSTER_FILE),
  };
}

/** Every file under `dir`, recursively. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

/** What an offline guesser would look for: ids, names, and each verifier's salt and hash (as text and as bytes). */
function secretsOf(roster: Roster): Buffer[] {
  return roster.afnemers.flatMap((a) => [
    Buffer.from(a.afnemerId),
    Buffer.from(a.name),
    Buffer.from(a.pin.salt),
    Buffer.from(a.pin.hash),
    Buffer.from(a.pin.salt, 'base64'),
    Buffer.from(a.pin.hash, 'base64'),
  ]);
}

async function refusal(load: Promise<unknown>): Promise<RosterError> {
  const error = await load.then(
    () => new Error('the load did not refuse'),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(RosterError);
  return error as RosterError;
}

/** Loads must refuse the file as corrupt and leave its bytes exactly as they were. */
async function expectRefusedAndKept(kiosk: Awaited<ReturnType<typeof sealedKiosk>>, bytes: Buffer) {
  writeFileSync(kiosk.sealedFile, bytes);
  const error = await refusal(kiosk.load());
  expect(error.code).toBe('corrupt');
  expect(error.message).toContain('beschadigd');
  expect(error.message).toContain('niet gebruikt');
  expect(readFileSync(kiosk.sealedFile).equals(bytes)).toBe(true);
}

describe('the sealed roster cache', () => {
  it('keeps no afnemer id, name, PIN salt or verifier in clear anywhere in the data dir', async () => {
    const { dataDir, fixture, sealedFile, legacyFile } = await sealedKiosk();
    expect(await fixture.rosterKey()).toHaveLength(32);
    const secrets = secretsOf(fixture.roster);
    expect(secrets.length).toBeGreaterThan(0);
    const files = filesUnder(dataDir);
    expect(files).toContain(sealedFile);
    expect(files).toContain(join(dataDir, ROSTER_KEY_FILE));
    for (const file of files) {
      const bytes = readFileSync(file);
      for (const secret of secrets)
        expect(bytes.includes(secret), `${file} holds ${secret.toString()}`).toBe(false);
    }
    expect(existsSync(legacyFile)).toBe(false);
    const sealed = SealedRosterFile.parse(JSON.parse(readFileSync(sealedFile, 'utf8')));
    expect(sealed.schema).toBe('lbt.sealed-roster/1');
    // Not merely encoded: the decoded ciphertext holds none of it either.
    const ciphertext = Buffer.from(sealed.ciphertext, 'base64');
    for (const secret of secrets) expect(ciphertext.includes(secret)).toBe(false);
    if (process.platform !== 'win32') expect(statSync(sealedFile).mode & 0o777).toBe(0o600);
  });

  it('loads back the verified roster, with a fresh IV for every write', async () => {
    const { dataDir, fixture, load, sealedFile } = await sealedKiosk();
    expect(await load()).toEqual(fixture.roster);
    const first = SealedRosterFile.parse(JSON.parse(readFileSync(sealedFile, 'utf8')));
    await fixture.writeEnvelope(fixture.signed);
    const second = SealedRosterFile.parse(JSON.parse(readFileSync(sealedFile, 'utf8')));
    expect(second.iv).not.toBe(first.iv);
    expect(second.ciphertext).not.toBe(first.ciphertext);
    expect(await load()).toEqual(fixture.roster);
    // A new host on the same data dir derives the same key from its key provider.
    const again = rosterKeyFrom(dataDir, await FileKeyProvider.open(dataDir));
    expect(await load(again)).toEqual(fixture.roster);
  });

  it('refuses a flipped bit in the ciphertext or the tag, a flipped byte, and a truncated file', async () => {
    const kiosk = await sealedKiosk();
    const original = readFileSync(kiosk.sealedFile);
    const sealed = SealedRosterFile.parse(JSON.parse(original.toString('utf8')));
    const flipBit = (b64: string, at: number) => {
      const bytes = Buffer.from(b64, 'base64');
      bytes[at] = bytes[at]! ^ 0x01;
      return bytes.toString('base64');
    };
    const rewritten = (change: Partial<SealedRosterFile>) =>
      Buffer.from(JSON.stringify({ ...sealed, ...change }));
    await expectRefusedAndKept(kiosk, rewritten({ ciphertext: flipBit(sealed.ciphertext, 40) }));
    await expectRefusedAndKept(kiosk, rewritten({ tag: flipBit(sealed.tag, 0) }));
    await expectRefusedAndKept(kiosk, rewritten({ iv: flipBit(sealed.iv, 11) }));
    await expectRefusedAndKept(kiosk, rewritten({ schema: 'lbt.sealed-roster/2' as 'lbt.sealed-roster/1' }));
    const byteFlipped = Buffer.from(original);
    const at = original.indexOf(sealed.ciphertext) + 20;
    byteFlipped[at] = byteFlipped[at] === 0x41 ? 0x42 : 0x41;
    await expectRefusedAndKept(kiosk, byteFlipped);
    await expectRefusedAndKept(kiosk, original.subarray(0, Math.floor(original.length / 2)));
    await expectRefusedAndKept(kiosk, Buffer.alloc(0));
    writeFileSync(kiosk.sealedFile, original);
    expect(await kiosk.load()).toEqual(kiosk.fixture.roster);
  });

  it('refuses a sealed roster from another kiosk or under another key, and leaves it in place', async () => {
    const kiosk = await sealedKiosk();
    const theirs = await sealedKiosk();
    // Same server, same signed roster, but sealed under the other data dir's roster key.
    await theirs.fixture.writeEnvelope(kiosk.fixture.signed);
    const foreign = readFileSync(theirs.sealedFile);
    await expectRefusedAndKept(kiosk, foreign);
    const error = await refusal(kiosk.load());
    expect(error.detail).toContain('another roster key');
    writeFileSync(kiosk.sealedFile, readFileSync(theirs.sealedFile));
    await expect(kiosk.load(async () => randomBytes(32))).rejects.toMatchObject({ code: 'corrupt' });
    expect(await kiosk.load(theirs.fixture.rosterKey)).toEqual(kiosk.fixture.roster);
  });

  it('refuses calmly when the roster key itself cannot be unsealed, and touches neither file', async () => {
    const kiosk = await sealedKiosk();
    const sealedBefore = readFileSync(kiosk.sealedFile);
    const keyFile = join(kiosk.dataDir, ROSTER_KEY_FILE);
    writeFileSync(keyFile, '{"schema":"lbt.sealed-key/1","purpose":"roster"');
    const fresh = rosterKeyFrom(kiosk.dataDir, await FileKeyProvider.open(kiosk.dataDir));
    const error = await refusal(kiosk.load(fresh));
    expect(error.code).toBe('corrupt');
    expect(error.detail).toMatch(/^roster key: /);
    expect(readFileSync(kiosk.sealedFile).equals(sealedBefore)).toBe(true);
    expect(readFileSync(keyFile, 'utf8')).toBe('{"schema":"lbt.sealed-key/1","purpose":"roster"');
  });
});

describe("an older kiosk's plain roster.json", () => {
  it('is verified, sealed and removed, and the sealed copy serves every later load', async () => {
    const kiosk = await sealedKiosk({ legacy: true });
    expect(kiosk.fixture.rosterFile).toBe(kiosk.legacyFile);
    expect(existsSync(kiosk.sealedFile)).toBe(false);
    expect(await kiosk.load()).toEqual(kiosk.fixture.roster);
    expect(existsSync(kiosk.legacyFile)).toBe(false);
    const bytes = readFileSync(kiosk.sealedFile);
    for (const secret of secretsOf(kiosk.fixture.roster)) expect(bytes.includes(secret)).toBe(false);
    expect(await kiosk.load()).toEqual(kiosk.fixture.roster);
  });

  it('is refused as before when edited or not JSON, and left exactly as it was (nothing sealed)', async () => {
    const kiosk = await sealedKiosk({ legacy: true });
    const original = readFileSync(kiosk.legacyFile, 'utf8');
    const edited = original.replace('Anna de Vries', 'Anna de Vriez');
    expect(edited).not.toBe(original);
    writeFileSync(kiosk.legacyFile, edited);
    const error = await refusal(kiosk.load());
    expect(error.code).toBe('bad-signature');
    expect(error.message).toContain('niet gebruikt');
    expect(readFileSync(kiosk.legacyFile, 'utf8')).toBe(edited);
    writeFileSync(kiosk.legacyFile, '{"payload": ');
    expect((await refusal(kiosk.load())).code).toBe('corrupt');
    expect(readFileSync(kiosk.legacyFile, 'utf8')).toBe('{"payload": ');
    expect(existsSync(kiosk.sealedFile)).toBe(false);
  });

  it('is removed when left beside a readable sealed roster (an interrupted migration), but kept beside a bad one', async () => {
    const kiosk = await sealedKiosk();
    writeFileSync(kiosk.legacyFile, JSON.stringify(kiosk.fixture.signed));
    const sealed = readFileSync(kiosk.sealedFile);
    await expectRefusedAndKept(kiosk, sealed.subarray(0, 30));
    expect(existsSync(kiosk.legacyFile)).toBe(true);
    writeFileSync(kiosk.sealedFile, sealed);
    expect(await kiosk.load()).toEqual(kiosk.fixture.roster);
    expect(existsSync(kiosk.legacyFile)).toBe(false);
  });

  it('never replaces a sealed roster already there (an older plain copy is dropped, not migrated)', async () => {
    const kiosk = await sealedKiosk();
    const newer = await kiosk.fixture.rewrite((roster) => ({ ...roster, serial: 7 }));
    const older = await writeRosterFixture(tempDataDir(), {
      serverPrivateKey: kiosk.fixture.serverPrivateKey,
      serial: 3,
    });
    writeFileSync(kiosk.legacyFile, JSON.stringify(older.signed));
    expect((await kiosk.load())!.serial).toBe(newer.payload.serial);
    expect(existsSync(kiosk.legacyFile)).toBe(false);
  });
});
