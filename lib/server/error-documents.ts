// The bodies of the answers the HTTP front gives itself: refusals (4xx) and failures (5xx) that
// Next.js did not, or should not, render. Pages get a small self-contained HTML page (it must work
// when the app and the database are what failed); the API gets problem details like its own errors.

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

const css = `body{margin:0;font:1.0625rem/1.6 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1f2937;background:#fff}
header{background:#1e3a8a;padding:.75rem 1rem}header a{color:#fff;font-weight:700;font-size:1.25rem;text-decoration:none}header p,footer p{max-width:40rem;margin:0 auto}
main{max-width:40rem;margin:0 auto;padding:2rem 1rem 3rem}h1{font-size:clamp(1.6rem,4vw,2.25rem);line-height:1.2;margin:.5rem 0 .75rem}
a{color:#1d4ed8}.code{color:#4b5563}footer{border-top:1px solid #d1d5db;background:#f3f4f6;color:#4b5563;font-size:.95rem;padding:1rem}
@media(prefers-color-scheme:dark){body{color:#f9fafb;background:#111827}a{color:#93c5fd}.code{color:#d1d5db}footer{background:#1f2937;border-color:#374151;color:#d1d5db}}`;

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

export function problemDocument({ status, title, detail }: ErrorAnswer) {
  return JSON.stringify({ type: 'about:blank', title, status, detail });
}

/** Also the text of the app's own not-found pages (app/not-found.tsx), so both say the same. */
export const notFoundAnswer = {
  status: 404,
  title: 'Page not found',
  detail: 'We could not find that page. The role may have been renamed or removed.',
  next: { href: '/', label: 'Browse all roles' },
} satisfies ErrorAnswer;

export const serverErrorAnswer: ErrorAnswer = {
  status: 500,
  title: 'Something went wrong',
  detail: 'Sorry, this page could not be shown because of an error on our side. It has been logged.',
};

export function databaseUnavailableAnswer(retryAfterSeconds: number): ErrorAnswer {
  return {
    status: 503,
    title: 'Temporarily unavailable',
    detail: 'Roleboard cannot reach its database right now, so this page cannot be shown. Nothing is lost.',
    retryAfterSeconds,
  };
}
