// `npm run data:import -- [FILE.csv] [--dry-run] [--overwrite-edited]`: imports a catalogue CSV (the
// format of /api/v1/roles.csv, lib/catalogue-csv.ts), or without FILE the default catalogue,
// into DATABASE_URL or the embedded database, migrating it first like `npm run db:seed`. Prints
// what the import would change; then, unless --dry-run, applies it in one transaction (nothing at
// all if any row is invalid) and tells the running server which cached pages to refresh
// (POST /api/internal/revalidate, signed with AUTH_SECRET).
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { applyCatalogueImport, isHeldBack, planCatalogueImport, type ImportPlan, type PlannedRole } from '@/db/catalogue-import';
import { ensureUsCategories, importDefaultCatalogue } from '@/db/catalogue/default-catalogue';
import { loadUsOccupationCatalogue } from '@/db/catalogue/us-occupations';
import type { Database } from '@/db/connection';
import { withDatabaseUrl } from '@/db/embedded-server';
import { withMigratedDatabase } from '@/db/prepare-database';
import { isTakenSlugOrSocCode } from '@/db/role-writes';
import { CATALOGUE_FILE_LIMITS, describeProblem, readCatalogueFile } from '@/lib/catalogue-file';
import { formatCount } from '@/lib/domain/format';
import { areaCountInWords } from '@/lib/us-states';
import { tellRunningServer } from './running-server';

const usage = `Usage: npm run data:import -- [FILE.csv] [--dry-run] [--overwrite-edited]

Imports a catalogue CSV in the format of /api/v1/roles.csv (at most ${CATALOGUE_FILE_LIMITS.maxBytes / 1024 / 1024} MB and ${formatCount(CATALOGUE_FILE_LIMITS.maxRows)} roles),
or without FILE the default catalogue (the seed role and 831 BLS occupations, May 2023 then May 2024 figures),
into DATABASE_URL, or the embedded database when it is not set.
  --dry-run            show what the import would change, and write nothing
  --overwrite-edited   also replace fields an editor set by hand (rows that would change them are left alone otherwise)

A file may give only some columns: the key (slug, or soc_code without a slug column) and the
columns to change; every other field stays as it is. Such a file cannot create roles.`;

const MAX_PROBLEMS_SHOWN = 20;
const PROGRESS_EVERY = 100;

function fail(message: string, code = 1): never {
  console.error(message);
  process.exit(code);
}

let parsed: ReturnType<typeof parseArgs<{ options: { 'dry-run': { type: 'boolean' }; 'overwrite-edited': { type: 'boolean' }; help: { type: 'boolean' } }; allowPositionals: true }>>;
try {
  parsed = parseArgs({
    options: { 'dry-run': { type: 'boolean' }, 'overwrite-edited': { type: 'boolean' }, help: { type: 'boolean' } },
    allowPositionals: true,
    strict: true,
  });
} catch (error) {
  fail(`${(error as Error).message}\n\n${usage}`, 2);
}
if (parsed.values.help) {
  console.log(usage);
  process.exit(0);
}
if (parsed.positionals.length > 1) fail(usage, 2);
const dryRun = parsed.values['dry-run'] === true;
const overwriteEdited = parsed.values['overwrite-edited'] === true;
// npm runs scripts in the project folder; the file is named relative to where the command was typed.
const file = parsed.positionals[0] === undefined ? null : path.resolve(process.env.INIT_CWD ?? process.cwd(), parsed.positionals[0]);

function readFile(file: string) {
  let size: number;
  try {
    size = fs.statSync(file).size;
  } catch (error) {
    fail(`Cannot read ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}.`);
  }
  // Refused before reading, however large; the reader says the same about anything over the limit it is given.
  if (size > CATALOGUE_FILE_LIMITS.maxBytes) fail(`${file} is ${(size / 1024 / 1024).toFixed(1)} MB; files may be at most ${CATALOGUE_FILE_LIMITS.maxBytes / 1024 / 1024} MB.`);
  return readCatalogueFile(fs.readFileSync(file));
}

/** "a, b and 3 more" */
function someOf(roles: PlannedRole[]) {
  const shown = roles.slice(0, 10).map((role) => role.slug);
  return roles.length > shown.length ? `${shown.join(', ')} and ${formatCount(roles.length - shown.length)} more` : shown.join(', ');
}

