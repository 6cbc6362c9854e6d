// Employers, for admins: each with its members and open sign-up links, a form to invite another
// member and to disable or enable it, and a form to create one. Editors get "no permission".
import type { Metadata } from 'next';
import Link from 'next/link';
import { createEmployerAction, inviteMemberAction, setEmployerDisabledAction } from './actions';
import { CreateEmployerForm, EmployerDisableForm, InviteMemberForm } from '@/components/admin/employer-forms';
import { NoPermission } from '@/components/admin/no-permission';
import { listEmployers } from '@/db/employers';
import { readIfAllowed } from '@/lib/server/admin-read';
import { formatEditTime, formatList } from '@/lib/domain/format';

export const metadata: Metadata = { title: 'Employers' };

export default async function AdminEmployersPage() {
  const employers = await readIfAllowed('/admin/employers', listEmployers);
  if (!employers) {
    return (
      <NoPermission>
        <p>Only admins manage employers. Editors review their postings at <Link href="/admin/jobs/review">Review</Link>.</p>
      </NoPermission>
    );
  }
  return (
    <div className="stack">
      <h1>Employers</h1>
      <p>
        Employers post their own openings. There is no sign-up of their own: you create the employer (that is its approval) and make a one-time sign-up link for
        each member, which is shown to you and, where this server sends email, emailed to them. A new employer’s first postings wait for an editor’s review.
      </p>
      {employers.length === 0 && <p>No employers yet.</p>}
      {employers.map((employer) => (
        <section key={employer.id} aria-labelledby={`employer-${employer.id}-heading`} className="user-card stack">
          <h2 id={`employer-${employer.id}-heading`}>
            {employer.name} {employer.disabled && <span className="badge badge--disabled">Disabled</span>}
          </h2>
          <p className="hint">
            {employer.website}
            {employer.verifiedDomain && ` · verified domain ${employer.verifiedDomain}`} · page <Link href={`/employers/${employer.slug}`}>/employers/{employer.slug}</Link>
          </p>
          <p>
            Members: {employer.members.length === 0 ? 'none yet' : formatList(employer.members.map((member) => `${member.name} (${member.email})`))}.
            {employer.openInvites.length > 0 && ` Open sign-up links: ${formatList(employer.openInvites.map((invite) => `${invite.email}, until ${formatEditTime(invite.expiresAt)}`))}.`}
          </p>
          {!employer.disabled && <InviteMemberForm action={inviteMemberAction} employerId={employer.id} employerName={employer.name} />}
          <EmployerDisableForm action={setEmployerDisabledAction} employerId={employer.id} disabled={employer.disabled} />
        </section>
      ))}
      <section aria-labelledby="create-employer-heading" className="stack">
        <h2 id="create-employer-heading">Create employer</h2>
        <CreateEmployerForm action={createEmployerAction} />
      </section>
    </div>
  );
}
