import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { RoleDetail } from '@/db/role-reads';
import { badgeOf, openPostingsBadge, renderBadge } from '@/lib/api/badge';
import { findUsState } from '@/lib/us-states';
import { defaultEmbedOptions, parseEmbedOptions, type EmbedOptions } from '@/lib/api/embed-options';
import { iframeSize, iframeSnippet, widgetUrl } from '@/lib/api/embed-snippet';
import { cachedResponse } from '@/lib/api/http';
import { parseApiListParams } from '@/lib/api/role-responses';
import { renderWidget } from '@/lib/api/widget';
import { titleLinesOf, widgetHeight, widgetSize, widgetVariantOf } from '@/lib/api/widget-layout';
import { widgetLanguageOf, widgetLanguages, widgetTextFor } from '@/lib/api/widget-text';
import { formatAsOf } from '@/lib/domain/format';
import type { PercentileKey } from '@/lib/domain/role-fields';
import { roleStatsSchema } from '@/lib/role-schemas';
import { roleDetailWithFigures } from '../support/role-detail';

const hostile = '</title><script>alert(1)</script>';
const role = roleDetailWithFigures({
  slug: 'test-role',
  socCode: null,
  title: `Tester ${hostile}`,
  category: { slug: 'x', name: 'X' },
  summary: 'A role',
  version: 1,
  updatedAt: '2026-11-01T00:00:00.000Z',
  stats: roleStatsSchema.parse({
    jobOpenings: 1234,
    averageSalary: 110000,
    degreeRequirementPercent: 100,
    percentiles: { p10: 70000, p25: 90000, median: 108000, p75: 130000, p90: 160000 },
    asOf: '2026-11-01',
    source: 'test',
  }),
});