function printPlan(plan: ImportPlan) {
  const { counts } = plan;
  const edited = plan.roles.filter(isHeldBack);
  console.log(
    `Plan: ${formatCount(counts.new)} new, ${formatCount(counts.changed)} changed, ` +
      `${formatCount(overwriteEdited ? 0 : counts.edited)} edited since their last import${counts.edited > 0 ? ' (left alone; --overwrite-edited updates them)' : ''}, ` +
      `${formatCount(counts.unchanged)} unchanged, ${formatCount(counts.invalid)} invalid.`,
  );
  if (plan.partialColumns) console.log(`  A partial file: only its columns change (${plan.partialColumns.join(', ')}); every other field stays as it is.`);
  const newRoles = plan.roles.filter((role) => role.kind === 'new');
  const changed = plan.roles.filter((role) => role.kind === 'changed' && !isHeldBack(role));
  if (newRoles.length > 0) console.log(`  New: ${someOf(newRoles)}`);
  if (changed.length > 0) console.log(`  Changed: ${someOf(changed)}`);
  if (edited.length > 0) console.log(`  Edited since their last import${overwriteEdited ? ' (will be overwritten)' : ''}: ${someOf(edited)}`);
  if (plan.problems.length > 0) {
    console.log(`\nThe file cannot be imported until these are fixed; nothing was applied.`);
    for (const problem of plan.problems.slice(0, MAX_PROBLEMS_SHOWN)) console.log(`  ${describeProblem(problem)}`);
    if (plan.problems.length > MAX_PROBLEMS_SHOWN) console.log(`  … and ${formatCount(plan.problems.length - MAX_PROBLEMS_SHOWN)} more.`);
  }
}

/** Progress on long imports: one line rewritten in a terminal, a line every 100 roles in a log. */
function progressLine(done: number, total: number) {
  if (total < PROGRESS_EVERY || (done % PROGRESS_EVERY !== 0 && done !== total)) return;
  const text = `Applying: ${formatCount(done)} of ${formatCount(total)} roles written`;
  if (process.stdout.isTTY) process.stdout.write(`\r${text}${done === total ? '\n' : ''}`);
  else console.log(text);
}

/** A dry run of the default catalogue: its latest release planned as if its categories existed, then rolled back. */
async function planDefaultCatalogue(db: Database) {
  const latest = loadUsOccupationCatalogue().at(-1)!;
  let plan: ImportPlan | undefined;
  await db
    .transaction(async (tx) => {
      await ensureUsCategories(tx);
      plan = await planCatalogueImport(tx, { rows: latest.records.map((record) => ({ record })), problems: [] }, { overwriteEdited });
      throw new RolledBack();
    })
    .catch((error) => {
      if (!(error instanceof RolledBack)) throw error;
    });
  return plan!;
}

class RolledBack extends Error {}

async function importDefault(db: Database) {
  if (dryRun) {
    printPlan(await planDefaultCatalogue(db));
    console.log('Dry run (the May 2024 figures against the database): nothing was written.');
    return 0;
  }
  const started = performance.now();
  const result = await importDefaultCatalogue(db, { onRelease: (asOf) => console.log(`Importing the U.S. catalogue as of ${asOf}…`), onProgress: progressLine });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`Applied in ${seconds} s: created ${formatCount(result.created)}, updated ${formatCount(result.updated)} (counting each release).`);
  console.log(`State figures (BLS May 2024): ${formatCount(result.states.figures)} in ${areaCountInWords(result.states.areas)}, loaded in ${result.states.seconds.toFixed(1)} s.`);
  if (result.tags.length > 0) console.log(await tellRunningServer(result.tags));
  return 0;
}

const catalogue = file === null ? null : readFile(file);
if (catalogue && catalogue.problems.length > 0 && catalogue.rows.length === 0) {
  console.log(`Read ${file}: it cannot be imported; nothing was applied.`);
  for (const problem of catalogue.problems.slice(0, MAX_PROBLEMS_SHOWN)) console.log(`  ${describeProblem(problem)}`);
  process.exit(1);
}
if (catalogue) console.log(`Read ${file}: ${formatCount(catalogue.rows.length)} rows.`);

const exitCode = await withDatabaseUrl((url, source) =>
  withMigratedDatabase(url, async (db) => {
    try {
      if (!catalogue) {
        console.log(`Database: ${source}`);
        return await importDefault(db);
      }
      const plan = await planCatalogueImport(db, catalogue, { overwriteEdited });
      console.log(`Database: ${source}`);
      printPlan(plan);
      if (plan.problems.length > 0) return 1;
      if (dryRun) {
        console.log('Dry run: nothing was written.');
        return 0;
      }
      if (plan.counts.new + plan.counts.changed === 0) {
        console.log(
          plan.counts.edited > 0
            ? 'Nothing to apply: every row that would change is a role editors have changed (--overwrite-edited replaces them).'
            : 'Nothing to apply: every row matches what the database holds.',
        );
        return 0;
      }
      const started = performance.now();
      const result = await applyCatalogueImport(db, catalogue, { actorId: null, overwriteEdited, onProgress: progressLine });
      if (result.status !== 'applied') {
        // The database changed since the plan above (a category removed, a SOC code taken).
        printPlan(result.plan);
        return 1;
      }
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      console.log(
        `Applied in ${seconds} s: created ${formatCount(result.created.length)}, updated ${formatCount(result.updated.length)}, ` +
          `left alone ${formatCount(result.leftAlone.length)}, unchanged ${formatCount(result.unchanged)}.`,
      );
      if (result.tags.length > 0) console.log(await tellRunningServer(result.tags));
      return 0;
    } catch (error) {
      if (!isTakenSlugOrSocCode(error)) throw error;
      console.error('A role was saved with one of these slugs or SOC codes while the import ran; nothing was applied. Run the import again.');
      return 1;
    }
  }),
);
process.exit(exitCode);
