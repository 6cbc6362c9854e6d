'use server';
// User administration. Each action goes through authenticatedAction (session, admin role, session
// version) and hands the claims to db/users.ts, which checks them again.
import { refresh } from 'next/cache';
import { changeUserRole, createUser, resetUserPassword, setUserDisabled, signOutEverywhere, type UserMutationResult } from '@/db/users';
import { authenticatedAction } from '@/lib/server/authenticated-action';
import { rejectedState, type FormState } from '@/lib/form-state';
import {
  newUserSchema,
  userDisabledChangeSchema,
  userPasswordResetSchema,
  userReferenceSchema,
  userRoleChangeSchema,
} from '@/lib/user-schemas';

/** The DAL's answer as the form's state; a successful change also re-renders the page. */
function resultState(result: UserMutationResult, savedMessage: (name: string) => string, values?: Record<string, unknown>): FormState {
  switch (result.status) {
    case 'saved':
      refresh();
      return { status: 'saved', message: result.changed ? savedMessage(result.user.name) : 'Nothing to change.' };
    case 'invalid':
    case 'refused':
      return rejectedState(result, values);
    case 'not-found':
      refresh();
      return { status: 'error', message: 'This user no longer exists.' };
  }
}

/** Passwords typed into a form are never sent back to the browser, not even after a validation error. */
const redact = ['password'];

export const createUserAction = authenticatedAction({ role: 'admin', schema: newUserSchema, redact }, async (input, { claims, values }) =>
  resultState(await createUser(claims, input), (name) => `Created ${name}. They can sign in now.`, values),
);

export const changeUserRoleAction = authenticatedAction({ role: 'admin', schema: userRoleChangeSchema }, async (input, { claims }) =>
  resultState(await changeUserRole(claims, input), (name) => `${name} is now ${input.role === 'admin' ? 'an admin' : 'an editor'}.`),
);

export const setUserDisabledAction = authenticatedAction({ role: 'admin', schema: userDisabledChangeSchema }, async (input, { claims }) =>
  resultState(await setUserDisabled(claims, input), (name) =>
    input.disabled ? `${name} is disabled and signed out everywhere.` : `${name} is enabled and can sign in again.`,
  ),
);

export const resetUserPasswordAction = authenticatedAction({ role: 'admin', schema: userPasswordResetSchema, redact }, async (input, { claims }) =>
  resultState(await resetUserPassword(claims, input), (name) => `New password set for ${name}; their sessions have ended.`),
);

export const signOutEverywhereAction = authenticatedAction({ role: 'admin', schema: userReferenceSchema }, async (input, { claims }) =>
  resultState(await signOutEverywhere(claims, input), (name) => `${name} is signed out everywhere.`),
);
