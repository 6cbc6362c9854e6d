'use server';
// Sign-in (signing out is app/admin/actions.ts). Credentials are checked (and throttled) in
// lib/server/auth.ts's authorize; this action turns its outcome into one message for the form.
import { AuthError, CredentialsSignin } from 'next-auth';
import { z } from 'zod';
import { signIn } from '@/lib/server/auth';
import { credentialsSchema } from '@/lib/server/credentials';
import { UNREADABLE_FORM_MESSAGE } from '@/lib/domain/errors';
import { safeCallbackPath } from '@/lib/safe-redirect';
import { signInErrorMessage, signInMessages, type SignInState } from '@/lib/sign-in-messages';

const signInSchema = credentialsSchema.extend({ callbackUrl: z.string().max(2000).optional() });

export async function signInAction(_previous: SignInState, formData: FormData): Promise<SignInState> {
  // The action endpoint takes whatever arguments a client encodes: only a form is read.
  if (!(formData instanceof FormData)) return { message: UNREADABLE_FORM_MESSAGE };
  const typed = (name: string) => (typeof formData.get(name) === 'string' ? String(formData.get(name)) : '');
  const email = typed('email').slice(0, 320);
  if (!email.trim() || !typed('password')) return { message: 'Enter your email and password.', email };
  // What no account can have (a control character, a password longer than any allowed) is simply wrong.
  const parsed = signInSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { message: signInMessages.invalid, email };
  try {
    await signIn('credentials', {
      email: parsed.data.email,
      password: parsed.data.password,
      redirectTo: safeCallbackPath(parsed.data.callbackUrl),
    });
  } catch (error) {
    // A successful sign-in "throws" Next's redirect, which must propagate.
    if (!(error instanceof AuthError)) throw error;
    return { message: signInErrorMessage(error.type, error instanceof CredentialsSignin ? error.code : undefined), email };
  }
  return {};
}
