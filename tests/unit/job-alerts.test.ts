// Job alerts' pieces that need no database: the search an alert keeps and how it reads, the
// links' tokens, and the emails' escaping of strangers' text.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { digestEmail } from '@/lib/jobs/alert-emails';
import { alertIdOfUnsubscribeToken, confirmationToken, hashToken, unsubscribeToken } from '@/lib/jobs/alert-tokens';
import { alertSearchQuery, describeAlertSearch, jobAlertFormSchema } from '@/lib/jobs/job-alerts';

const secret = 'unit-test-secret-of-at-least-32-characters';

describe('job alerts', () => {
  test('one search, one spelling; read back in words', () => {
    assert.equal(alertSearchQuery('q=nurse&state=texas&remote=1&after=zzz&sort=pay'), '?q=nurse&state=TX&remote=true');
    assert.equal(describeAlertSearch('?q=nurse&state=TX&remote=true&minPay=50000'), '“nurse” · Texas · remote · pays at least $50,000 a year');
    assert.equal(describeAlertSearch(''), 'all job postings');
  });

  test('the form takes one address, lower-cased, and names what is wrong', () => {
    assert.equal(jobAlertFormSchema.parse({ email: ' Ana@Example.COM ' }).email, 'ana@example.com');
    assert.equal(jobAlertFormSchema.safeParse({ email: 'nope' }).error?.issues[0]?.message, 'Enter an email address like name@example.com');
    assert.equal(jobAlertFormSchema.safeParse({ email: '' }).error?.issues[0]?.message, 'Enter your email address');
  });

  test('tokens: a changed confirmation email changes its link; an unsubscribe token names its alert and cannot be forged', () => {
    assert.notEqual(confirmationToken({ secret, alertId: 1, emailNumber: 1 }), confirmationToken({ secret, alertId: 1, emailNumber: 2 }));
    assert.match(hashToken('x'), /^[0-9a-f]{64}$/);
    const token = unsubscribeToken({ secret, alertId: 42 });
    assert.equal(alertIdOfUnsubscribeToken({ secret, token }), 42);
    assert.equal(alertIdOfUnsubscribeToken({ secret, token: token.replace(/^42\./, '43.') }), null);
    assert.equal(alertIdOfUnsubscribeToken({ secret: `${secret}!`, token }), null);
    assert.equal(alertIdOfUnsubscribeToken({ secret, token: 'garbage' }), null);
  });

  test("a digest's HTML escapes every posting's text; its text version keeps it as it is", () => {
    const posting = { id: 7, title: '<img src=x onerror=alert(1)>', employer: 'A & "B"', locations: [], remote: true, postedOn: '2026-12-01', pay: null };
    const email = digestEmail({
      search: '“<b>”',
      searchUrl: 'https://roleboard.example/jobs?q=%3Cb%3E',
      postings: [posting],
      newCount: 1,
      postingUrl: (id) => `https://roleboard.example/jobs/${id}`,
      unsubscribeUrl: 'https://roleboard.example/jobs/alerts/unsubscribe?token=7.x',
    });
    assert.ok(!email.html.includes('<img'));
    assert.ok(email.html.includes('&lt;img src=x onerror=alert(1)&gt;'));
    assert.ok(email.html.includes('A &amp; &quot;B&quot;'));
    assert.ok(email.text.includes('<img src=x onerror=alert(1)>'));
    assert.ok(email.text.includes('https://roleboard.example/jobs/alerts/unsubscribe?token=7.x'));
  });
});
