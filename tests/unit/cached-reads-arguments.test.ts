// Every 'use cache' function of lib/server/cached-public-reads.ts is also a server reference, which a
// posted request could ask Next.js to run with arguments of its choosing (the HTTP front refuses
// that; this is the second wall). Called with anything our pages never pass, each throws before it
// reads or keeps anything: no database is reached here (none is configured), and a failed fill is
// never stored by the cache handler (tests/unit/use-cache-handler.test.ts).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import * as reads from '@/lib/server/cached-public-reads';

const { UnexpectedCacheArguments } = reads;

// As a posted request could call them: with a FormData after their arguments (a form posted
// without JavaScript), more or fewer arguments, or arguments of another shape.
const form = new FormData();
const refusedCalls: [string, () => Promise<unknown>][] = [
  ['getCatalogueFingerprint(form)', () => (reads.getCatalogueFingerprint as (...args: unknown[]) => Promise<unknown>)(form)],
  ['getPublishedRoleCount(1)', () => (reads.getPublishedRoleCount as (...args: unknown[]) => Promise<unknown>)(1)],
  ['getRoleAreaPageCount("x")', () => (reads.getRoleAreaPageCount as (...args: unknown[]) => Promise<unknown>)('x')],
  ['getAreaWageSummaries({})', () => (reads.getAreaWageSummaries as (...args: unknown[]) => Promise<unknown>)({})],
  ['getSitemapEntries(0, 1000001)', () => (reads.getSitemapEntries as (...args: unknown[]) => Promise<unknown>)(0, 1_000_001)],
  ['getSitemapEntries(1000)', () => reads.getSitemapEntries(1000)],
  ['getSitemapEntries(-1)', () => reads.getSitemapEntries(-1)],
  ['getSitemapEntries(0.5)', () => reads.getSitemapEntries(0.5)],
  ['getRoleAreaSitemapEntries("0")', () => (reads.getRoleAreaSitemapEntries as (...args: unknown[]) => Promise<unknown>)('0')],
  ['getAreaFingerprint("99")', () => reads.getAreaFingerprint('99')],
  ['getAreaFingerprint("48", form)', () => (reads.getAreaFingerprint as (...args: unknown[]) => Promise<unknown>)('48', form)],
  ['getCategorySalaries("Not A Slug", "USD")', () => reads.getCategorySalaries('Not A Slug', 'USD')],
  ['getCategorySalaries("computer-and-mathematical", "usd")', () => reads.getCategorySalaries('computer-and-mathematical', 'usd')],
  ['getCategorySalaries("computer-and-mathematical")', () => (reads.getCategorySalaries as (...args: unknown[]) => Promise<unknown>)('computer-and-mathematical')],
];

describe("cached reads called with arguments our pages never pass", () => {
  for (const [call, run] of refusedCalls) {
    test(`${call} throws before reading anything`, async () => {
      await assert.rejects(run(), UnexpectedCacheArguments);
    });
  }
});
