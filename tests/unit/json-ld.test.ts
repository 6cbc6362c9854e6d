import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { serializeJsonLd } from '@/lib/server/json-ld';

describe('JSON-LD serialization', () => {
  test('text cannot close the script element or open a comment', () => {
    const serialized = serializeJsonLd({ name: '</script><script>alert(1)</script>', note: '<!-- & \u2028' });
    assert.ok(!serialized.includes('<'));
    assert.ok(!serialized.includes('>'));
    assert.ok(!serialized.includes('\u2028'));
    assert.deepEqual(JSON.parse(serialized), { name: '</script><script>alert(1)</script>', note: '<!-- & \u2028' });
  });
});
