// Holds back a response until its body is complete, so the front can still change its headers
// (the page CSP hashes the inline scripts) or replace it (a failure Next.js rendered as a 500).
// Whether to hold a response is decided (by `onStart`, which may still change its status and
// headers) when Next.js starts it: by then its status and Content-Type are set. Everything not
// held streams through untouched.
import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';

type Callback = (error?: Error | null) => void;

export function holdResponse(res: ServerResponse, { onStart, finish }: { onStart: () => boolean; finish: (body: Buffer) => Buffer }) {
  const original = { writeHead: res.writeHead, write: res.write, end: res.end, flushHeaders: res.flushHeaders };
  let decision: 'hold' | 'pass' | undefined;
  const chunks: Buffer[] = [];

  const decide = () => {
    if (decision) return decision;
    decision = onStart() ? 'hold' : 'pass';
    if (decision === 'pass') Object.assign(res, original);
    return decision;
  };
  const toBuffer = (chunk: unknown, encoding?: unknown) =>
    Buffer.isBuffer(chunk) ? chunk : typeof chunk === 'string' ? Buffer.from(chunk, encoding as BufferEncoding | undefined) : Buffer.from(chunk as Uint8Array);

  res.writeHead = function writeHead(this: ServerResponse, status: number, ...rest: unknown[]) {
    // Headers given here are set the usual way, so the decision (and later the real writeHead) sees them.
    const headers = rest.find((value) => typeof value === 'object' && value !== null) as OutgoingHttpHeaders | unknown[] | undefined;
    if (typeof rest[0] === 'string') this.statusMessage = rest[0];
    if (Array.isArray(headers)) for (let index = 0; index + 1 < headers.length; index += 2) this.setHeader(String(headers[index]), headers[index + 1] as string);
    else if (headers) for (const [name, value] of Object.entries(headers)) if (value !== undefined) this.setHeader(name, value);
    this.statusCode = status;
    if (decide() === 'pass') return original.writeHead.call(this, status);
    return this;
  } as ServerResponse['writeHead'];

  res.flushHeaders = function flushHeaders(this: ServerResponse) {
    if (decide() === 'pass') original.flushHeaders.call(this);
  };

  res.write = function write(this: ServerResponse, chunk: unknown, encoding?: unknown, callback?: unknown) {
    if (decide() === 'pass') return (original.write as (...args: unknown[]) => boolean).call(this, chunk, encoding, callback);
    const done = [encoding, callback].find((value) => typeof value === 'function') as Callback | undefined;
    chunks.push(toBuffer(chunk, typeof encoding === 'string' ? encoding : undefined));
    if (done) process.nextTick(done);
    return true;
  } as ServerResponse['write'];

  res.end = function end(this: ServerResponse, chunk?: unknown, encoding?: unknown, callback?: unknown) {
    const args = [chunk, encoding, callback];
    const done = args.find((value) => typeof value === 'function') as Callback | undefined;
    if (decide() === 'pass') return (original.end as (...args: unknown[]) => ServerResponse).call(this, ...args);
    if (chunk !== undefined && chunk !== null && typeof chunk !== 'function') chunks.push(toBuffer(chunk, typeof encoding === 'string' ? encoding : undefined));
    Object.assign(this, original);
    const body = finish(Buffer.concat(chunks));
    if (this.getHeader('content-length') !== undefined) this.setHeader('Content-Length', body.length);
    return (original.end as (...args: unknown[]) => ServerResponse).call(this, body, done);
  } as ServerResponse['end'];
}
