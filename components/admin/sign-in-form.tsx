'use client';
import { useActionState } from 'react';
import type { SignInState } from '@/lib/sign-in-messages';
import { LabelledInput } from '@/components/labelled-input';
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
      <LabelledInput
        id="email"
        label="Email"
        name="email"
        type="email"
        autoComplete="username"
        required
        defaultValue={state.email}
        aria-describedby={state.message ? 'sign-in-error' : undefined}
      />
      <LabelledInput id="password" label="Password" name="password" type="password" autoComplete="current-password" required />
      <SubmitButton pendingLabel="Signing in…">Sign in</SubmitButton>
    </form>
  );
}
