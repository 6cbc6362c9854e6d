// `npm run dev` / `npm start`: makes sure a database is there (DATABASE_URL, or the embedded
// server on .data/pg), migrates it, seeds it when empty, then runs Next.js until it exits.
// Ctrl-C or SIGTERM stops Next.js first, then PostgreSQL.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { sql as drizzleSql } from 'drizzle-orm';
import { createDatabase } from '@/db/connection';
import { withDatabaseUrl } from '@/db/embedded-server';
import { runMigrations } from '@/db/migrate';
import { seedDatabase } from '@/db/seed/seed';

const nextArgs = process.argv.slice(2);
const portFlag = nextArgs.findIndex((arg) => arg === '-p' || arg === '--port');
const port = (portFlag >= 0 ? nextArgs[portFlag + 1] : undefined) ?? process.env.PORT ?? '3000';
const nextBin = createRequire(import.meta.url).resolve('next/dist/bin/next');

async function prepare(url: string) {
  const { db, sql } = createDatabase(url, { max: 1 });
  try {
    await runMigrations(db);
    const [{ count }] = (await db.execute<{ count: number }>(drizzleSql`select count(*)::int as count from roles`)) as unknown as [
      { count: number },
    ];
    if (count === 0) {
      const admin =
        process.env.ADMIN_EMAIL && process.env.ADMIN_PASSWORD
          ? { email: process.env.ADMIN_EMAIL, password: process.env.ADMIN_PASSWORD }
          : undefined;
      await seedDatabase(db, { admin });
      console.log('Seeded the empty database with the sample roles.');
    }
  } finally {
    await sql.end();
  }
}

const exitCode = await withDatabaseUrl(async (url, source) => {
  await prepare(url);
  console.log(`Database: ${source}`);
  console.log(`Roleboard: http://localhost:${port}`);
  const child = spawn(process.execPath, [nextBin, ...nextArgs], {
    stdio: 'inherit',
    env: { ...process.env, DATABASE_URL: url, PORT: port },
  });
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  return new Promise<number>((resolve) => child.on('exit', (code, signal) => resolve(code ?? (signal ? 0 : 1))));
});
process.exit(exitCode);
