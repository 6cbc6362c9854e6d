// The HTTP front: one Node.js server in front of Next.js's request handler (the same handler
// `next start` uses). It owns what Next.js leaves to whoever runs it:
// - every response carries the security headers, errors and refusals included;
// - malformed, oversized and cross-site requests get a 4xx before Next.js sees them;
// - the app learns the client's address from the socket (or from trusted proxies only);
// - a failure becomes a small error page, a 503 with Retry-After while the database is away;
// - public responses the edge may keep are kept as bytes and sent from memory (response-cache.ts);
// - shutdown stops accepting, lets requests in flight finish (bounded), then closes everything.
// Each request goes through named steps (onRequest): guardRequest → the byte cache →
// refuseNonActions → compressResponse → holdNextResponse (rewritePage) → handToNext.
import http from 'node:http';
import path from 'node:path';
import compression from 'compression';
import next from 'next';
import { DATABASE_RETRY_AFTER_SECONDS, hasDatabaseFailedSince } from '@/db/availability';
import { CLIENT_ADDRESS_HEADER } from '@/lib/client-address';
import { ACTION_NOT_FOUND_HEADER, BUILD_DIR, EMPTY_ERROR_DOCUMENT_MARKER } from '@/lib/framework-contract.mjs';
import { holdResponse } from './buffered-response';
import { EDGE_TAGS_HEADER, edgeCacheControlOf, edgeTagsOf } from './edge-cache';
import { withoutEmptyFormActions, withoutNextRuntime } from './page-scripts';
import { applyEncodingOfApp } from './pre-encoded';
import { createResponseCache, sharedTagTimesFromRedis } from './response-cache';
import { revalidatablePage } from './page-revalidation';
import { clientAddressOf, type ProxyTrust } from './trusted-proxies';
import { databaseUnavailableAnswer, errorPage, formNotFoundAnswer, notFoundAnswer, unreadableFormAnswer, problemDocument, serverErrorAnswer, type ErrorAnswer } from './error-documents';
import { normalizedPath, READ_ONLY_METHODS, refusalOf } from './request-guard';
import { checkServerActionRequest, readServerReferences } from './server-actions';
import { baseSecurityHeaders, inlineScriptHashes, pageContentSecurityPolicy, responseKindOf, STATIC_PAGE_CSP, type ResponseKind } from './security-headers';

export type FrontOptions = {
  dev: boolean;
  dir: string;
  hostname?: string;
  port: number;
  /** The public origin (SITE_URL): HSTS when https, and where forms may be sent from. */
  siteUrl: string;
  trust: ProxyTrust;
  /** How long requests in flight may take to finish once shutdown starts (SHUTDOWN_GRACE_SECONDS). */
  shutdownGraceMs?: number;
  /** The byte cache's cap (RESPONSE_CACHE_MB); 0 turns it off. Development never keeps anything. */
  responseCacheBytes?: number;
};

export type Front = { port: number; close: () => Promise<void> };

/**
 * After refusing a request whose body is still coming, how long the connection may go on
 * receiving it (in all, and between two reads), as nginx's lingering_time and lingering_timeout.
 */
const LINGER_MS = 30_000;
const LINGER_IDLE_MS = 5_000;
/**
 * Once shutdown starts, how long a connection that is open but has not sent a request is kept: a
 * request sent just before the signal may still be on its way. Connections idle longer are closed.
 */
const SHUTDOWN_IDLE_GRACE_MS = 500;

/** Resolves once the event loop has been round twice: past one more poll for connections and data. */
async function afterPendingInput() {
  for (let round = 0; round < 2; round++) await new Promise((resolve) => setImmediate(resolve));
}

/** Whether a request still has a body on its way to us. */
function hasBody(req: http.IncomingMessage) {
  return req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;
}

/**
 * Answers a refused request whose body the client is still sending, and closes the connection as
 * RFC 9112 §9.6 describes: the answer, then our half of the connection (FIN), then what the client
 * still sends is read and dropped for a while, so it reads our answer instead of a reset (closing
 * at once makes the kernel reset the connection while the client is still sending). The answer is
 * written to the socket directly: Node's own handling would close it at once.
 */