describe('the embed widget', () => {
  const pageUrl = 'https://roleboard.example/roles/test-role';
  const render = (options: Partial<EmbedOptions> = {}, stats: Partial<RoleDetail['stats']> = {}, title = role.title) =>
    renderWidget({ ...role, title, stats: { ...role.stats, ...stats } }, { pageUrl, options: { ...defaultEmbedOptions, ...options } });

  test('escapes every text and stays far under 10 kB with no scripts', () => {
    const html = renderWidget(role, { pageUrl, options: parseEmbedOptions(new URLSearchParams()) });
    assert.ok(!html.includes('<script'), 'no script element, even from hostile text');
    assert.ok(html.includes('&lt;/title&gt;&lt;script&gt;'));
    assert.ok(Buffer.byteLength(html) < 10_000);
    assert.ok(html.includes('<dd class="salary">$110,000</dd>') && html.includes('<dt>Job openings</dt><dd>1,234 job openings</dd>'));
    assert.ok(html.includes('<dd>$90,000 – $130,000</dd>') && html.includes('<dt>Median</dt><dd>$108,000</dd>'));
    assert.ok(html.includes('As of November 2026') && html.includes('>Full statistics<span class="wide"> on Roleboard</span></a>'));
  });

  test('options: themes, compact and locales, with defaults for anything else', () => {
    assert.deepEqual(parseEmbedOptions(new URLSearchParams('theme=dark&compact=1&locale=de-DE')), { theme: 'dark', compact: true, locale: 'de-DE' });
    assert.deepEqual(parseEmbedOptions(new URLSearchParams('theme=neon&compact=yes&locale=<x>')), { theme: 'light', compact: false, locale: 'en-US' });
    assert.equal(parseEmbedOptions(new URLSearchParams('locale=de-at')).locale, 'de-AT', 'tags are written canonically');
    const german = render({ theme: 'auto', compact: true, locale: 'de-DE' });
    assert.ok(german.includes('110.000'));
    assert.ok(german.includes('prefers-color-scheme:dark'));
    assert.ok(!german.includes('<dt>Mittlere Hälfte</dt>'), 'compact cards leave out the range');
  });

  test('speaks English, German, French and Spanish by the locale’s language, English otherwise', () => {
    assert.deepEqual(
      ['en-GB', 'de-DE', 'de-AT', 'fr-CA', 'es-MX', 'ja-JP', 'pt-BR'].map((locale) => widgetLanguageOf(locale)),
      ['en', 'de', 'de', 'fr', 'es', 'en', 'en'],
    );
    const german = render({ locale: 'de-AT' });
    assert.ok(german.startsWith('<!doctype html><html lang="de-AT">'));
    assert.ok(german.includes('<h1 lang="en">'), 'the title is English data inside a German card');
    for (const words of ['Durchschnittsgehalt', 'Offene Stellen', 'Mittlere Hälfte', 'Stand: November 2026', 'Alle Zahlen<span class="wide"> auf Roleboard</span>']) {
      assert.ok(german.includes(words), words);
    }
    const french = render({ locale: 'fr-FR' });
    for (const words of ['Salaire moyen', 'Médiane', 'Données\u202f: novembre 2026', 'Détails<span class="wide"> sur Roleboard</span>', '110\u202f000\u00a0$US']) {
      assert.ok(french.includes(words), words);
    }
    const spanish = render({ locale: 'es-ES' }, { percentiles: null, employment: 5000 });
    for (const words of ['Salario medio', 'Vacantes', 'Título exigido', 'Empleados', 'Datos: noviembre de 2026', 'Detalles<span class="wide"> en Roleboard</span>']) {
      assert.ok(spanish.includes(words), words);
    }
    const japanese = render({ locale: 'ja-JP' });
    assert.ok(japanese.startsWith('<!doctype html><html lang="en">') && japanese.includes('Average salary') && japanese.includes('2026年11月'));
    assert.ok(!japanese.includes('<h1 lang='));
  });

  test('in every month and language, the footer is no longer than the English one the layout test measures', () => {
    const footerOf = (locale: string, month: number) => {
      const { text } = widgetTextFor(locale);
      return text.asOf(formatAsOf(`2026-${String(month).padStart(2, '0')}-01`, locale)) + text.fullStatistics;
    };
    for (const language of widgetLanguages) {
      const { text } = widgetTextFor(language);
      assert.ok(text.fullStatistics.endsWith(text.fullStatisticsTail), `${language}: a narrow card's link is the start of the full one`);
    }
    const longestEnglish = footerOf('en-US', 9);
    assert.equal(longestEnglish, 'As of September 2026Full statistics on Roleboard');
    for (const locale of ['de-DE', 'fr-FR', 'es-ES']) {
      for (let month = 1; month <= 12; month += 1) assert.ok(footerOf(locale, month).length <= longestEnglish.length, footerOf(locale, month));
    }
  });

  test('top-coded wages read "or more", unknown figures say so in the card’s language', () => {
    const topCoded = { p10: 150000, p25: 200000, median: 239200, p75: 239200, p90: 239200, topCoded: ['median', 'p75', 'p90'] as PercentileKey[] };
    const html = render({}, { percentiles: topCoded });
    assert.ok(html.includes('<dd>$200,000 – $239,200 or more</dd>') && html.includes('<dt>Median</dt><dd>$239,200 or more</dd>'));
    const german = render({ locale: 'de-DE' }, { percentiles: topCoded });
    assert.ok(german.includes('200.000–239.200\u00a0$+</dd>') && german.includes('<dt>Median</dt><dd>239.200\u00a0$ oder mehr</dd>'), german);
    const allTopCoded = render({}, { percentiles: { ...topCoded, p25: 239200, topCoded: ['p25', 'median', 'p75', 'p90'] } });
    assert.ok(allTopCoded.includes('<dt>Middle half</dt><dd>$239,200 or more</dd>'));
    assert.ok(render({ locale: 'de-DE' }, { averageSalary: null }).includes('<dd class="unknown">Nicht veröffentlicht</dd>'));
  });

  test('an occupation paid by the hour shows its hourly wages as published, never "Not published" or an annual figure', () => {
    const hourlyWages = { mean: 44.4, percentiles: { p10: 14, p25: 16.94, median: 23.33, p75: 41.09, p90: 97.19, topCoded: [] as PercentileKey[] } };
    const html = render({}, { averageSalary: null, percentiles: null, hourlyWages });
    assert.ok(html.includes('<dt>Average hourly wage</dt><dd class="salary">$44.40</dd>'), html);
    assert.ok(html.includes('<dt>Middle half</dt><dd>$16.94 – $41.09</dd>') && html.includes('<dt>Median</dt><dd>$23.33</dd>'), html);
    assert.ok(!/Not published|NaN|undefined|\$(?![\d])/.test(html.replace(/<style>.*<\/style>/s, '')), html);
    assert.equal(badgeOf({ stats: { ...role.stats, averageSalary: null, percentiles: null, hourlyWages } }, 'salary').value, '$44.40');
  });
});

