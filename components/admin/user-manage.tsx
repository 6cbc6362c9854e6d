'use client';
// Everything an admin can do to one user, as small independent forms, each showing its own
// outcome: change role, disable/enable, reset password, sign out everywhere. Without JavaScript
// each form posts and the page comes back with the outcome in place.
import { useActionState } from 'react';
// Type-only: lib/server/authenticated-action.ts is server code and must not enter the client bundle.
import type { UserRole } from '@/lib/domain/enums';
import { idleState, type FormAction } from '@/lib/form-state';
import { FormOutcome, InputField, useField } from './form-fields';
import { SubmitButton } from './submit-button';

export type UserManageActions = {
  changeRole: FormAction;
  setDisabled: FormAction;
  resetPassword: FormAction;
  signOutEverywhere: FormAction;
};

type ManagedUser = { id: number; name: string; role: UserRole; disabled: boolean; isCurrentUser: boolean };

/** The frame of a user's one-step forms: it names the user, and shows its outcome inline after its button. */
function UserForm({ user, action, children }: { user: ManagedUser; action: FormAction; children: React.ReactNode }) {
  const [state, formAction] = useActionState(action, idleState);
  return (
    <form action={formAction} className="user-manage__form">
      <input type="hidden" name="userId" value={user.id} />
      {children}
      <FormOutcome state={state} look="inline" />
    </form>
  );
}

function RoleForm({ user, action }: { user: ManagedUser; action: FormAction }) {
  const id = `user-${user.id}-role`;
  return (
    <UserForm user={user} action={action}>
      <div className="field">
        <label htmlFor={id}>Role</label>
        <select id={id} name="role" defaultValue={user.role}>
          <option value="editor">Editor</option>
          <option value="admin">Admin</option>
        </select>
      </div>
      <SubmitButton pendingLabel="Changing…" className="button--secondary">
        Change role
      </SubmitButton>
    </UserForm>
  );
}

function StatusForm({ user, action }: { user: ManagedUser; action: FormAction }) {
  return (
    <UserForm user={user} action={action}>
      <input type="hidden" name="disabled" value={user.disabled ? 'false' : 'true'} />
      <SubmitButton pendingLabel={user.disabled ? 'Enabling…' : 'Disabling…'} className={user.disabled ? 'button--secondary' : 'button--danger'}>
        {user.disabled ? 'Enable user' : 'Disable user'}
      </SubmitButton>
    </UserForm>
  );
}

function PasswordForm({ user, action }: { user: ManagedUser; action: FormAction }) {
  const [state, formAction] = useActionState(action, idleState);
  const password = useField(state, `user-${user.id}`)('password', 'Ends all of their sessions.');
  return (
    <form action={formAction} className="user-manage__form" noValidate>
      <input type="hidden" name="userId" value={user.id} />
      <InputField field={password} label="New password" type="password" autoComplete="new-password" />
      <SubmitButton pendingLabel="Resetting…" className="button--secondary">
        Reset password
      </SubmitButton>
      {!password.error && <FormOutcome state={state} look="inline" />}
    </form>
  );
}

function SignOutForm({ user, action }: { user: ManagedUser; action: FormAction }) {
  return (
    <UserForm user={user} action={action}>
      <SubmitButton pendingLabel="Signing out…" className="button--secondary">
        Sign out everywhere
      </SubmitButton>
    </UserForm>
  );
}

export function UserManage({ user, actions }: { user: ManagedUser; actions: UserManageActions }) {
  return (
    <div className="user-manage">
      {user.isCurrentUser ? (
        <p className="hint">This is you: another admin must change your role or disable your account.</p>
      ) : (
        <>
          <RoleForm user={user} action={actions.changeRole} />
          <StatusForm user={user} action={actions.setDisabled} />
        </>
      )}
      <PasswordForm user={user} action={actions.resetPassword} />
      <SignOutForm user={user} action={actions.signOutEverywhere} />
    </div>
  );
}
