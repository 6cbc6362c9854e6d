'use server';
// Sign-in (signing out is app/admin/actions.ts). Credentials are checked (and throttled) in
// lib/auth.ts's authorize; this action turns its outcome into one message for the form.
import { AuthError, CredentialsSignin } from 'next-auth';
import { z } from 'zod';
import { signIn } from '@/lib/auth';
import { safeCallbackPath } from '@/lib/safe-redirect';
import { signInErrorMessage, type SignInState } from '@/lib/sign-in-messages';

const signInSchema = z.object({
  email: z.string().trim().max(320),
  password: z.string().max(1024),
  callbackUrl: z.string().max(2000).optional(),
});

export async function signInAction(_previous: SignInState, formData: FormData): Promise<SignInState> {
  const parsed = signInSchema.safeParse(Object.fromEntries(formData));
  const email = typeof formData.get('email') === 'string' ? String(formData.get('email')).slice(0, 320) : '';
  if (!parsed.success || !parsed.data.email || !parsed.data.password) {
    return { message: 'Enter your email and password.', email };
  }
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