describe('the card’s height', () => {
  const withStats = (stats: Partial<RoleDetail['stats']>, title = 'Software Developers') => ({ ...role, title, stats: { ...role.stats, ...stats } });
  const heightOf = (snippet: string) => Number(/ height="(\d+)"/.exec(snippet)?.[1]);

  test('is the sum of its blocks, for each variant', () => {
    const full = widgetVariantOf(withStats({}), { compact: false });
    assert.deepEqual(full, { compact: false, titleLines: 2, range: true, detailLines: 2 });
    assert.equal(widgetHeight(full), 214);
    const fullWithout = (stats: Partial<RoleDetail['stats']>) => widgetHeight(widgetVariantOf(withStats({ percentiles: null, ...stats }), { compact: false }));
    assert.equal(fullWithout({ employment: 5000 }), 200, 'no bar: degree requirement and employment');
    assert.equal(fullWithout({}), 182, 'no bar: degree requirement alone');
    assert.equal(fullWithout({ degreeRequirementPercent: null }), 152, 'nothing under the first figures');
    assert.equal(widgetHeight(widgetVariantOf(withStats({}), { compact: true })), 102);
  });

  test('long titles get a line more, up to four; the compact card keeps one', () => {
    assert.deepEqual(
      [20, 56, 57, 92, 93, 112].map((length) => titleLinesOf('x'.repeat(length))),
      [2, 2, 3, 3, 4, 4],
    );
    const long = withStats({}, 'First-Line Supervisors of Transportation and Material Moving Workers, Except Aircraft Cargo Handling Supervisors');
    assert.equal(widgetSize(long, { compact: false }).height, 254);
    assert.equal(widgetSize(long, { compact: true }).height, 102);
  });

  test('every snippet carries its card’s size and options', () => {
    const site = 'https://roleboard.example';
    const full = iframeSnippet(site, role);
    assert.match(full, /^<iframe src="https:\/\/roleboard\.example\/embed\/test-role" title="Tester &lt;/);
    assert.match(full, /width="360" height="214" loading="lazy"/);
    const compactGerman = iframeSnippet(site, role, { theme: 'dark', compact: true, locale: 'de-DE' });
    assert.match(compactGerman, /src="https:\/\/roleboard\.example\/embed\/test-role\?theme=dark&amp;compact=1&amp;locale=de-DE"/);
    assert.match(compactGerman, /title="Tester [^"]*: Gehaltsstatistik von Roleboard"/);
    assert.equal(heightOf(compactGerman), 102);
    assert.equal(heightOf(iframeSnippet(site, withStats({ percentiles: null }))), 182);
    assert.equal(widgetUrl('', 'test-role', { theme: 'auto', compact: false, locale: 'en-US' }), '/embed/test-role?theme=auto');
    assert.deepEqual(iframeSize(role, { compact: false }, { width: 300, height: 150 }), { width: 300, height: 150 }, 'oEmbed may ask for less');
  });
});

describe('the badge', () => {
  test('is labelled SVG with escaped text', () => {
    const svg = renderBadge({ label: 'avg salary', value: '<$1>' });
    assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="\d+" height="20" role="img" aria-label="avg salary: &lt;\$1&gt;">/);
    assert.ok(svg.includes('<title>avg salary: &lt;$1&gt;</title>'));
  });
});

describe('API parameters', () => {
  test('valid parameters become a search; unknown ones are refused, not ignored (each would be a new address to caches)', () => {
    assert.deepEqual(parseApiListParams(new URLSearchParams('q=nurse&sort=salary&limit=5')), { ok: true, search: { q: 'nurse', sort: 'salary' }, limit: 5 });
    const parsed = parseApiListParams(new URLSearchParams('q=nurse&sort=salary&limit=5&utm_source=x'));
    assert.deepEqual(parsed, { ok: false, invalidParams: [{ name: 'utm_source', reason: 'This endpoint does not take this parameter' }] });
  });

  test('every invalid or repeated parameter is named', () => {
    const parsed = parseApiListParams(new URLSearchParams('sort=x&limit=0&maxDegree=101&q=a&q=b'));
    assert.equal(parsed.ok, false);
    assert.deepEqual(parsed.ok ? [] : parsed.invalidParams.map((param) => param.name).sort(), ['limit', 'maxDegree', 'q', 'sort']);
  });

  test('names that objects inherit are unknown parameters like any other', () => {
    // The fuzz test found GET /api/v1/roles?valueOf=%zz answering 500: "valueOf" is `in` every object.
    const parsed = parseApiListParams(new URLSearchParams('valueOf=%zz&constructor=1&__proto__=x&toString=y'));
    assert.deepEqual(parsed.ok ? [] : parsed.invalidParams.map((param) => param.name), ['valueOf', 'constructor', '__proto__', 'toString']);
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

describe('the open postings badge (metric=openings-live)', () => {
  test('says how many postings are open, in the U.S. or in a state, and 0 when none are', () => {
    assert.deepEqual(openPostingsBadge({ openCount: 1234, state: null }), { label: 'open postings', value: '1,234' });
    assert.deepEqual(openPostingsBadge({ openCount: 0, state: findUsState('CA') }), { label: 'open postings in CA', value: '0' });
    assert.match(renderBadge(openPostingsBadge({ openCount: 3, state: null })), /aria-label="open postings: 3"/);
  });
});
