import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { slugify, slugSchema } from '@/lib/slug';

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

  test('slugify turns titles into valid slugs', () => {
    assert.equal(slugify('Backend Software Engineer'), 'backend-software-engineer');
    assert.equal(slugify('  Data & AI: Lead (Remote) '), 'data-ai-lead-remote');
    assert.equal(slugify('Café Manager'), 'cafe-manager');
    assert.ok(slugSchema.safeParse(slugify('Ünïcode Títle!!')).success);
  });
});
