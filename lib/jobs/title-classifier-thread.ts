// The job-title classifier (./title-classifier.ts) in a worker thread of its own, for servers and
// imports. Its model takes about a second of one core and some 60 MB to build: built in the web
// process, that second stopped every request and the memory stayed for good. Here a process only
// sends titles and waits for the answers. The thread starts on the first question and ends after
// a few idle minutes, taking the model with it; the next question after a quiet spell builds it
// again, on its own core.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { OccupationSuggestion, TitlePlacement } from './title-classifier';

type Question = { kind: 'classify'; titles: string[] } | { kind: 'suggest'; title: string; limit: number };
export type TitleQuestion = Question & { id: number };
export type TitleAnswer = { id: number; placements: TitlePlacement[] } | { id: number; suggestions: OccupationSuggestion[] } | { id: number; error: string };

/** How long the thread, and its model, outlive the last answer. */
const IDLE_LIFETIME_MS = 5 * 60_000;

/**
 * The worker runs the TypeScript source as it stands, through tsx (a worker does not inherit the
 * process's `--import tsx`). The file is found from the project folder, where every command runs,
 * not from `import.meta.url`: in the web process this module is part of Next's bundle.
 */
const workerFile = pathToFileURL(path.join(process.cwd(), 'lib/jobs/title-classifier-worker.ts')).href;
const workerScript = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(workerFile)}); });`;

type Waiting = { resolve: (answer: TitleAnswer) => void; reject: (error: Error) => void };

let worker: Worker | undefined;
let nextQuestionId = 1;
const waiting = new Map<number, Waiting>();
let idleTimer: NodeJS.Timeout | undefined;

function failEveryQuestion(error: Error) {
  for (const question of waiting.values()) question.reject(error);
  waiting.clear();
}

function startThread(): Worker {
  const started = new Worker(workerScript, { eval: true });
  started.on('message', (answer: TitleAnswer) => {
    const question = waiting.get(answer.id);
    if (!question) return;
    waiting.delete(answer.id);
    question.resolve(answer);
    if (waiting.size === 0) becomeIdle(started);
  });
  started.on('error', (error) => failEveryQuestion(error));
  started.on('exit', (code) => {
    if (worker === started) worker = undefined;
    failEveryQuestion(new Error(`the title classifier's thread ended (exit code ${code})`));
  });
  return started;
}

/** An idle thread does not keep its process alive, and ends after IDLE_LIFETIME_MS. */
function becomeIdle(thread: Worker) {
  thread.unref();
  clearTimeout(idleTimer);
  idleTimer = setTimeout(() => {
    if (worker === thread && waiting.size === 0) {
      worker = undefined;
      void thread.terminate();
    }
  }, IDLE_LIFETIME_MS);
  idleTimer.unref();
}

function ask(question: Question, timeoutMs?: number): Promise<TitleAnswer> {
  clearTimeout(idleTimer);
  worker ??= startThread();
  // Waiting for an answer keeps the process alive (a script's last await may be this one).
  worker.ref();
  const id = nextQuestionId++;
  const thread = worker;
  return new Promise<TitleAnswer>((resolve, reject) => {
    const timer =
      timeoutMs === undefined
        ? undefined
        : setTimeout(() => {
            waiting.delete(id);
            if (waiting.size === 0) becomeIdle(thread);
            reject(new Error(`the title classifier did not answer within ${timeoutMs} ms`));
          }, timeoutMs);
    waiting.set(id, {
      resolve: (answer) => {
        clearTimeout(timer);
        if ('error' in answer) reject(new Error(answer.error));
        else resolve(answer);
      },
      reject: (error) => {
        clearTimeout(timer);
        reject(error);
      },
    });
    thread.postMessage({ ...question, id });
  });
}

/** Each title's placement, in the order given (./title-classifier.ts `classifyJobTitle`). */
export async function classifyTitles(titles: string[], { timeoutMs }: { timeoutMs?: number } = {}): Promise<TitlePlacement[]> {
  if (titles.length === 0) return [];
  const answer = await ask({ kind: 'classify', titles }, timeoutMs);
  return 'placements' in answer ? answer.placements : [];
}

/** Up to `limit` occupations a title may belong to, best first (./title-classifier.ts `suggestOccupations`). */
export async function suggestOccupationsFor(title: string, limit = 5, { timeoutMs }: { timeoutMs?: number } = {}): Promise<OccupationSuggestion[]> {
  const answer = await ask({ kind: 'suggest', title, limit }, timeoutMs);
  return 'suggestions' in answer ? answer.suggestions : [];
}
