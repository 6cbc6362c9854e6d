// The two emails of job alerts, as plain text and simple HTML. Posting titles, employers and
// places come from strangers: the text version carries them as they are, and the HTML version
// escapes every value it interpolates (escapeHtml), so none can add markup or links. Its HTML
// pieces (htmlDocument, htmlLink) make the employer invitation too (lib/employer-invite-email.ts).
import type { PayPeriod } from '@/lib/domain/enums';
import { formatPostingLocations, formatPublishedPay } from './posting-display';
import { CONFIRMATION_HOURS } from './job-alerts';

export type AlertEmail = { subject: string; text: string; html: string };

export type DigestPosting = {
  id: number;
  title: string;
  employer: string;
  locations: { city: string | null; stateCode: string | null }[];
  remote: boolean;
  postedOn: string;
  pay: { min: number | null; max: number | null; period: PayPeriod; annualMid: number } | null;
};

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text as HTML text or attribute value: the five characters HTML gives meaning to, escaped. */
export function escapeHtml(text: string) {
  return text.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character]!);
}

export function htmlDocument(title: string, body: string) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body style="font-family:system-ui,sans-serif;line-height:1.5;color:#1a1a1a;max-width:40em">${body}</body></html>`;
}

export const htmlLink = (href: string, text: string) => `<a href="${escapeHtml(href)}">${escapeHtml(text)}</a>`;

export function confirmationEmail({ search, searchUrl, confirmUrl }: { search: string; searchUrl: string; confirmUrl: string }): AlertEmail {
  const subject = 'Confirm your Roleboard job alert';
  const text = [
    'Someone, hopefully you, asked Roleboard to email this address new job postings for:',
    '',
    `  ${search}`,
    `  ${searchUrl}`,
    '',
    'To start the alert, open this link and press "Start the alert":',
    '',
    confirmUrl,
    '',
    `The link works for ${CONFIRMATION_HOURS} hours. If you did not ask for this, ignore this email: nothing more will be sent.`,
  ].join('\n');
  const html = htmlDocument(
    subject,
    `<p>Someone, hopefully you, asked Roleboard to email this address new job postings for:</p>` +
      `<p><strong>${escapeHtml(search)}</strong> (${htmlLink(searchUrl, 'see the search')})</p>` +
      `<p>${htmlLink(confirmUrl, 'Confirm the alert')}</p>` +
      `<p>The link works for ${CONFIRMATION_HOURS} hours. If you did not ask for this, ignore this email: nothing more will be sent.</p>`,
  );
  return { subject, text, html };
}

function postingLine(posting: DigestPosting) {
  const pay = posting.pay ? formatPublishedPay(posting.pay) : 'Pay not stated';
  return `${posting.employer} · ${formatPostingLocations(posting)} · ${pay} · posted ${posting.postedOn}`;
}

export function digestEmail({
  search,
  searchUrl,
  postings,
  newCount,
  postingUrl,
  unsubscribeUrl,
}: {
  search: string;
  searchUrl: string;
  postings: DigestPosting[];
  /** New postings in all; `postings` may list fewer. */
  newCount: number;
  postingUrl: (id: number) => string;
  unsubscribeUrl: string;
}): AlertEmail {
  const subject = `${newCount} new ${newCount === 1 ? 'job posting' : 'job postings'}: ${search}`.slice(0, 200);
  const more = newCount > postings.length ? `and ${newCount - postings.length} more: ${searchUrl}` : `The whole search: ${searchUrl}`;
  const text = [
    `New job postings for ${search}:`,
    '',
    ...postings.flatMap((posting) => [posting.title, `  ${postingLine(posting)}`, `  ${postingUrl(posting.id)}`, '']),
    more,
    '',
    `You get this email at most once a day because you asked for it on Roleboard. Stop these emails: ${unsubscribeUrl}`,
  ].join('\n');
  const items = postings
    .map((posting) => `<li style="margin-bottom:.75em">${htmlLink(postingUrl(posting.id), posting.title)}<br><span style="color:#555">${escapeHtml(postingLine(posting))}</span></li>`)
    .join('');
  const html = htmlDocument(
    subject,
    `<p>New job postings for <strong>${escapeHtml(search)}</strong>:</p><ul style="padding-left:1.2em">${items}</ul>` +
      `<p>${newCount > postings.length ? htmlLink(searchUrl, `See ${newCount - postings.length} more`) : htmlLink(searchUrl, 'See the whole search')}</p>` +
      `<p style="color:#555;font-size:.9em">You get this email at most once a day because you asked for it on Roleboard. ${htmlLink(unsubscribeUrl, 'Unsubscribe')}</p>`,
  );
  return { subject, text, html };
}
