'use client';
// The sign-up form a member's invitation link opens: their name and a password (the address is
// the invitation's). Works without JavaScript; the password never comes back after an error.
import { useActionState } from 'react';
import { SubmitButton } from '@/components/admin/submit-button';
import { idleState, type FormAction } from '@/lib/form-state';

export function JoinForm({ action, token, email }: { action: FormAction; token: string; email: string }) {
  const [state, formAction] = useActionState(action, idleState);
  const errorOf = (field: 'name' | 'password') => state.fieldErrors?.[field]?.[0];
  const typedName = typeof state.values?.name === 'string' ? state.values.name : '';
  return (
    <form action={formAction} className="stack" noValidate>
      <input type="hidden" name="token" value={token} />
      {state.status === 'error' && state.message && (
        <p className="notice notice--error" role="alert">
          {state.message}
        </p>
      )}
      <div className="field">
        <label htmlFor="join-email">Email</label>
        <input id="join-email" type="email" value={email} readOnly aria-describedby="join-email-hint" />
        <p className="hint" id="join-email-hint">
          The address you were invited at; you sign in with it.
        </p>
      </div>
      <div className="field">
        <label htmlFor="join-name">Your name</label>
        <input id="join-name" name="name" type="text" autoComplete="name" defaultValue={typedName} aria-invalid={errorOf('name') ? true : undefined} aria-describedby={errorOf('name') ? 'join-name-error' : undefined} />
        {errorOf('name') && (
          <p className="field-error" id="join-name-error">
            {errorOf('name')}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor="join-password">Password</label>
        <input
          id="join-password"
          name="password"
          type="password"
          autoComplete="new-password"
          aria-invalid={errorOf('password') ? true : undefined}
          aria-describedby={['join-password-hint', errorOf('password') ? 'join-password-error' : null].filter(Boolean).join(' ')}
        />
        <p className="hint" id="join-password-hint">
          8 to 128 characters, not a common password.
        </p>
        {errorOf('password') && (
          <p className="field-error" id="join-password-error">
            {errorOf('password')}
          </p>
        )}
      </div>
      <div className="form-actions">
        <SubmitButton pendingLabel="Creating your account…">Create my account</SubmitButton>
      </div>
    </form>
  );
}
