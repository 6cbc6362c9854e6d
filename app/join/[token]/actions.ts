'use server';
// Using a sign-up link: anyone holding the link may, once. The DAL (db/employers.ts) checks the
// link before anything costly and writes the account and the used link in one transaction.
import { redirect } from 'next/navigation';
import { acceptEmployerInvite } from '@/db/employers';
import { UNREADABLE_FORM_MESSAGE } from '@/lib/domain/errors';
import { rejectedState, type FormState } from '@/lib/form-state';

const linkProblems = {
  unknown: 'This sign-up link does not exist. Check that you opened the whole link from your invitation.',
  used: 'This sign-up link has been used already. Sign in instead, or ask a Roleboard admin for a new link.',
  expired: 'This sign-up link has expired. Ask a Roleboard admin for a new one.',
  'employer-disabled': 'This employer’s account is disabled, so the link no longer works.',
};

export async function joinEmployerAction(_previous: FormState, formData: FormData): Promise<FormState> {
  if (!(formData instanceof FormData)) return { status: 'error', message: UNREADABLE_FORM_MESSAGE };
  const input = { token: formData.get('token'), name: formData.get('name'), password: formData.get('password') };
  const values = { name: typeof input.name === 'string' ? input.name.slice(0, 200) : '' };
  const result = await acceptEmployerInvite(input);
  switch (result.status) {
    case 'joined':
      redirect('/login?joined=1&callbackUrl=/employer');
    case 'invalid':
      return rejectedState(result, values);
    case 'link-not-valid':
      return { status: 'error', message: linkProblems[result.reason] };
    case 'refused':
      return { status: 'error', message: 'An account with this email address exists already: sign in with it.' };
  }
}
