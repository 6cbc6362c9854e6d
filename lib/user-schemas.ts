// What a user account may be: one zod schema per change, shared by the admin's Server Actions,
// the user DAL (db/users.ts, which checks again) and `npm run user:create`.
import { z } from 'zod';
import { userRoles } from '@/lib/domain/enums';
import { passwordSchema } from './password-policy';
import { nameText, plainText } from './text-rules';

const userIdSchema = z.coerce.number({ error: 'Reload the page and try again.' }).int().positive();
/** The roles an admin gives here; an employer's member joins by invitation only (db/employers.ts). */
const staffRoles = userRoles.filter((role): role is 'admin' | 'editor' => role !== 'employer');
const roleSchema = z.enum(staffRoles, { error: 'Choose admin or editor' });

export const newUserSchema = z.object({
  email: plainText({ max: 320, required: 'an email address' }).pipe(z.email('Enter an email address, like name@example.com')),
  name: nameText({ max: 100, required: 'a name' }),
  role: roleSchema,
  password: passwordSchema,
});
export type NewUserInput = z.input<typeof newUserSchema>;

export const userRoleChangeSchema = z.object({ userId: userIdSchema, role: roleSchema });

export const userDisabledChangeSchema = z.object({
  userId: userIdSchema,
  // Forms send "true"/"false"; other callers pass a boolean.
  disabled: z.preprocess((value) => (value === 'true' ? true : value === 'false' ? false : value), z.boolean()),
});

export const userPasswordResetSchema = z.object({ userId: userIdSchema, password: passwordSchema });

export const userReferenceSchema = z.object({ userId: userIdSchema });
