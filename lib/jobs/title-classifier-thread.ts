// The job-title classifier (./title-classifier.ts) for servers and imports. Building its model
// takes about a second of one core and passes through some 60 MB of labelled titles, so a worker
// thread of its own builds it: the server's requests go on meanwhile, and that memory leaves with
// the thread. The thread hands the model over, its arrays moved rather than copied, and this
// process keeps it (about 15 MB) and answers each title in well under a millisecond, a long list
// a slice at a time so that a large import never holds up other requests.
import path from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { classifierOf, type ClassifierModel, type OccupationSuggestion, type TitleClassifier, type TitlePlacement } from './title-classifier';

/**
 * The worker runs the TypeScript source as it stands, through tsx (a worker does not inherit the
 * process's `--import tsx`). The file is found from the project folder, where every command runs,
 * not from `import.meta.url`: in the web process this module is part of Next's bundle.
 */
const workerFile = pathToFileURL(path.join(process.cwd(), 'lib/jobs/title-classifier-worker.ts')).href;
const workerScript = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(workerFile)}); });`;

/** How long the classifier answers before it lets other work run. */
const SLICE_MS = 10;

let classifier: Promise<TitleClassifier> | undefined;

/** The model, built once per process on first use; a failed build is tried again on the next question. */
function builtClassifier(): Promise<TitleClassifier> {
  classifier ??= buildInThread().catch((error: unknown) => {
    classifier = undefined;
    throw error;
  });
  return classifier;
}

function buildInThread(): Promise<TitleClassifier> {
  return new Promise((resolve, reject) => {
    const thread = new Worker(workerScript, { eval: true });
    thread.once('message', (model: ClassifierModel) => resolve(classifierOf(model)));
    thread.once('error', reject);
    // After the message this changes nothing: a settled promise stays settled.
    thread.once('exit', (code) => reject(new Error(`the title classifier's thread ended before its model was built (exit code ${code})`)));
  });
}

/** Each title's answer, in order; past `timeoutMs` from the call (the model's first build included) an error. */
async function answerEach<T>(titles: string[], answer: (classifier: TitleClassifier, title: string) => T, timeoutMs?: number): Promise<T[]> {
  const deadline = performance.now() + (timeoutMs ?? Infinity);
  const late = () => new Error(`the title classifier did not answer within ${timeoutMs} ms`);
  let timer: NodeJS.Timeout | undefined;
  const model = await Promise.race([
    builtClassifier(),
    ...(timeoutMs === undefined ? [] : [new Promise<never>((_, reject) => (timer = setTimeout(() => reject(late()), timeoutMs)))]),
  ]).finally(() => clearTimeout(timer));
  const answers: T[] = [];
  let sliceStarted = performance.now();
  for (const title of titles) {
    if (performance.now() - sliceStarted > SLICE_MS) {
      await nextTurn();
      if (performance.now() > deadline) throw late();
      sliceStarted = performance.now();
    }
    answers.push(answer(model, title));
  }
  return answers;
}

/** Each title's placement, in the order given (./title-classifier.ts `classifyJobTitle`). */
export function classifyTitles(titles: string[], { timeoutMs }: { timeoutMs?: number } = {}): Promise<TitlePlacement[]> {
  if (titles.length === 0) return Promise.resolve([]);
  return answerEach(titles, (model, title) => model.classify(title), timeoutMs);
}

/** Up to `limit` occupations a title may belong to, best first (./title-classifier.ts `suggestOccupations`). */
export async function suggestOccupationsFor(title: string, limit = 5, { timeoutMs }: { timeoutMs?: number } = {}): Promise<OccupationSuggestion[]> {
  const [suggestions] = await answerEach([title], (model) => model.suggest(title, limit), timeoutMs);
  return suggestions ?? [];
}
