// The email that brings an employer member their sign-up link (issue 22). The employer's name is
// an admin's typing: the HTML version escapes it like every value it interpolates.
import { escapeHtml, htmlDocument, htmlLink } from './jobs/alert-emails';
import { formatEditTime } from '@/lib/domain/format';

export function employerInviteEmail({ employerName, joinUrl, expiresAt }: { employerName: string; joinUrl: string; expiresAt: string }) {
  const subject = `Join ${employerName} on Roleboard`.slice(0, 200);
  const until = formatEditTime(expiresAt);
  const intro = `You are invited to post ${employerName}’s job openings on Roleboard.`;
  const text = [
    intro,
    '',
    'Open this link to choose your name and password (it works once):',
    '',
    joinUrl,
    '',
    `The link works until ${until}. If you did not expect this, ignore this email: no account is made without you.`,
  ].join('\n');
  const html = htmlDocument(
    subject,
    `<p>${escapeHtml(intro)}</p>` +
      `<p>${htmlLink(joinUrl, 'Choose your name and password')} (the link works once)</p>` +
      `<p>The link works until ${escapeHtml(until)}. If you did not expect this, ignore this email: no account is made without you.</p>`,
  );
  return { subject, text, html };
}
