/**
 * The service's Ed25519 signing key (receipts, rosters). It lives in the database, not in a file, so every
 * instance on one PostgreSQL signs with the same key and a kiosk's pinned key stays valid whichever instance
 * answers. Created once: `meta.server-key` names the current key, claimed with insert-if-absent in a
 * transaction, so instances starting together agree on one key. See docs/RESULTS.md, "Key custody".
 */
import type { KeyObject } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { ServerKey } from '../../shared/results-service';
import type { Database } from '../db/tables';
import { generateEd25519, privateKeyFromDer } from './ed25519';

const CURRENT_KEY = 'server-key';

export interface ServerSigningKey {
  /** What a kiosk pins (EnrollResponse.serverKey). */
  pinned: ServerKey;
  privateKey: KeyObject;
}

export async function loadOrCreateServerKey(db: Kysely<Database>, now: Date): Promise<ServerSigningKey> {
  let current = await readCurrent(db);
  if (!current) {
    const fresh = generateEd25519();
    await db.transaction().execute(async (trx) => {
      const claimed = await trx
        .insertInto('meta')
        .values({ key: CURRENT_KEY, value: fresh.keyId })
        .onConflict((oc) => oc.column('key').doNothing())
        .executeTakeFirst();
      // Another instance claimed first: keep its key, drop ours.
      if (Number(claimed.numInsertedOrUpdatedRows ?? 0n) === 0) return;
      await trx
        .insertInto('server_keys')
        .values({
          key_id: fresh.keyId,
          public_key: fresh.publicKey,
          private_key: fresh.privateKeyDer,
          created_at: now.toISOString(),
        })
        .execute();
    });
    current = await readCurrent(db);
    if (!current) throw new Error('The server key could not be created.');
  }
  return {
    pinned: { keyId: current.key_id, publicKey: current.public_key },
    privateKey: privateKeyFromDer(current.private_key),
  };
}

async function readCurrent(db: Kysely<Database>) {
  return db
    .selectFrom('meta')
    .innerJoin('server_keys', 'server_keys.key_id', 'meta.value')
    .select(['server_keys.key_id', 'server_keys.public_key', 'server_keys.private_key'])
    .where('meta.key', '=', CURRENT_KEY)
    .executeTakeFirst();
}
