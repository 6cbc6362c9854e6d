// Atom and JSON Feed of the newest postings of a job search (/jobs/feed.atom|json with /jobs's
// parameters) or of a role (/roles/{slug}/jobs/feed.atom|json), written by the `feed` package.
// Postings come from strangers. Its Atom output marks titles and summaries `type="html"` (in
// CDATA), so for Atom the plain text is HTML-escaped first: a reader shows `<script>` as text and
// no `]]>` can end the CDATA early. JSON Feed's title and summary are plain text and go as they
// are. Characters XML 1.0 cannot hold at all are dropped from both.
import { Feed } from 'feed';
import type { JobPostingSummary } from '@/db/job-reads';
import { cachedResponse, withProblemDetails } from '@/lib/api/http';
import { escapeHtml } from '@/lib/api/widget';
import { env } from '@/lib/env';
import { formatSalary } from '@/lib/domain/format';
import { getJobPage } from '@/lib/server/cached-job-reads';
import { getRole } from '@/lib/server/cached-public-reads';
import type { JobSearch } from '@/lib/jobs/job-search';
import { invalidParamsResponse } from './job-list';
import { jobPageUrl, jobSearchQuery, parseApiJobParams } from './job-responses';
import { apiJobParams, type ApiJobParam } from './job-schemas';
import { roleNotFoundResponse } from './role-responses';
import { roleSlugParam } from './schemas';

export type FeedFormat = 'atom' | 'json';

/** Entries per feed: the newest postings; a reader polling every few hours misses none on any usual search. */
const FEED_ENTRIES = 50;
/** /jobs's parameters, so any /jobs address gives its feed; a feed is always the newest first page, so `sort` and `after` are read and left aside. */
const feedParams = (Object.keys(apiJobParams) as ApiJobParam[]).filter((name) => name !== 'limit');
const roleFeedParams = feedParams.filter((name) => name !== 'occupation');

/** Code points XML 1.0 forbids (C0 controls but tab and line breaks, lone surrogates, U+FFFE/U+FFFF). */
const NOT_XML = /[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const xmlSafe = (text: string) => text.replace(NOT_XML, '');

const periodWords = { year: 'a year', month: 'a month', week: 'a week', day: 'a day', hour: 'an hour' } as const;

function payText(pay: JobPostingSummary['pay']) {
  if (!pay) return 'Pay not stated';
  const amount = (value: number) => (pay.period === 'hour' ? `$${value.toFixed(2)}` : formatSalary(value));
  const range = pay.min !== null && pay.max !== null && pay.min !== pay.max ? `${amount(pay.min)}–${amount(pay.max)}` : amount((pay.max ?? pay.min)!);
  return `${range} ${periodWords[pay.period]}`;
}

function placeText(posting: JobPostingSummary) {
  const places = posting.locations.map((location) => [location.city, location.stateCode].filter(Boolean).join(', ')).filter(Boolean);
  if (posting.remote) places.push('Remote');
  return places.join('; ') || 'Place not stated';
}

/** The entry's one-line summary, as plain text: employer, place and pay. */
export function postingSummary(posting: JobPostingSummary) {
  return `${posting.employer} · ${placeText(posting)} · ${payText(posting.pay)}`;
}

function buildFeed({ title, path, search, postings, format }: { title: string; path: string; search: JobSearch; postings: JobPostingSummary[]; format: FeedFormat }) {
  const site = env.SITE_URL();
  const query = jobSearchQuery(search);
  const self = (kind: FeedFormat) => `${site}${path}/feed.${kind}${query}`;
  const newest = postings[0] ? new Date(`${postings[0].postedOn}T00:00:00Z`) : new Date(`${new Date().toISOString().slice(0, 10)}T00:00:00Z`);
  const feed = new Feed({
    id: self(format),
    // The feed's own title is a plain text element (escaped by the writer); only entries' are marked html.
    title: xmlSafe(title),
    description: 'New government job postings (USAJOBS, New York City) on Roleboard, newest first.',
    link: `${site}${path}${query}`,
    updated: newest,
    generator: 'Roleboard',
    language: 'en',
    copyright: 'Postings as their publishers published them.',
    feedLinks: { atom: self('atom'), json: self('json') },
  });
  const text = (plain: string) => (format === 'atom' ? escapeHtml(xmlSafe(plain)) : xmlSafe(plain));
  for (const posting of postings) {
    const url = jobPageUrl(posting.id);
    feed.addItem({ id: url, link: url, title: text(posting.title), date: new Date(`${posting.postedOn}T00:00:00Z`), description: text(postingSummary(posting)) });
  }
  return format === 'atom' ? feed.atom1() : feed.json1();
}

const contentTypes: Record<FeedFormat, string> = {
  atom: 'application/atom+xml; charset=utf-8',
  json: 'application/feed+json; charset=utf-8',
};

/** The feed of a search (`occupation` absent) or of a role's postings, or a 400 naming every bad parameter. */
export async function jobFeedResponse(request: Request, { format, role }: { format: FeedFormat; role?: { slug: string; title: string } }) {
  const parsed = parseApiJobParams(new URL(request.url).searchParams, role ? roleFeedParams : feedParams);
  if (!parsed.ok) return invalidParamsResponse(parsed.invalidParams);
  const { sort: _sort, after: _after, ...search } = parsed.search;
  const page = await getJobPage({ ...search, ...(role && { occupation: role.slug }) }, FEED_ENTRIES);
  const title = role ? `${role.title}: new postings on Roleboard` : `New job postings on Roleboard${search.q ? `: ${search.q}` : ''}`;
  const body = buildFeed({ title, path: role ? `/roles/${role.slug}/jobs` : '/jobs', search, postings: page.postings, format });
  return cachedResponse(request, body, { contentType: contentTypes[format] });
}

/** GET /roles/{slug}/jobs/feed.{atom,json}: the role's newest postings, with /jobs's other parameters. */
export function roleJobFeedHandler(format: FeedFormat) {
  return withProblemDetails(async (request: Request, { params }: { params: Promise<{ slug: string }> }) => {
    const slug = roleSlugParam.safeParse((await params).slug);
    const role = slug.success ? await getRole(slug.data) : null;
    if (!role) return roleNotFoundResponse();
    return jobFeedResponse(request, { format, role: { slug: role.slug, title: role.title } });
  });
}
