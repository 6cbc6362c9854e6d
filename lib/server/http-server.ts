// The HTTP front: one Node.js server in front of Next.js's request handler (the same handler
// `next start` uses). It owns what Next.js leaves to whoever runs it:
// - every response carries the security headers, errors and refusals included;
// - malformed, oversized and cross-site requests get a 4xx before Next.js sees them;
// - the app learns the client's address from the socket (or from trusted proxies only);
// - a failure becomes a small error page, a 503 with Retry-After while the database is away;
// - shutdown stops accepting, lets requests in flight finish (bounded), then closes everything.
import http from 'node:http';
import compression from 'compression';
import next from 'next';
import { DATABASE_RETRY_AFTER_SECONDS, isDatabaseFailing } from '@/db/availability';
import { CLIENT_ADDRESS_HEADER } from '@/lib/client-address';
import { holdResponse } from './buffered-response';
import { EDGE_TAGS_HEADER, edgeCacheControlOf, edgeTagsOf } from './edge-cache';
import { withoutNextRuntime } from './page-scripts';
import { revalidatablePage } from './page-revalidation';
import { clientAddressOf, type ProxyTrust } from './trusted-proxies';
import { databaseUnavailableAnswer, errorPage, notFoundAnswer, problemDocument, serverErrorAnswer, type ErrorAnswer } from './error-documents';
import { refusalOf } from './request-guard';
import { baseSecurityHeaders, inlineScriptHashes, pageContentSecurityPolicy, responseKindOf, STATIC_PAGE_CSP, type ResponseKind } from './security-headers';

export type FrontOptions = {
  dev: boolean;
  dir: string;
  hostname?: string;
  port: number;
  /** The public origin (SITE_URL): HSTS when https, and where forms may be sent from. */
  siteUrl: string;
  trust: ProxyTrust;
  /** How long requests in flight may take to finish once shutdown starts. */
  shutdownGraceMs?: number;
};

export type Front = { port: number; close: () => Promise<void> };

function pathOf(url: string | undefined) {
  return (url ?? '/').split(/[?#]/, 1)[0] ?? '/';
}

/**
 * Next.js answers a notFound() called while a page renders with an empty document: its content is
 * only in the RSC payload, so without JavaScript the page is blank (vercel/next.js#98954). Unknown
 * paths, and the made-up addresses proxy.ts turns away, render properly.
 */
function isEmptyNotFoundDocument(status: number, body: Buffer) {
  return status === 404 && body.includes('<html id="__next_error__"');
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

  /** What to say when the app failed: the database is away (503), or something else broke (500). */
  function failure() {
    return isDatabaseFailing() ? databaseUnavailableAnswer(DATABASE_RETRY_AFTER_SECONDS) : serverErrorAnswer;
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

  async function onRequest(req: http.IncomingMessage, res: http.ServerResponse) {
    inFlight.add(res);
    res.once('close', () => {
      inFlight.delete(res);
      if (inFlight.size === 0) drained?.();
    });
    if (closing) res.setHeader('Connection', 'close');

    const kind = responseKindOf(pathOf(req.url));
    for (const [name, value] of Object.entries(baseSecurityHeaders(kind, { https }))) res.setHeader(name, value);

    const host = req.headers.host;
    const refusal = refusalOf(req, { allowedOrigins: host ? [siteOrigin, `http://${host}`, `https://${host}`] : [siteOrigin] });
    if (refusal) {
      // The body, if any, is not read: close the connection rather than parse what follows.
      res.setHeader('Connection', 'close');
      res.end(answer(res, kind, refusal));
      return;
    }
    identifyClient(req);

    compress(req as never, res as never, () => {});
    // On a client disconnect the compression middleware never ends its zlib stream (as Next.js notes).
    res.once('close', () => {
      if (res.writableFinished) return;
      const stream = res.on('drain', () => {});
      if (stream !== res && typeof (stream as { destroy?: unknown }).destroy === 'function') (stream as unknown as { destroy: () => void }).destroy();
    });

    const isPage = kind === 'page' || kind === 'admin';
    const typeOf = () => String(res.getHeader('content-type') ?? '');
    const url = new URL(req.url ?? '/', 'http://front');
    const edgeTags = (req.method === 'GET' || req.method === 'HEAD') && kind !== 'admin' && kind !== 'asset' ? edgeTagsOf(url.pathname, url.searchParams) : null;
    // A 500 from Next.js is an unhandled failure: its body is replaced with ours (RSC and problem
    // answers excepted: the client router and API clients read those).
    let failed = false;
    holdResponse(res, {
      onStart: () => {
        failed = res.statusCode === 500 && !/^(text\/x-component|application\/problem\+json)/.test(typeOf());
        // A failure while the database is away is a 503, whatever answers it.
        if (res.statusCode === 500 && isDatabaseFailing()) {
          res.statusCode = 503;
          res.setHeader('Retry-After', String(DATABASE_RETRY_AFTER_SECONDS));
        }
        if (edgeTags && !failed) shareWithEdge(res, kind as 'page' | 'api' | 'widget', edgeTags);
        // Pages are held too: their CSP needs the whole HTML.
        return failed || (isPage && typeOf().startsWith('text/html'));
      },
      finish: (body) => {
        if (failed) return Buffer.from(answer(res, kind, failure()));
        if (isPage && isEmptyNotFoundDocument(res.statusCode, body)) return Buffer.from(answer(res, kind, notFoundAnswer));
        if (isPage && res.statusCode !== 304) {
          // Development keeps the runtime: fast refresh and the error overlay need it.
          const html = kind === 'page' && !dev ? withoutNextRuntime(body.toString('utf8')) : body.toString('utf8');
          const scriptHashes = inlineScriptHashes(html);
          // Development builds evaluate code for fast refresh; production never does.
          const policy = pageContentSecurityPolicy({ scriptHashes, https });
          res.setHeader('Content-Security-Policy', dev ? policy.replace("script-src 'self'", "script-src 'self' 'unsafe-eval'") : policy);
          return kind === 'page' ? revalidatablePage(req, res, Buffer.from(html)) : Buffer.from(html);
        }
        return body;
      },
    });

    try {
      await handle(req, res);
    } catch (error) {
      console.error(`Failed to handle ${req.method} ${pathOf(req.url)}:`, error);
      if (!res.headersSent) res.end(answer(res, kind, failure()));
      else res.destroy();
    }
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
    closing = true;
    server.close();
    server.closeIdleConnections();
    for (const res of inFlight) if (!res.headersSent) res.setHeader('Connection', 'close');
    if (inFlight.size > 0) {
      await new Promise<void>((resolve) => {
        drained = resolve;
        setTimeout(resolve, shutdownGraceMs).unref();
      });
    }
    server.closeAllConnections();
    await app.close();
  }

  return { port: boundPort, close };
}
