// The worker thread of lib/jobs/title-classifier-thread.ts: builds the title classifier's model
// from every labelled title, hands it to the thread that started this one (its arrays moved, not
// copied) and ends, taking the building's garbage with it. Run by that module only.
import { parentPort } from 'node:worker_threads';
import { readLabelledTitles } from './labelled-titles';
import { buffersOf, buildModel } from './title-classifier';

if (!parentPort) throw new Error('title-classifier-worker.ts runs as a worker thread');
const model = buildModel(readLabelledTitles().titles);
parentPort.postMessage(model, buffersOf(model));
