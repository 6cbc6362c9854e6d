// Bodies a route handler sends already encoded (the CSV exports, gzipped once per version:
// lib/api/built-exports.ts). Next.js drops Content-Encoding and Content-Length from a route
// handler's response, so such a body says so under names of its own; the HTTP front makes them
// the real headers again, before its compression middleware looks (it leaves an encoded body alone).
import type { ServerResponse } from 'node:http';

export const ENCODED_AS_HEADER = 'x-roleboard-content-encoding';
export const ENCODED_LENGTH_HEADER = 'x-roleboard-content-length';

/** Turns the route handler's own headers into Content-Encoding and Content-Length. */
export function applyEncodingOfApp(res: ServerResponse) {
  const encoding = res.getHeader(ENCODED_AS_HEADER);
  const length = res.getHeader(ENCODED_LENGTH_HEADER);
  res.removeHeader(ENCODED_AS_HEADER);
  res.removeHeader(ENCODED_LENGTH_HEADER);
  if (encoding === 'gzip') res.setHeader('Content-Encoding', 'gzip');
  if (typeof length === 'string' && /^\d+$/.test(length)) res.setHeader('Content-Length', length);
}
