'use client';
import { useActionState } from 'react';
import type { SignInState } from '@/lib/sign-in-messages';
import { SubmitButton } from './submit-button';

export function SignInForm({
  signInAction,
  callbackUrl,
}: {
  signInAction: (previous: SignInState, formData: FormData) => Promise<SignInState>;
  callbackUrl: string;
}) {
  const [state, formAction] = useActionState<SignInState, FormData>(signInAction, {});
  return (
    <form action={formAction} className="stack" noValidate>
      {state.message && (
        <p className="notice notice--error" role="alert" id="sign-in-error">
          {state.message}
        </p>
      )}
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <div className="field">
        <label htmlFor="email">Email</label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          required
          defaultValue={state.email}
          aria-describedby={state.message ? 'sign-in-error' : undefined}
        />
      </div>
      <div className="field">
        <label htmlFor="password">Password</label>
        <input id="password" name="password" type="password" autoComplete="current-password" required />
      </div>
      <SubmitButton pendingLabel="Signing in…">Sign in</SubmitButton>
    </form>
  );
}
