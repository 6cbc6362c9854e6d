'use client';
// The sign-up form a member's invitation link opens: their name and a password (the address is
// the invitation's). Works without JavaScript; the password never comes back after an error.
import { useActionState } from 'react';
import { FormOutcome, InputField, useField } from '@/components/admin/form-fields';
import { SubmitButton } from '@/components/admin/submit-button';
import { idleState, type FormAction } from '@/lib/form-state';

export function JoinForm({ action, token, email }: { action: FormAction; token: string; email: string }) {
  const [state, formAction] = useActionState(action, idleState);
  const field = useField(state, 'join');
  const name = field('name');
  const password = field('password', '8 to 128 characters, not a common password.');
  return (
    <form action={formAction} className="stack" noValidate>
      <input type="hidden" name="token" value={token} />
      <FormOutcome state={state} />
      <div className="field">
        <label htmlFor="join-email">Email</label>
        <input id="join-email" type="email" value={email} readOnly aria-describedby="join-email-hint" />
        <p className="hint" id="join-email-hint">
          The address you were invited at; you sign in with it.
        </p>
      </div>
      <InputField field={name} label="Your name" type="text" autoComplete="name" />
      <InputField field={password} label="Password" type="password" autoComplete="new-password" />
      <div className="form-actions">
        <SubmitButton pendingLabel="Creating your account…">Create my account</SubmitButton>
      </div>
    </form>
  );
}
