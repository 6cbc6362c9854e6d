// HTTP conventions shared by the public API, the widget, oEmbed and the badge: CORS for any
// origin (no cookies involved), validators (ETag, Last-Modified) with 304s, public caching,
// and errors as RFC 9457 problem details.
import { createHash } from 'node:crypto';
import { DATABASE_RETRY_AFTER_SECONDS, isDatabaseUnavailable } from '@/db/availability';
import { databaseUnavailableMessages } from '@/lib/domain/errors';
import { problemDocument } from '@/lib/server/error-documents';

export const ALLOWED_METHODS = 'GET, HEAD, OPTIONS';

export const corsHeaders = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': ALLOWED_METHODS,
  'Access-Control-Allow-Headers': 'If-None-Match, If-Modified-Since',
  'Access-Control-Expose-Headers': 'ETag, Last-Modified, Link',
  'Access-Control-Max-Age': '86400',
};

/**
 * Browsers and CDNs may reuse a response for a minute and serve it stale for five more while
 * they revalidate. On our own server the data behind it is invalidated on every admin save.
 */
export const PUBLIC_CACHE_CONTROL = 'public, max-age=60, s-maxage=60, stale-while-revalidate=300';

/** Whether an If-None-Match header names this ETag (weak comparison, as RFC 9110 asks for GET). */
export function matchesEtag(header: string, etag: string) {
  if (header.trim() === '*') return true;
  const bare = etag.replace(/^W\//, '');
  return header.split(',').some((candidate) => candidate.trim().replace(/^W\//, '') === bare);
}

/** A strong ETag for content (or for a fingerprint that changes whenever the content does). */
export function etagOf(content: string | Buffer) {
  return `"${createHash('sha256').update(content).digest('base64url').slice(0, 27)}"`;
}

/** CORS, caching and validator headers for a public GET. */
export function publicHeaders({ etag, lastModified }: { etag: string; lastModified?: Date }): Record<string, string> {
  return {
    ...corsHeaders,
    'Cache-Control': PUBLIC_CACHE_CONTROL,
    ETag: etag,
    Vary: 'Accept-Encoding',
    // HTTP dates have whole seconds; round down so If-Modified-Since comparisons hold.
    ...(lastModified ? { 'Last-Modified': new Date(Math.floor(lastModified.getTime() / 1000) * 1000).toUTCString() } : {}),
  };
}

/** True when the client's copy (If-None-Match, else If-Modified-Since) is still current. */
export function isNotModified(request: Request, headers: Record<string, string>) {
  return isClientCopyCurrent(
    { ifNoneMatch: request.headers.get('if-none-match'), ifModifiedSince: request.headers.get('if-modified-since') },
    { etag: headers.ETag!, lastModified: headers['Last-Modified'] },
  );
}

/** The same rule on the headers' values (the HTTP front's byte cache has no Request). */
export function isClientCopyCurrent(
  { ifNoneMatch, ifModifiedSince }: { ifNoneMatch?: string | null; ifModifiedSince?: string | null },
  { etag, lastModified }: { etag: string; lastModified?: string },
) {
  if (ifNoneMatch) return matchesEtag(ifNoneMatch, etag);
  return Boolean(ifModifiedSince && lastModified && Date.parse(ifModifiedSince) >= Date.parse(lastModified));
}

/**
 * A 200 with validators, or a 304 when the client already holds this representation.
 * The ETag is a hash of the body, so it changes exactly when the content does.
 */
export function cachedResponse(
  request: Request,
  body: string,
  { contentType, lastModified, headers = {} }: { contentType: string; lastModified?: Date; headers?: Record<string, string> },
) {
  const common = { ...publicHeaders({ etag: etagOf(body), lastModified }), ...headers };
  if (isNotModified(request, common)) return new Response(null, { status: 304, headers: common });
  return new Response(request.method === 'HEAD' ? null : body, {
    status: 200,
    headers: { ...common, 'Content-Type': contentType },
  });
}

export function jsonResponse(request: Request, data: unknown, options: { lastModified?: Date; headers?: Record<string, string> } = {}) {
  return cachedResponse(request, JSON.stringify(data), { contentType: 'application/json; charset=utf-8', ...options });
}

export type InvalidParam = { name: string; reason: string };

const problemTitles: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  404: 'Not Found',
  405: 'Method Not Allowed',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** An RFC 9457 problem details response. */
export function problemResponse(
  status: number,
  detail: string,
  extra: { invalidParams?: InvalidParam[]; headers?: Record<string, string>; cors?: boolean } = {},
) {
  const body = problemDocument({ status, title: problemTitles[status] ?? 'Error', detail, invalidParams: extra.invalidParams });
  return new Response(body, {
    status,
    headers: { ...(extra.cors === false ? {} : corsHeaders), 'Content-Type': 'application/problem+json', 'Cache-Control': 'no-store', ...extra.headers },
  });
}

export const UNKNOWN_PARAM_REASON = 'This endpoint does not take this parameter';

/** What a query parameter's schema needs to be: anything zod can safely parse. */
type ParamSchema = { safeParse(raw: string): { success: true; data: unknown } | { success: false; error: { issues: { message: string }[] } } };

/**
 * An endpoint's query parameters, each read by its own schema: every one it does not take (of
 * `known`, all of `schemas` unless given), given twice or invalid is named with its reason; an
 * empty one counts as not given. The values are for the caller's cross-checks and its own types.
 */
export function parseApiParams<Name extends string>(
  searchParams: URLSearchParams,
  schemas: Record<Name, ParamSchema>,
  known: readonly Name[] = Object.keys(schemas) as Name[],
): { values: Partial<Record<Name, unknown>>; invalidParams: InvalidParam[] } {
  const invalidParams: InvalidParam[] = [];
  const values: Partial<Record<Name, unknown>> = {};
  for (const name of new Set(searchParams.keys())) {
    // Refused, not ignored: each would be a new address to shared caches (see unknownParamsResponse).
    if (!(known as readonly string[]).includes(name) || !Object.hasOwn(schemas, name)) {
      invalidParams.push({ name: name.slice(0, 100), reason: UNKNOWN_PARAM_REASON });
      continue;
    }
    const all = searchParams.getAll(name);
    if (all.length > 1) {
      invalidParams.push({ name, reason: 'Give this parameter once' });
      continue;
    }
    const raw = all[0]!;
    if (raw.trim() === '') continue;
    const result = schemas[name as Name].safeParse(raw);
    if (result.success) values[name as Name] = result.data;
    else invalidParams.push({ name, reason: result.error.issues[0]?.message ?? 'Invalid value' });
  }
  return { values, invalidParams };
}

/**
 * A 400 naming every query parameter the endpoint does not take, or null when it takes them all.
 * Unknown parameters are refused rather than ignored: each would make a new address that shared
 * caches keep apart, so a stranger could make every request a miss by adding one.
 */
export function unknownParamsResponse(request: Request, known: readonly string[]) {
  const unknown = [...new Set(new URL(request.url).searchParams.keys())].filter((name) => !known.includes(name));
  if (unknown.length === 0) return null;
  const invalidParams = unknown.slice(0, 20).map((name) => ({ name: name.slice(0, 100), reason: UNKNOWN_PARAM_REASON }));
  return problemResponse(400, `Unknown query parameters: ${invalidParams.map((param) => param.name).join(', ')}.`, { invalidParams });
}

/**
 * A route handler whose failures are problem details like its other answers: a 503 with
 * Retry-After while the database is away, a 500 (logged) for anything else.
 */
export function withProblemDetails<Args extends unknown[]>(handler: (request: Request, ...args: Args) => Promise<Response> | Response) {
  return async (request: Request, ...args: Args): Promise<Response> => {
    try {
      return await handler(request, ...args);
    } catch (error) {
      if (isDatabaseUnavailable(error)) {
        return problemResponse(503, databaseUnavailableMessages.api, {
          headers: { 'Retry-After': String(DATABASE_RETRY_AFTER_SECONDS) },
        });
      }
      console.error(`${request.method} ${new URL(request.url).pathname} failed:`, error);
      return problemResponse(500, 'Something went wrong on our side. It has been logged.');
    }
  };
}

/** Route handlers export this for POST, PUT, PATCH and DELETE. */
export function methodNotAllowed() {
  return problemResponse(405, `This resource is read-only; use ${ALLOWED_METHODS}.`, { headers: { Allow: ALLOWED_METHODS } });
}

/** CORS preflight. */
export function preflight() {
  return new Response(null, { status: 204, headers: { ...corsHeaders, Allow: ALLOWED_METHODS } });
}

/** The read-only method set every public endpoint exports besides GET. */
export const readOnlyMethods = {
  OPTIONS: preflight,
  POST: methodNotAllowed,
  PUT: methodNotAllowed,
  PATCH: methodNotAllowed,
  DELETE: methodNotAllowed,
};
