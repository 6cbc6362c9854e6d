// The one way to write an admin Server Action: it loads the session, checks the session row, user
// and role against the database, validates the form with zod, and only then calls the
// handler. The handler's DAL calls check the claims again; this wrapper is what no action can forget.
// While the database is away, the form comes back with everything typed and says so.
import 'server-only';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getActor, type Actor, type UserRole } from '@/db/access';
import { isDatabaseUnavailable } from '@/db/availability';
import { getSessionClaims } from './auth';
import { fieldErrorsOf, type FormState } from './form-state';

/** FormData → plain object; repeated names become arrays, so list fields survive. */
export function formDataToObject(formData: FormData) {
  // No prototype, so a field named "__proto__" or "constructor" is just a field.
  const result: Record<string, string | string[]> = Object.create(null);
  for (const [key, value] of formData.entries()) {
    if (key.startsWith('$ACTION') || typeof value !== 'string') continue;
    const existing = result[key];
    result[key] = existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return result;
}

type Context = { actor: Actor; claims: unknown };

export const DATABASE_UNAVAILABLE_MESSAGE =
  'Roleboard cannot reach its database right now, so nothing was saved. Everything you typed is still here: try again in a minute.';

export function authenticatedAction<Schema extends z.ZodType>(
  options: {
    role: UserRole;
    schema: Schema;
    toInput?: (formData: FormData) => unknown;
    /** What the form shows again after an error the wrapper answers; by default the input itself. */
    valuesOf?: (input: unknown) => FormState['values'];
  },
  handler: (input: z.output<Schema>, context: Context) => Promise<FormState>,
) {
  return async (_previous: FormState, formData: FormData): Promise<FormState> => {
    const raw = options.toInput ? options.toInput(formData) : formDataToObject(formData);
    const values = options.valuesOf ? options.valuesOf(raw) : (raw as Record<string, unknown>);
    try {
      const claims = await getSessionClaims();
      const actor = await getActor(claims);
      if (!actor) redirect('/login');
      if (options.role === 'admin' && actor.role !== 'admin') {
        return { status: 'error', message: 'Only admins can do that.' };
      }
      const parsed = options.schema.safeParse(raw);
      if (!parsed.success) {
        return { status: 'error', message: 'Please correct the highlighted fields.', fieldErrors: fieldErrorsOf(parsed.error), values };
      }
      return await handler(parsed.data, { actor, claims });
    } catch (error) {
      // Anything else (a redirect included) goes on as thrown.
      if (!isDatabaseUnavailable(error)) throw error;
      return { status: 'error', message: DATABASE_UNAVAILABLE_MESSAGE, values };
    }
  };
}