function answerAndLingerClose(req: http.IncomingMessage, res: http.ServerResponse, body: string) {
  const socket = req.socket;
  const head = [`HTTP/1.1 ${res.statusCode} ${http.STATUS_CODES[res.statusCode] ?? ''}`];
  for (const [name, value] of Object.entries(res.getHeaders())) {
    for (const each of Array.isArray(value) ? value : [value]) head.push(`${name}: ${each}`);
  }
  head.push('Connection: close');
  socket.write(`${head.join('\r\n')}\r\n\r\n`);
  socket.end(body);
  // The HTTP parser reads on; the request's body is dropped as it arrives.
  req.resume();
  let idle = setTimeout(() => socket.destroy(), LINGER_IDLE_MS);
  const deadline = setTimeout(() => socket.destroy(), LINGER_MS);
  socket.on('data', () => {
    clearTimeout(idle);
    idle = setTimeout(() => socket.destroy(), LINGER_IDLE_MS);
  });
  socket.once('close', () => {
    clearTimeout(idle);
    clearTimeout(deadline);
  });
}

function pathOf(url: string | undefined) {
  return (url ?? '/').split(/[?#]/, 1)[0] ?? '/';
}

/**
 * Next.js answers a notFound() called while a page renders with an empty document: its content is
 * only in the RSC payload, so without JavaScript the page is blank (vercel/next.js#98954). Unknown
 * paths, and the made-up addresses proxy.ts turns away, render properly.
 */
function isEmptyNotFoundDocument(status: number, body: Buffer) {
  return status === 404 && body.includes(EMPTY_ERROR_DOCUMENT_MARKER);
}

function headerValues(value: string | string[] | undefined) {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

export async function startFront(options: FrontOptions): Promise<Front> {
  const { dev, dir, port, trust, shutdownGraceMs = 10_000 } = options;
  const hostname = options.hostname ?? 'localhost';
  const siteOrigin = new URL(options.siteUrl).origin;
  const https = siteOrigin.startsWith('https:');
  const proxied = trust.hops > 0 || trust.proxies !== null;
  const compress = compression();

  const server = http.createServer();
  // Slow clients may not hold a connection open indefinitely while sending their request.
  server.headersTimeout = 20_000;
  server.requestTimeout = 60_000;
  // An idle connection is kept longer than the clients that reuse it keep theirs (Varnish's
  // backend_idle_timeout and most load balancers: 60 s). With Node's 5 s, the server closed
  // connections just as a client sent its next request on them: a reset instead of an answer.
  server.keepAliveTimeout = 65_000;

  const app = next({ dev, dir, hostname, port, httpServer: server, customServer: true });
  await app.prepare();
  const handle = app.getRequestHandler();
  const responseCache = dev || !options.responseCacheBytes ? null : createResponseCache({ capBytes: options.responseCacheBytes, sharedTagTimes: sharedTagTimesFromRedis() });
  // The build's real Server Actions (lib/server/server-actions.ts). Development compiles pages as
  // they are visited, and its manifest grows with them: it is not checked there.
  const serverActions = dev ? null : readServerReferences(path.join(dir, BUILD_DIR)).actions;

  const inFlight = new Set<http.ServerResponse>();
  let closing = false;
  let drained: (() => void) | null = null;

  /** Sends an answer of the front's own: a refusal or a failure. */
  function answer(res: http.ServerResponse, kind: ResponseKind, error: ErrorAnswer) {
    const api = kind === 'api';
    const body = api ? problemDocument(error) : errorPage(error);
    res.statusCode = error.status;
    res.setHeader('Content-Type', api ? 'application/problem+json' : 'text/html; charset=utf-8');
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Content-Length', Buffer.byteLength(body));
    if (!api) res.setHeader('Content-Security-Policy', STATIC_PAGE_CSP);
    if (error.retryAfterSeconds) res.setHeader('Retry-After', String(error.retryAfterSeconds));
    return body;
  }

  /** Sends an answer of the front's own and closes the connection: the request's body, if any, is never parsed as a request. */
  function answerAndClose(req: http.IncomingMessage, res: http.ServerResponse, body: string) {
    if (hasBody(req)) return answerAndLingerClose(req, res, body);
    res.setHeader('Connection', 'close');
    res.end(body);
  }

  /** What to say when a request that started at `startedAt` failed: the database is away (503), or something else broke (500). */
  function failure(startedAt: number) {
    return hasDatabaseFailedSince(startedAt) ? databaseUnavailableAnswer(DATABASE_RETRY_AFTER_SECONDS) : serverErrorAnswer;
  }

  /**
   * Lets shared caches keep a public response for a day under its tags (lib/server/edge-cache.ts),
   * unless it sets a cookie: such a response is someone's alone.
   */
  function shareWithEdge(res: http.ServerResponse, kind: 'page' | 'api' | 'widget', tags: string[]) {
    if (res.hasHeader('set-cookie')) return;
    const cacheControl = edgeCacheControlOf({ kind, status: res.statusCode });
    if (!cacheControl) return;
    res.setHeader('Cache-Control', cacheControl);
    res.setHeader(EDGE_TAGS_HEADER, tags.join(' '));
  }

  /** The app trusts only this address; whatever a client sent under these names is replaced. */
  function identifyClient(req: http.IncomingMessage) {
    const address = clientAddressOf({ socketAddress: req.socket.remoteAddress, forwardedFor: headerValues(req.headers['x-forwarded-for']) }, trust);
    req.headers[CLIENT_ADDRESS_HEADER] = address ?? 'unknown';
    if (address) req.headers['x-forwarded-for'] = address;
    else delete req.headers['x-forwarded-for'];
    if (!proxied) {
      delete req.headers['x-forwarded-host'];
      delete req.headers['x-forwarded-proto'];
      delete req.headers['x-forwarded-port'];
    }
  }

  // The request pipeline, one named step each, in the order onRequest runs them. A step that
  // answers the request itself returns true, and the request goes no further.

  /** Counts the response as in flight, so shutdown can wait for it; once closing, it closes its connection. */
  function trackInFlight(res: http.ServerResponse) {
    inFlight.add(res);
    res.once('close', () => {
      inFlight.delete(res);
      if (inFlight.size === 0) drained?.();
    });
    if (closing) res.setHeader('Connection', 'close');
  }

  /**
   * Before anything reads the request: the security headers (so refusals carry them too), a 4xx
   * for malformed, oversized and cross-site requests, the client's address as the app may trust it,
   * and one address per page (a path with needless escapes is redirected, a 308 keeps the method).
   */
  function guardRequest(req: http.IncomingMessage, res: http.ServerResponse, kind: ResponseKind) {
    for (const [name, value] of Object.entries(baseSecurityHeaders(kind, { https }))) res.setHeader(name, value);

    const host = req.headers.host;
    const refusal = refusalOf(req, { allowedOrigins: host ? [siteOrigin, `http://${host}`, `https://${host}`] : [siteOrigin] });
    if (refusal) {
      if (refusal.status === 405) res.setHeader('Allow', READ_ONLY_METHODS);
      answerAndClose(req, res, answer(res, kind, refusal));
      return true;
    }
    identifyClient(req);

    const requestPath = pathOf(req.url);
    const canonicalPath = normalizedPath(requestPath);
    if (canonicalPath !== requestPath) {
      res.statusCode = 308;
      res.setHeader('Location', canonicalPath + (req.url ?? '').slice(requestPath.length));
      res.setHeader('Cache-Control', 'no-store');
      answerAndClose(req, res, '');
      return true;
    }
    return false;
  }

  /**
   * Only the build's real Server Actions reach Next.js (lib/server/server-actions.ts): its action
   * endpoint would run a `'use cache'` function too, with whatever arguments a request carries.
   */
  async function refuseNonActions(req: http.IncomingMessage, res: http.ServerResponse, kind: ResponseKind) {
    if (!serverActions) return false;
    const verdict = await checkServerActionRequest(req, serverActions);
    if (verdict === 'gone') {
      res.destroy();
      return true;
    }
    if (verdict === 'refused') {
      // As Next.js answers an action it does not know (its client router reads the marker).
      res.setHeader(ACTION_NOT_FOUND_HEADER, '1');
      answerAndClose(req, res, answer(res, kind, formNotFoundAnswer));
      return true;
    }
    if (verdict === 'malformed') {
      answerAndClose(req, res, answer(res, kind, unreadableFormAnswer));
      return true;
    }
    return false;
  }

  /** Compresses what Next.js writes (next.config.mjs turns its own compression off: the CSP needs the whole page first). */
  function compressResponse(req: http.IncomingMessage, res: http.ServerResponse) {
    compress(req as never, res as never, () => {});
    // On a client disconnect the compression middleware never ends its zlib stream (as Next.js notes).
    res.once('close', () => {
      if (res.writableFinished) return;
      const stream = res.on('drain', () => {});
      if (stream !== res && typeof (stream as { destroy?: unknown }).destroy === 'function') (stream as unknown as { destroy: () => void }).destroy();
    });
  }

  /**
   * Holds what Next.js writes where the front must see the whole of it before it goes out, and
   * decides, once Next.js has set the status and headers: a failure's body is replaced with ours
   * (a 503 while the database is away), public answers may be kept by the edge under their tags,
   * the byte cache keeps what it accepts, and HTML pages are rewritten (rewritePage).
   */
  function holdNextResponse(req: http.IncomingMessage, res: http.ServerResponse, kind: ResponseKind, startedAt: number) {
    const isPage = kind === 'page' || kind === 'admin';
    const typeOf = () => String(res.getHeader('content-type') ?? '');
    const url = new URL(req.url ?? '/', 'http://front');
    const edgeTags = (req.method === 'GET' || req.method === 'HEAD') && kind !== 'admin' && kind !== 'asset' ? edgeTagsOf(url.pathname, url.searchParams) : null;
    // A 500 from Next.js is an unhandled failure: its body is replaced with ours (RSC and problem
    // answers excepted: the client router and API clients read those).
    let failed = false;
    const keeper = responseCache?.keeperFor(req) ?? null;
    let keeping = false;
    holdResponse(res, {
      onStart: () => {
        applyEncodingOfApp(res);
        failed = res.statusCode === 500 && !/^(text\/x-component|application\/problem\+json)/.test(typeOf());
        // A failure while the database is away is a 503, whatever answers it.
        if (res.statusCode === 500 && hasDatabaseFailedSince(startedAt)) {
          res.statusCode = 503;
          res.setHeader('Retry-After', String(DATABASE_RETRY_AFTER_SECONDS));
        }
        if (edgeTags && !failed) shareWithEdge(res, kind as 'page' | 'api' | 'widget', edgeTags);
        // Next.js marks some 404s as kept for a year by shared caches; an address nobody tags is nobody's to keep.
        else if (res.statusCode === 404) res.setHeader('Cache-Control', 'no-store');
        keeping = !failed && keeper !== null && keeper.accepts(res);
        // Pages are held too: their CSP needs the whole HTML; and what the byte cache keeps.
        return failed || keeping || (isPage && typeOf().startsWith('text/html'));
      },
      finish: (body) => {
        const sent = failed ? Buffer.from(answer(res, kind, failure(startedAt))) : isPage ? rewritePage(req, res, kind, body) : body;
        if (keeping) keeper!.store(res, sent);
        return sent;
      },
    });
  }

  /**
   * A page as it goes out: Next.js's blank 404 replaced with ours; in HTML, the client runtime taken
   * off public pages (lib/server/page-scripts.ts), forms' empty actions dropped, and the CSP that
   * allows exactly the inline scripts left.
   */
  function rewritePage(req: http.IncomingMessage, res: http.ServerResponse, kind: ResponseKind, body: Buffer) {
    if (isEmptyNotFoundDocument(res.statusCode, body)) return Buffer.from(answer(res, kind, notFoundAnswer));
    if (!String(res.getHeader('content-type') ?? '').startsWith('text/html') || res.statusCode === 304) return body;
    // Development keeps the runtime: fast refresh and the error overlay need it.
    const html = withoutEmptyFormActions(kind === 'page' && !dev ? withoutNextRuntime(body.toString('utf8')) : body.toString('utf8'));
    // Signed-in pages come with proxy.ts's nonce policy; the others allow their inline scripts by hash.
    if (!(kind === 'admin' && res.hasHeader('Content-Security-Policy'))) {
      res.setHeader('Content-Security-Policy', pageContentSecurityPolicy({ scriptHashes: inlineScriptHashes(html), https, dev }));
    }
    return kind === 'page' ? revalidatablePage(req, res, Buffer.from(html)) : Buffer.from(html);
  }

  /** Next.js answers; a failure it throws becomes our error page (or a reset, once its answer has started). */
  async function handToNext(req: http.IncomingMessage, res: http.ServerResponse, kind: ResponseKind, startedAt: number) {
    try {
      await handle(req, res);
    } catch (error) {
      console.error(`Failed to handle ${req.method} ${pathOf(req.url)}:`, error);
      if (!res.headersSent) res.end(answer(res, kind, failure(startedAt)));
      else res.destroy();
    }
  }

  async function onRequest(req: http.IncomingMessage, res: http.ServerResponse) {
    const startedAt = Date.now();
    trackInFlight(res);
    const kind = responseKindOf(pathOf(req.url));
    if (guardRequest(req, res, kind)) return;
    // Public responses kept as bytes are sent from memory, without Next.js (lib/server/response-cache.ts).
    if (responseCache && (await responseCache.serve(req, res))) return;
    if (await refuseNonActions(req, res, kind)) return;
    compressResponse(req, res);
    holdNextResponse(req, res, kind, startedAt);
    await handToNext(req, res, kind, startedAt);
  }

  server.on('request', (req, res) => void onRequest(req, res));
  // Requests Node.js cannot even parse (bad request line, huge headers) get a plain 400 with our headers.
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    if (!socket.writable || error.code === 'ECONNRESET') return socket.destroy();
    const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : 400;
    const body = status === 431 ? 'Request headers too large' : 'Bad request';
    const headers = { ...baseSecurityHeaders('page', { https }), 'Content-Security-Policy': STATIC_PAGE_CSP };
    socket.end(
      `HTTP/1.1 ${status} ${http.STATUS_CODES[status]}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n` +
        Object.entries(headers)
          .map(([name, value]) => `${name}: ${value}\r\n`)
          .join('') +
        `\r\n${body}`,
    );
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, options.hostname, () => resolve());
  });
  const address = server.address();
  const boundPort = typeof address === 'object' && address ? address.port : port;

  async function close() {
    if (closing) return;
    // From now on every answer closes its connection.
    closing = true;
    // Connections the system accepted before the signal are taken and answered; later ones are refused.
    await afterPendingInput();
    server.close();
    // A request sent just before the signal may not have arrived yet on its open connection: a
    // connection is closed as idle only once it has had the time to send it.
    await new Promise((resolve) => setTimeout(resolve, SHUTDOWN_IDLE_GRACE_MS));
    await afterPendingInput();
    server.closeIdleConnections();
    for (const res of inFlight) if (!res.headersSent) res.setHeader('Connection', 'close');
    if (inFlight.size > 0) {
      await new Promise<void>((resolve) => {
        drained = resolve;
        setTimeout(resolve, shutdownGraceMs).unref();
      });
    }
    server.closeAllConnections();
    responseCache?.close();
    await app.close();
  }

  return { port: boundPort, close };
}
