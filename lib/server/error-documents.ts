// The bodies of the answers the HTTP front gives itself: refusals (4xx) and failures (5xx) that
// Next.js did not, or should not, render. Pages get a small self-contained HTML page (it must work
// when the app and the database are what failed); the API gets problem details like its own errors.
import { databaseUnavailableMessages, UNREADABLE_FORM_MESSAGE } from '@/lib/domain/errors';

export type ErrorAnswer = {
  status: number;
  title: string;
  detail: string;
  retryAfterSeconds?: number;
  /** Where to go from here; the home page unless given. */
  next?: { href: string; label: string };
};

function escapeHtml(text: string) {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

// The design system's values (app/globals.css) written out, light and dark: this page must not
// depend on the app's stylesheet or font files, so it uses the system font stack that Geist falls
// back to.
const css = `*{box-sizing:border-box}body{margin:0;display:flex;flex-direction:column;min-height:100vh;font:1rem/1.6 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1e293b;background:#fff}
header{background:#1e3a8a;padding:.5rem 1rem;min-height:3.5rem;display:flex;align-items:center}header a{color:#fff;font-weight:700;font-size:1.125rem;text-decoration:none}header p,footer p{width:100%;max-width:40rem;margin:0 auto}
main{flex:1 0 auto;width:100%;max-width:40rem;margin:0 auto;padding:3rem 1rem}h1{font-size:clamp(1.75rem,1.3rem + 2vw,2.5rem);line-height:1.2;letter-spacing:-.025em;margin:0 0 1rem}
a{color:#1d4ed8;text-underline-offset:.18em}:focus-visible{outline:3px solid #1d4ed8;outline-offset:2px}header :focus-visible{outline-color:#fbbf24}.code{color:#475569;font-size:.875rem;font-weight:600;margin:0 0 .5rem}
footer{border-top:1px solid #cbd5e1;background:#f1f5f9;color:#475569;font-size:.875rem;padding:1.5rem 1rem}
@media screen and (prefers-color-scheme:dark){:root{color-scheme:dark}body{color:#e2e8f0;background:#0f172a}header{background:#172554}a{color:#93c5fd}:focus-visible{outline-color:#fbbf24}.code{color:#a5b4c8}footer{background:#1e293b;border-color:#334155;color:#a5b4c8}}`;

export function errorPage({ status, title, detail, retryAfterSeconds, next: nextStep }: ErrorAnswer) {
  const next = retryAfterSeconds
    ? `<p>Please <a href="">try again</a> in a minute, or go to <a href="/">the home page</a>.</p>`
    : `<p><a href="${escapeHtml(nextStep?.href ?? '/')}">${escapeHtml(nextStep?.label ?? 'Go to the home page')}</a></p>`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><title>${escapeHtml(
    title,
  )} | Roleboard</title><style>${css}</style></head><body><header><p><a href="/">Roleboard</a></p></header><main><p class="code">Error ${status}</p><h1>${escapeHtml(
    title,
  )}</h1><p>${escapeHtml(detail)}</p>${next}</main><footer><p>Roleboard: salaries and job statistics for career roles.</p></footer></body></html>`;
}

/** An RFC 9457 problem details document: the one way both the HTTP front and the API's routes (lib/api/http.ts) write one. */
export function problemDocument({
  status,
  title,
  detail,
  invalidParams,
}: Pick<ErrorAnswer, 'status' | 'title' | 'detail'> & { invalidParams?: readonly { name: string; reason: string }[] }) {
  return JSON.stringify({ type: 'about:blank', title, status, detail, ...(invalidParams?.length ? { invalidParams } : {}) });
}

/** Also the text of the app's own not-found pages (app/not-found.tsx), so both say the same. */
export const notFoundAnswer = {
  status: 404,
  title: 'Page not found',
  detail: 'We could not find that page. The role may have been renamed or removed.',
  next: { href: '/', label: 'Browse all roles' },
} satisfies ErrorAnswer;

/** A form sent to an action this site does not have (an old page after a deploy, or a made-up one). */
export const formNotFoundAnswer: ErrorAnswer = {
  status: 404,
  title: 'Form not found',
  detail: 'This form is no longer on the site, so nothing was sent. Reload the page and try again.',
};

/** A form whose contents are not what a page of this site sends. */
export const unreadableFormAnswer: ErrorAnswer = {
  status: 400,
  title: 'Form not readable',
  detail: UNREADABLE_FORM_MESSAGE,
};

export const serverErrorAnswer: ErrorAnswer = {
  status: 500,
  title: 'Something went wrong',
  detail: 'Sorry, this page could not be shown because of an error on our side. It has been logged.',
};

export function databaseUnavailableAnswer(retryAfterSeconds: number): ErrorAnswer {
  return {
    status: 503,
    title: 'Temporarily unavailable',
    detail: databaseUnavailableMessages.page,
    retryAfterSeconds,
  };
}
