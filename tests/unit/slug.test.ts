import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { reservedSlugs, slugFormatSchema, slugify, slugSchema } from '@/lib/slug';

describe('slugs', () => {
  test('accepts lowercase words joined by single hyphens', () => {
    assert.ok(slugSchema.safeParse('backend-software-engineer').success);
    assert.ok(slugSchema.safeParse('role2').success);
  });

  test('rejects spaces, capitals, stray hyphens and overlong slugs', () => {
    for (const bad of ['Backend', 'has space', '-lead', 'trail-', 'double--hyphen', '', 'a'.repeat(101), 'ümlaut']) {
      assert.equal(slugSchema.safeParse(bad).success, false, bad);
    }
  });

  test('refuses the slugs reserved for routes beside or below a role, saying what for', () => {
    for (const slug of ['new', 'states', 'history', 'areas', 'opengraph-image', 'sitemap']) {
      const result = slugSchema.safeParse(slug);
      assert.equal(result.success, false, slug);
      assert.deepEqual(
        result.error?.issues.map((issue) => issue.message),
        [`“${slug}” is reserved for ${reservedSlugs[slug]}; choose another slug`],
      );
      assert.ok(slugFormatSchema.safeParse(slug).success, `${slug} still looks like a slug, so an editor can find the role to rename it`);
    }
    assert.deepEqual(Object.keys(reservedSlugs).sort(), ['areas', 'history', 'new', 'opengraph-image', 'sitemap', 'states']);
    for (const near of ['new-grad-nurse', 'states-attorney', 'history-teachers', 'newsletter', 'sitemaps', 'constructor', 'to-string']) {
      assert.ok(slugSchema.safeParse(near).success, near);
    }
  });

  test('slugify turns titles into valid slugs', () => {
    assert.equal(slugify('Backend Software Engineer'), 'backend-software-engineer');
    assert.equal(slugify('  Data & AI: Lead (Remote) '), 'data-ai-lead-remote');
    assert.equal(slugify('Café Manager'), 'cafe-manager');
    assert.ok(slugSchema.safeParse(slugify('Ünïcode Títle!!')).success);
  });
});
