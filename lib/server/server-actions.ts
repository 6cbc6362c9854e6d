// Which Server Action requests reach Next.js. Next.js registers every `'use cache'` function as a
// server reference, beside the real Server Actions, and its action endpoint runs any reference of
// the build's manifest with whatever arguments the request carries: posted to a page, a cached
// read such as a sitemap file's would store a new entry for every new argument. The front lets
// through only the real actions:
// - a fetch action (JavaScript on) names its id in the Next-Action header;
// - a form posted without JavaScript names it in its multipart body: a field `$ACTION_ID_<id>`, or
//   `$ACTION_REF_<n>` with the descriptor `$ACTION_<n>:0` = `{"id":"<id>",…}` (what React's
//   decodeAction reads).
// Next.js and React document neither the manifest, nor how an id says what it refers to, nor these
// field names, nor React's encoding of arguments: the names are in lib/framework-contract.mjs, this
// module alone reads the rest, and tests/e2e/server-actions.spec.ts fails with a clear message if a
// build stops matching them.
import fs from 'node:fs';
import type { IncomingMessage } from 'node:http';
import path from 'node:path';
import { extractInfoFromServerReferenceId } from 'next/dist/shared/lib/server-reference-info.js';
import {
  ACTION_FIELD_PREFIX,
  ACTION_ID_FIELD_PREFIX,
  ACTION_REF_FIELD_PREFIX,
  SERVER_ACTION_HEADER,
  SERVER_REFERENCE_MANIFEST_FILE,
} from '@/lib/framework-contract.mjs';

export type ServerReferences = { actions: ReadonlySet<string>; cacheFunctions: ReadonlySet<string> };

/** The build's server references: its Server Actions, and its `'use cache'` functions, which are not actions. */
export function readServerReferences(distDir: string): ServerReferences {
  const manifest = JSON.parse(fs.readFileSync(path.join(distDir, SERVER_REFERENCE_MANIFEST_FILE), 'utf8')) as Record<string, unknown>;
  const ids = ['node', 'edge'].flatMap((runtime) => Object.keys((manifest[runtime] as Record<string, unknown> | undefined) ?? {}));
  const actions = new Set<string>();
  const cacheFunctions = new Set<string>();
  // The id's first byte says which kind of reference it is (Next.js's own reading of it).
  for (const id of ids) (extractInfoFromServerReferenceId(id).type === 'use-cache' ? cacheFunctions : actions).add(id);
  return { actions, cacheFunctions };
}

/** An action a form posted without JavaScript names, and whether React could decode its call. */
export type FormAction = { id: string; readable: boolean };

/**
 * The actions a form posted without JavaScript names, as React's decodeAction reads them: a field
 * `$ACTION_ID_<id>` (called with the form alone), or `$ACTION_REF_<n>` whose descriptor
 * `$ACTION_<n>:0` is `{"id":…,"bound":null}` or `{"id":…,"bound":"$@<k>"}` with the bound
 * arguments, a list, in `$ACTION_<n>:<k>`. A descriptor that cannot be read names the id ''.
 */
export function actionsInForm(form: FormData): FormAction[] {
  const found: FormAction[] = [];
  for (const name of new Set(form.keys())) {
    if (name.startsWith(ACTION_ID_FIELD_PREFIX)) found.push({ id: name.slice(ACTION_ID_FIELD_PREFIX.length), readable: true });
    else if (name.startsWith(ACTION_REF_FIELD_PREFIX)) found.push(referencedAction(form, name.slice(ACTION_REF_FIELD_PREFIX.length)));
  }
  return found;
}

function referencedAction(form: FormData, reference: string): FormAction {
  const field = (part: string) => {
    const values = form.getAll(`${ACTION_FIELD_PREFIX}${reference}:${part}`);
    return values.length === 1 && typeof values[0] === 'string' ? values[0] : null;
  };
  let descriptor: unknown;
  try {
    descriptor = JSON.parse(field('0') ?? '');
  } catch {
    return { id: '', readable: false };
  }
  const { id, bound } = (typeof descriptor === 'object' && descriptor !== null ? descriptor : {}) as { id?: unknown; bound?: unknown };
  if (typeof id !== 'string') return { id: '', readable: false };
  if (bound === null) return { id, readable: true };
  const part = typeof bound === 'string' ? /^\$@(\d{1,6})$/.exec(bound)?.[1] : undefined;
  return { id, readable: part !== undefined && isArgumentList(field(part)) };
}

/**
 * Reads a request's body (`length` bytes, as its Content-Length says) and puts it back, so that
 * Next.js reads the same bytes afterwards (stream.unshift, before the stream has ended for its
 * readers). Null when the client went away before sending it all.
 */
