'use client';
// The forms of /admin/employers: create an employer, invite a member (the one-time link is shown
// here once, to pass on), and disable or enable an employer. Plain forms posting to their Server
// Actions, so they work without JavaScript; typed values come back with the errors.
import { useActionState } from 'react';
import { ButtonForm } from './button-form';
import { SubmitButton } from './submit-button';
import { Field, FormOutcome, InputField, useField } from './form-fields';
import { idleState, type FormAction } from '@/lib/form-state';

export function CreateEmployerForm({ action }: { action: FormAction }) {
  const [state, formAction] = useActionState(action, idleState);
  const field = useField(state, 'new-employer');
  const name = field('name');
  const website = field('website');
  const domain = field('verifiedDomain', 'Optional. With it, members are invited at this domain’s addresses only. Check it is theirs first.');
  return (
    <form action={formAction} className="stack" noValidate>
      <FormOutcome state={state} />
      <div className="form-grid">
        <InputField field={name} label="Name" type="text" />
        <InputField field={website} label="Website" type="url" placeholder="https://" />
        <InputField field={domain} label="Verified domain" type="text" placeholder="example.com" />
      </div>
      <div className="form-actions">
        <SubmitButton pendingLabel="Creating…">Create employer</SubmitButton>
      </div>
    </form>
  );
}

export function InviteMemberForm({ action, employerId, employerName }: { action: FormAction<Record<string, unknown>, { link: string }>; employerId: number; employerName: string }) {
  const [state, formAction] = useActionState(action, idleState);
  const email = useField(state, `invite-${employerId}`)('email');
  return (
    <form action={formAction} className="stack">
      <input type="hidden" name="employerId" value={employerId} />
      <InputField
        field={email}
        label={
          <>
            Invite a member of <span className="visually-hidden">{employerName}</span> (email)
          </>
        }
        type="email"
        autoComplete="off"
      />
      <div className="form-actions">
        <SubmitButton pendingLabel="Making the link…" className="button--secondary">
          Make sign-up link
        </SubmitButton>
      </div>
      <FormOutcome state={state} />
      {state.detail && (
        <div className="field">
          <label htmlFor={`invite-${employerId}-link`}>Sign-up link (shown once: copy it now)</label>
          <input id={`invite-${employerId}-link`} type="text" readOnly value={state.detail.link} />
        </div>
      )}
    </form>
  );
}

export function EmployerDisableForm({ action, employerId, disabled }: { action: FormAction; employerId: number; disabled: boolean }) {
  return (
    <ButtonForm
      action={action}
      fields={{ employerId, disabled: disabled ? 'false' : 'true' }}
      button={{
        pendingLabel: disabled ? 'Enabling…' : 'Disabling…',
        className: 'button--secondary',
        children: disabled ? 'Enable employer' : 'Disable employer (closes its open postings)',
      }}
    />
  );
}

export function ApprovePostingForm({ action, id, title }: { action: FormAction; id: number; title: string }) {
  return <ButtonForm action={action} fields={{ id }} button={{ pendingLabel: 'Publishing…', 'aria-label': `Approve and publish “${title}”`, children: 'Approve and publish' }} />;
}

export function TakeDownPostingForm({ action, id, title }: { action: FormAction; id: number; title: string }) {
  const [state, formAction] = useActionState(action, idleState);
  const reason = useField(state, `take-down-${id}`)('reason', 'The employer sees this. The posting leaves the site at once and cannot be published again.');
  return (
    <form action={formAction} className="stack">
      <input type="hidden" name="id" value={id} />
      <Field
        field={reason}
        label={
          <>
            Reason for taking down <span className="visually-hidden">“{title}”</span>
          </>
        }
      >
        <textarea rows={2} {...reason.input} />
      </Field>
      <div className="form-actions">
        <SubmitButton pendingLabel="Taking down…" className="button--secondary">
          Take down
        </SubmitButton>
      </div>
      <FormOutcome state={state} />
    </form>
  );
}
