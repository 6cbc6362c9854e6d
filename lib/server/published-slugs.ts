// Which role slugs are published, remembered for a while. Role pages, comparisons and the API ask
// here before rendering or caching anything, so made-up addresses answer 404 without leaving a
// page or a data-cache entry behind. "Published" is kept in a bounded LRU on globalThis (proxy.ts
// and the app are bundled apart and must share it); a save forgets its role's answer at once, and
// other instances learn of an archived role within the answer's lifetime (their pages, read from
// the shared cache, already say it is gone). "Not published" is never kept: a role just created
// on another instance is found on this one at the first request.
import 'server-only';
import { listPublishedSlugsAmong } from '@/db/role-reads';

const MAX_ENTRIES = 20_000;
const PUBLISHED_TTL_MS = 60_000;

type Answer = { expiresAt: number };

const memoKey = Symbol.for('roleboard.publishedSlugs');
function answers() {
  const holder = globalThis as unknown as { [memoKey]?: Map<string, Answer> };
  return (holder[memoKey] ??= new Map());
}

function rememberPublished(slug: string, now: number) {
  const memo = answers();
  memo.delete(slug);
  memo.set(slug, { expiresAt: now + PUBLISHED_TTL_MS });
  // A Map iterates in insertion order, and every use re-inserts: the first key is the least recently used.
  while (memo.size > MAX_ENTRIES) memo.delete(memo.keys().next().value!);
}

/** The slugs among these that are not published roles (asking the database only for what it must). */
export async function findUnpublishedSlugs(slugs: string[]): Promise<string[]> {
  const now = Date.now();
  const memo = answers();
  const unknown = slugs.filter((slug) => {
    const answer = memo.get(slug);
    if (!answer || answer.expiresAt <= now) return true;
    memo.delete(slug);
    memo.set(slug, answer);
    return false;
  });
  if (unknown.length === 0) return [];
  const published = new Set(await listPublishedSlugsAmong({ slugs: unknown }));
  for (const slug of published) rememberPublished(slug, now);
  return unknown.filter((slug) => !published.has(slug));
}

export async function isPublishedSlug(slug: string) {
  return (await findUnpublishedSlugs([slug])).length === 0;
}

/** Forgets what was known about these slugs; called with every save that touches their roles. */
export function forgetSlugs(slugs: string[]) {
  for (const slug of slugs) answers().delete(slug);
}
