// `npm run jobs:import -- FILE [--dry-run]`: imports a file of job postings (Roleboard's CSV, the
// USAJOBS or NYC Jobs sets' own CSV, or schema.org JobPosting JSON-LD; gzipped or not; the formats
// are lib/jobs/posting-file.ts's) into DATABASE_URL or the embedded database, migrating it first.
// Prints the plan; then, unless --dry-run, applies it in one transaction (nothing at all if any
// row is invalid: exit 1) and tells the running server which cached pages to refresh.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { withDatabaseUrl } from '@/db/embedded-server';
import { applyJobImport, planJobImport, type JobImportPlan } from '@/db/job-import';
import { withMigratedDatabase } from '@/db/prepare-database';
import { formatByteSize, formatCount } from '@/lib/domain/format';
import { describePostingProblem, POSTING_FILE_LIMITS, postingFormatNames, readPostingFile } from '@/lib/jobs/posting-file';
import { tellRunningServer } from './running-server';

const limits = POSTING_FILE_LIMITS.commandLine;
const usage = `Usage: npm run jobs:import -- FILE [--dry-run]

Imports job postings from FILE (at most ${formatByteSize(limits.maxBytes)} unzipped and ${formatCount(limits.maxRows)} postings; .gz is read too):
Roleboard's postings CSV (documented on /developers), the USAJOBS or NYC Jobs sets' own CSV,
or schema.org JobPosting JSON-LD (an array, or an ItemList), into DATABASE_URL or the embedded database.
  --dry-run   show what the import would change, and write nothing`;

const MAX_PROBLEMS_SHOWN = 20;

function fail(message: string, code = 1): never {
  console.error(message);
  process.exit(code);
}

let parsed;
try {
  parsed = parseArgs({ options: { 'dry-run': { type: 'boolean' }, help: { type: 'boolean' } }, allowPositionals: true, strict: true });
} catch (error) {
  fail(`${(error as Error).message}\n\n${usage}`, 2);
}
if (parsed.values.help) {
  console.log(usage);
  process.exit(0);
}
if (parsed.positionals.length !== 1) fail(usage, 2);
const dryRun = parsed.values['dry-run'] === true;
// npm runs scripts in the project folder; the file is named relative to where the command was typed.
const file = path.resolve(process.env.INIT_CWD ?? process.cwd(), parsed.positionals[0]!);

let bytes: Buffer;
try {
  // Refused before reading when even the zipped file is over the limit.
  if (fs.statSync(file).size > limits.maxBytes) fail(`${file} is ${formatByteSize(fs.statSync(file).size)}; files may be at most ${formatByteSize(limits.maxBytes)}.`);
  bytes = fs.readFileSync(file);
} catch (error) {
  fail(`Cannot read ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}.`);
}
const postings = readPostingFile(bytes, limits);
console.log(`Read ${file}: ${postings.format ? postingFormatNames[postings.format] : 'unknown format'}, ${formatCount(postings.rowCount)} postings.`);

function printPlan(plan: JobImportPlan) {
  const { counts } = plan;
  console.log(`Plan: ${formatCount(counts.new)} new, ${formatCount(counts.changed)} changed, ${formatCount(counts.unchanged)} unchanged, ${formatCount(counts.invalid)} invalid.`);
  if (plan.problems.length > 0) {
    console.log('\nThe file cannot be imported until these are fixed; nothing was applied.');
    for (const problem of plan.problems.slice(0, MAX_PROBLEMS_SHOWN)) console.log(`  ${describePostingProblem(problem)}`);
    if (plan.problems.length > MAX_PROBLEMS_SHOWN) console.log(`  … and ${formatCount(plan.problems.length - MAX_PROBLEMS_SHOWN)} more.`);
  }
}

const exitCode = await withDatabaseUrl((url, source) =>
  withMigratedDatabase(url, async (db) => {
    console.log(`Database: ${source}`);
    const plan = await planJobImport(db, postings);
    printPlan(plan);
    if (plan.problems.length > 0 || plan.format === null) return 1;
    if (dryRun) {
      console.log('Dry run: nothing was written.');
      return 0;
    }
    const started = performance.now();
    const result = await applyJobImport(db, postings, { actorId: null, runId: 'command-line', fileName: path.basename(file) });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    if (result.status === 'nothing-to-apply') {
      console.log('Nothing to apply: every posting matches what the database holds.');
      return 0;
    }
    if (result.status !== 'applied') {
      printPlan(result.plan);
      return 1;
    }
    const { counts } = result;
    console.log(
      `Applied in ${seconds} s: ${formatCount(counts.new)} new, ${formatCount(counts.changed)} changed, ${formatCount(counts.unchanged)} unchanged; ` +
        `${formatCount(counts.placed)} placed in an occupation, ${formatCount(counts.unplaced)} waiting for an editor at /admin/jobs.`,
    );
    console.log(await tellRunningServer(result.tags));
    return 0;
  }),
);
process.exit(exitCode);