export function peekBody(request: IncomingMessage, length: number): Promise<Buffer | null> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let received = 0;
    const finish = (body: Buffer | null) => {
      request.off('readable', onReadable);
      request.off('end', onEnd);
      request.off('error', onEnd);
      request.off('close', onEnd);
      resolve(body);
    };
    const onReadable = () => {
      let chunk: Buffer | null;
      while (received < length && (chunk = request.read() as Buffer | null) !== null) {
        chunks.push(chunk);
        received += chunk.length;
      }
      if (received < length) return;
      const body = Buffer.concat(chunks);
      // In the same tick as the last read: the stream has not told its readers it ended.
      request.unshift(body);
      finish(body);
    };
    const onEnd = () => finish(null);
    request.on('readable', onReadable);
    request.once('end', onEnd);
    request.once('error', onEnd);
    request.once('close', onEnd);
  });
}

/**
 * - `refused`: it names something that is not one of the build's actions;
 * - `malformed`: it names one, but its arguments are not even an encoding React could read;
 * - `gone`: the client left before sending its body.
 */
export type ActionVerdict = 'not-an-action' | 'allowed' | 'refused' | 'malformed' | 'gone';

const isMultipart = (contentType: string) => /^multipart\/form-data\s*;/i.test(contentType);

async function formOf(body: Buffer, contentType: string) {
  try {
    return await new Request('http://front/', { method: 'POST', headers: { 'content-type': contentType }, body: new Uint8Array(body) }).formData();
  } catch {
    return null;
  }
}

/**
 * In React's encoding of arguments (encodeReply), a string starting with `$` refers to something
 * else: `$K1` a FormData sent in the parts named `1_…`, `$undefined`, `$n…` a BigInt, `$D…` a date,
 * `$NaN` and the infinities; a string that really starts with `$` is written `$$…`. Our forms send
 * only these. The others (promises, maps, sets, streams, server references, temporary references)
 * point at parts that a made-up request need not send, and React's decoding then fails with a 500.
 */
const PLAIN_REFERENCE = /^\$(?:\$|K\d{1,6}$|undefined$|n-?\d{1,400}$|D[\d\-T:.Z+]{1,40}$|NaN$|-?Infinity$|-0$)/;

function hasOnlyPlainReferences(value: unknown, depth = 0): boolean {
  if (depth > 64) return false;
  if (typeof value === 'string') return !value.startsWith('$') || PLAIN_REFERENCE.test(value);
  if (Array.isArray(value)) return value.every((item) => hasOnlyPlainReferences(item, depth + 1));
  if (typeof value === 'object' && value !== null) return Object.values(value).every((item) => hasOnlyPlainReferences(item, depth + 1));
  return true;
}

/** Whether text is a list of arguments as React encodes one: JSON, a list at the top, only plain references. */
function isArgumentList(text: unknown) {
  if (typeof text !== 'string') return false;
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) && hasOnlyPlainReferences(value);
  } catch {
    return false;
  }
}

/**
 * Whether a request may reach Next.js's action endpoint: a POST naming only real actions, with
 * arguments React can decode, or one naming none. The body is read first when it must be looked
 * at (the front has already refused bodies over its limit); Next.js then reads the same bytes.
 */
export async function checkServerActionRequest(request: IncomingMessage, actions: ReadonlySet<string>): Promise<ActionVerdict> {
  if (request.method !== 'POST') return 'not-an-action';
  const contentType = request.headers['content-type'] ?? '';
  const length = Number(request.headers['content-length'] ?? 0);
  const named = request.headers[SERVER_ACTION_HEADER];
  if (named !== undefined) {
    if (typeof named !== 'string' || !actions.has(named)) return 'refused';
    // A fetch action's arguments: a JSON list, or a form whose field 0 is one (React's encodeReply).
    const body = length > 0 ? await peekBody(request, length) : Buffer.alloc(0);
    if (body === null) return 'gone';
    const encoded = isMultipart(contentType) ? (await formOf(body, contentType))?.get('0') : body.toString('utf8');
    return isArgumentList(encoded) ? 'allowed' : 'malformed';
  }
  // Without the header, Next.js looks for an action in a multipart body only (a form posted without JavaScript).
  if (!isMultipart(contentType) || !(length > 0)) return 'not-an-action';
  const body = await peekBody(request, length);
  if (body === null) return 'gone';
  const form = await formOf(body, contentType);
  // Not a form Next.js could read either: no action runs, and it answers for itself.
  if (!form) return 'not-an-action';
  const formActions = actionsInForm(form);
  if (formActions.length === 0) return 'not-an-action';
  if (!formActions.every(({ id }) => actions.has(id))) return 'refused';
  return formActions.every(({ readable }) => readable) ? 'allowed' : 'malformed';
}
