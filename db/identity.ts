// Which database this is, as a short stable string: the cluster's system identifier (where the
// role may read it) and the database's name and OID. A database dropped and created again under
// the same name has a new OID, so caches keyed by this never hand one database's rows to another.
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Database } from './connection';

async function systemIdentifier(db: Database) {
  try {
    const [row] = (await db.execute<{ id: string }>(sql`select system_identifier::text as id from pg_control_system()`)) as unknown as { id: string }[];
    return row?.id ?? '';
  } catch {
    // pg_control_system() is for superusers and pg_monitor; the OID and name still tell databases apart.
    return '';
  }
}

export async function databaseIdentity(db: Database) {
  const [row] = (await db.execute<{ oid: string; name: string }>(
    sql`select oid::text as oid, datname as name from pg_database where datname = current_database()`,
  )) as unknown as { oid: string; name: string }[];
  const identity = `${await systemIdentifier(db)}/${row!.oid}/${row!.name}`;
  return createHash('sha256').update(identity).digest('base64url').slice(0, 16);
}
