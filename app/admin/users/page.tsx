// User administration, for admins only. The layout lets any signed-in user in; listUsers refuses
// editors, and they get a plain "no permission" page instead of the list.
import type { Metadata } from 'next';
import Link from 'next/link';
import {
  changeUserRoleAction,
  createUserAction,
  resetUserPasswordAction,
  setUserDisabledAction,
  signOutEverywhereAction,
} from './actions';
import { UserCreateForm } from '@/components/admin/user-create-form';
import { UserManage, type UserManageActions } from '@/components/admin/user-manage';
import { NoPermission } from '@/components/admin/no-permission';
import { listUsers } from '@/db/users';
import { readIfAllowed } from '@/lib/server/admin-read';
import { TableScroll } from '@/components/table-scroll';
import { ColumnHeadings } from '@/components/column-headings';

export const metadata: Metadata = { title: 'Users' };

const roleLabels = { admin: 'Admin', editor: 'Editor', employer: 'Employer member' } as const;

const manageActions: UserManageActions = {
  changeRole: changeUserRoleAction,
  setDisabled: setUserDisabledAction,
  resetPassword: resetUserPasswordAction,
  signOutEverywhere: signOutEverywhereAction,
};

export default async function AdminUsersPage() {
  const users = await readIfAllowed('/admin/users', listUsers);
  if (!users) {
    return (
      <NoPermission>
        <p>Only admins can manage users. Ask an admin if you need an account changed.</p>
        <p>
          <Link href="/admin">Back to roles</Link>
        </p>
      </NoPermission>
    );
  }

  return (
    <div className="stack">
      <h1>Users</h1>
      <TableScroll label="Everyone who can sign in to the admin area">
        <table className="data-table user-table">
          <caption className="visually-hidden">Everyone who can sign in to the admin area</caption>
          <ColumnHeadings columns={['Name', 'Email', 'Role', 'Status']} />
          <tbody>
            {users.map((user) => (
              <tr key={user.id}>
                <th scope="row">
                  <a href={`#user-${user.id}`}>{user.name}</a>
                  {user.isCurrentUser && ' (you)'}
                </th>
                <td>{user.email}</td>
                <td>{roleLabels[user.role]}</td>
                <td>
                  <span className={`badge ${user.disabled ? 'badge--disabled' : ''}`}>{user.disabled ? 'Disabled' : 'Enabled'}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>

      <section aria-labelledby="create-user-heading">
        <h2 id="create-user-heading">Create user</h2>
        <UserCreateForm action={createUserAction} />
      </section>

      <section aria-labelledby="manage-users-heading" className="stack">
        <h2 id="manage-users-heading">Manage users</h2>
        {users.map((user) => (
          <section key={user.id} id={`user-${user.id}`} aria-labelledby={`user-${user.id}-heading`} className="user-card">
            <h3 id={`user-${user.id}-heading`}>
              {user.name} <span className="user-card__email">{user.email}</span>
            </h3>
            <p className="hint">
              {roleLabels[user.role]}, {user.disabled ? 'disabled' : 'enabled'}
            </p>
            <UserManage user={user} actions={manageActions} />
          </section>
        ))}
      </section>
    </div>
  );
}
