// The worker thread's side of lib/jobs/title-classifier-thread.ts: builds the title classifier's
// model on the first question and answers each message in turn. Run by that module only.
import { parentPort } from 'node:worker_threads';
import { classifyJobTitle, suggestOccupations } from './title-classifier';
import type { TitleQuestion, TitleAnswer } from './title-classifier-thread';

if (!parentPort) throw new Error('title-classifier-worker.ts runs as a worker thread');
const port = parentPort;

port.on('message', (question: TitleQuestion) => {
  let answer: TitleAnswer;
  try {
    answer =
      question.kind === 'classify'
        ? { id: question.id, placements: question.titles.map((title) => classifyJobTitle(title)) }
        : { id: question.id, suggestions: suggestOccupations(question.title, question.limit) };
  } catch (error) {
    answer = { id: question.id, error: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(answer);
});
