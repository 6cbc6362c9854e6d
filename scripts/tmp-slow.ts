import postgres from 'postgres';
import { usStates, findUsState } from '@/lib/us-states';
import type { JobSearch } from '@/lib/jobs/job-search';
const url = 'postgres://postgres@127.0.0.1:5432/rb_jobs_scale';
process.env.DATABASE_URL = url;
const { searchJobPostings } = await import('@/db/job-reads');
const sql = postgres(url, { max: 1 });
const roles = await sql<{ slug: string; title: string }[]>`select slug, title from roles where status='published' and soc_code is not null`;
let s = 7; const r = () => ((s = (s * 16807) % 2147483647) / 2147483647);
const pick = <T,>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
const words = [...new Set(roles.flatMap((x) => x.title.toLowerCase().split(/[^a-z]+/)).filter((w) => w.length >= 4))];
const res: { ms: number; q: JobSearch }[] = [];
for (let i = 0; i < 150; i++) {
  const f = pick([{}, { state: pick(usStates) }, { remote: true }, { minPay: 80000 }, { maxEducation: 'bachelor' as const }, { postedWithin: 30 }, { status: 'all' as const }, { occupation: pick(roles).slug }]);
  const q: JobSearch = { ...f, ...(r() < 0.8 ? { q: pick(words) } : {}), sort: r() < 0.5 ? 'newest' : 'pay' };
  const t = performance.now(); await searchJobPostings(q); res.push({ ms: performance.now() - t, q });
}
res.sort((a, b) => b.ms - a.ms);
for (const x of res.slice(0, 15)) console.log(x.ms.toFixed(0), JSON.stringify({ ...x.q, state: (x.q.state as { postalCode?: string } | undefined)?.postalCode }));
const t = res.map((x) => x.ms).sort((a, b) => a - b); console.log('p50', t[75]!.toFixed(0), 'p95', t[142]!.toFixed(0), 'p99', t[148]!.toFixed(0));
await sql.end(); process.exit(0);
