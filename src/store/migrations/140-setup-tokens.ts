/**
 * @module First-admin setup tokens (owned by `src/app/accounts/setup-token.ts`). `mizan serve` on a
 * database with no account makes one and prints its address; the token is kept here, not in the
 * server's memory, so the address works whichever server on this database answers (several servers
 * behind one proxy each make their own, and every one that has not expired works until an account
 * exists). Only the SHA-256 of a token is stored, with when it stops working.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('setup_tokens')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Mizan migrations only go forward');
}
