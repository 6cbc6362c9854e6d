import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { RoleDetail } from '@/db/roles';
import { renderBadge } from '@/lib/api/badge';
import { parseEmbedOptions } from '@/lib/api/embed-options';
import { iframeSnippet } from '@/lib/api/embed-snippet';
import { cachedResponse } from '@/lib/api/http';
import { parseApiListParams } from '@/lib/api/roles';
import { renderWidget } from '@/lib/api/widget';
import { roleStatsSchema } from '@/lib/role-schemas';

const hostile = '</title><script>alert(1)</script>';
const role: RoleDetail = {
  id: 1,
  slug: 'test-role',
  socCode: null,
  title: `Tester ${hostile}`,
  alternativeTitles: [],
  category: { slug: 'x', name: 'X' },
  summary: 'A role',
  salaryTemplate: '',
  responsibilitiesIntro: '',
  responsibilities: [],
  responsibilitiesOutro: null,
  howToBecomeIntro: '',
  howToBecomeSteps: [],
  howToBecomeOutro: null,
  contentAttribution: null,
  version: 1,
  updatedAt: '2026-11-01T00:00:00.000Z',
  stats: {
    ...roleStatsSchema.parse({
      jobOpenings: 1234,
      averageSalary: 110000,
      degreeRequirementPercent: 100,
      percentiles: { p10: 70000, p25: 90000, median: 108000, p75: 130000, p90: 160000 },
      asOf: '2026-11-01',
      source: 'test',
    }),
    updatedAt: '2026-11-01T00:00:00.000Z',
  },
};

describe('the embed widget', () => {
  test('escapes every text and stays far under 10 kB with no scripts', () => {
    const html = renderWidget(role, { pageUrl: 'https://roleboard.example/roles/test-role', options: parseEmbedOptions(new URLSearchParams()) });
    assert.ok(!html.includes('<script'), 'no script element, even from hostile text');
    assert.ok(html.includes('&#60;/title&#62;&#60;script&#62;'));
    assert.ok(Buffer.byteLength(html) < 10_000);
    assert.ok(html.includes('$110,000') && html.includes('1,234 job openings') && html.includes('100%'));
    assert.ok(html.includes('Typical range $90,000 to $130,000'));
  });

  test('options: themes, compact and locales, with defaults for anything else', () => {
    assert.deepEqual(parseEmbedOptions(new URLSearchParams('theme=dark&compact=1&locale=de-DE')), { theme: 'dark', compact: true, locale: 'de-DE' });
    assert.deepEqual(parseEmbedOptions(new URLSearchParams('theme=neon&compact=yes&locale=<x>')), { theme: 'light', compact: false, locale: 'en-US' });
    const german = renderWidget(role, { pageUrl: 'https://r.example', options: { theme: 'auto', compact: true, locale: 'de-DE' } });
    assert.ok(german.includes('110.000'));
    assert.ok(german.includes('prefers-color-scheme:dark'));
    assert.ok(!german.includes('Typical range'), 'compact cards leave out the range');
  });

  test('the iframe snippet has a title, size and lazy loading, escaped', () => {
    const snippet = iframeSnippet('https://roleboard.example', role);
    assert.match(snippet, /^<iframe src="https:\/\/roleboard\.example\/embed\/test-role" title="Tester &#60;/);
    assert.match(snippet, /width="360" height="220" loading="lazy"/);
  });
});

describe('the badge', () => {
  test('is labelled SVG with escaped text', () => {
    const svg = renderBadge({ label: 'avg salary', value: '<$1>' });
    assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="\d+" height="20" role="img" aria-label="avg salary: &#60;\$1&#62;">/);
    assert.ok(svg.includes('<title>avg salary: &#60;$1&#62;</title>'));
  });
});

describe('API parameters', () => {
  test('valid parameters become a search; unknown ones are ignored', () => {
    const parsed = parseApiListParams(new URLSearchParams('q=nurse&sort=salary&limit=5&utm_source=x'));
    assert.deepEqual(parsed, { ok: true, search: { q: 'nurse', sort: 'salary' }, limit: 5 });
  });

  test('every invalid or repeated parameter is named', () => {
    const parsed = parseApiListParams(new URLSearchParams('sort=x&limit=0&maxDegree=101&q=a&q=b'));
    assert.equal(parsed.ok, false);
    assert.deepEqual(parsed.ok ? [] : parsed.invalidParams.map((param) => param.name).sort(), ['limit', 'maxDegree', 'q', 'sort']);
  });
});

describe('conditional requests', () => {
  test('a matching ETag or a later If-Modified-Since gets 304; HEAD gets no body', async () => {
    const lastModified = new Date('2026-11-01T12:00:00.500Z');
    const first = cachedResponse(new Request('http://x/'), 'body', { contentType: 'text/plain', lastModified });
    const etag = first.headers.get('etag')!;
    assert.equal(first.headers.get('last-modified'), 'Sun, 01 Nov 2026 12:00:00 GMT');
    assert.equal(cachedResponse(new Request('http://x/', { headers: { 'If-None-Match': `W/${etag}` } }), 'body', { contentType: 'text/plain' }).status, 304);
    assert.equal(cachedResponse(new Request('http://x/', { headers: { 'If-None-Match': '"other"' } }), 'body', { contentType: 'text/plain' }).status, 200);
    const since = new Request('http://x/', { headers: { 'If-Modified-Since': 'Sun, 01 Nov 2026 12:00:00 GMT' } });
    assert.equal(cachedResponse(since, 'body', { contentType: 'text/plain', lastModified }).status, 304);
    const head = cachedResponse(new Request('http://x/', { method: 'HEAD' }), 'body', { contentType: 'text/plain' });
    assert.equal(await head.text(), '');
  });
});
