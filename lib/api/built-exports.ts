// The CSV exports, built once per version of what they show and kept gzipped in this process, so
// that a request costs a copy of bytes instead of a read and a rewrite of every role: eight clients
// looping on the 2.3 MB export used to slow every other page ten- to a hundredfold. The version is
// the export's ETag, which changes with the catalogue (or a state's figures); a request for a
// newer one builds it afresh, once however many ask at the same time, and it replaces the old.
import 'server-only';
import { Readable } from 'node:stream';
import zlib from 'node:zlib';
import { ENCODED_AS_HEADER, ENCODED_LENGTH_HEADER } from '@/lib/server/pre-encoded';

export type BuiltExport = { etag: string; gzipped: Buffer; bytes: number };


/** At most this much of built exports is kept (the least recently used goes first); a larger one is built for each request. */
const MEMORY_LIMIT_BYTES = 64 * 1024 * 1024;

// A Map keeps insertion order: each use re-inserts, so the first entry is the least recently used.
const built = new Map<string, BuiltExport>();
const building = new Map<string, Promise<BuiltExport>>();

function keptBytes() {
  let total = 0;
  for (const entry of built.values()) total += entry.gzipped.length;
  return total;
}

function keep(name: string, entry: BuiltExport) {
  built.delete(name);
  if (entry.gzipped.length > MEMORY_LIMIT_BYTES) return;
  built.set(name, entry);
  for (const [oldest] of built) {
    if (keptBytes() <= MEMORY_LIMIT_BYTES) break;
    built.delete(oldest);
  }
}

/** Gzips what `chunks` yields as it comes, so the plain text never sits in memory at once. */
async function gzipAll(chunks: AsyncIterable<string>) {
  const gzip = zlib.createGzip({ level: 6 });
  const output: Buffer[] = [];
  gzip.on('data', (chunk: Buffer) => output.push(chunk));
  const ended = new Promise<void>((resolve, reject) => gzip.on('end', resolve).on('error', reject));
  let bytes = 0;
  for await (const chunk of chunks) {
    const data = Buffer.from(chunk, 'utf8');
    bytes += data.length;
    if (!gzip.write(data)) await new Promise((resolve) => gzip.once('drain', resolve));
  }
  gzip.end();
  await ended;
  return { gzipped: Buffer.concat(output), bytes };
}

/**
 * The export `name` as of version `etag`: kept, being built, or built now from `chunks`.
 * A build that fails is not kept; the next request tries again.
 */
export async function getBuiltExport(name: string, etag: string, chunks: () => AsyncIterable<string>): Promise<BuiltExport> {
  const kept = built.get(name);
  if (kept?.etag === etag) {
    keep(name, kept);
    return kept;
  }
  const key = `${name}\n${etag}`;
  let pending = building.get(key);
  if (!pending) {
    pending = gzipAll(chunks()).then(({ gzipped, bytes }) => {
      const entry = { etag, gzipped, bytes };
      keep(name, entry);
      return entry;
    });
    building.set(key, pending);
    void pending.then(
      () => building.delete(key),
      () => building.delete(key),
    );
  }
  return pending;
}

/** Whether a request's Accept-Encoding takes gzip (and does not refuse it with q=0). */
export function acceptsGzip(acceptEncoding: string | null) {
  return (acceptEncoding ?? '').split(',').some((coding) => {
    const [name, ...parameters] = coding.trim().toLowerCase().split(';');
    const quality = parameters.map((parameter) => /^\s*q=([\d.]+)\s*$/.exec(parameter)?.[1]).find(Boolean);
    return (name === 'gzip' || name === 'x-gzip' || name === '*') && (quality === undefined || Number(quality) > 0);
  });
}

/** The export's body for this request: the gzipped bytes as they are, or unzipped as they go out. */
export function exportBody(entry: BuiltExport, gzip: boolean): { body: BodyInit; headers: Record<string, string> } {
  if (gzip) return { body: new Uint8Array(entry.gzipped), headers: { [ENCODED_AS_HEADER]: 'gzip', [ENCODED_LENGTH_HEADER]: String(entry.gzipped.length) } };
  const plain = Readable.from([entry.gzipped]).pipe(zlib.createGunzip());
  return { body: Readable.toWeb(plain) as ReadableStream<Uint8Array>, headers: { [ENCODED_LENGTH_HEADER]: String(entry.bytes) } };
}
