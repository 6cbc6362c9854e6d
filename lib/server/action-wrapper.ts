// The one way to write an admin Server Action (bound to the session's cookie and Next's redirect
// in lib/server/authenticated-action.ts, to given claims in tests): it loads the session, checks the
// session row, user and role against the database, validates the form with the action's schema,
// and only then calls the handler with the parsed input. The handler's DAL calls check the claims
// again; this wrapper is what no action can forget. While the database is away, the form comes back with everything
// typed and says so; fields named in `redact` (passwords) never go back to the browser at all.
import 'server-only';
import { z } from 'zod';
import { ACTION_FIELD_PREFIX } from '@/lib/framework-contract.mjs';
import { getActorNow, roleAllows, type Actor } from '@/db/access';
import type { UserRole } from '@/lib/domain/enums';
import { isDatabaseUnavailable } from '@/db/availability';
import { CORRECT_FIELDS_MESSAGE, databaseUnavailableMessages, fieldErrorsOf, UNREADABLE_FORM_MESSAGE } from '@/lib/domain/errors';
import type { FormState } from '@/lib/form-state';

/** FormData → plain object; repeated names become arrays, so list fields survive. */
export function formDataToObject(formData: FormData) {
  // No prototype, so a field named "__proto__" or "constructor" is just a field.
  const result: Record<string, string | string[]> = Object.create(null);
  for (const [key, value] of formData.entries()) {
    if (key.startsWith(ACTION_FIELD_PREFIX) || typeof value !== 'string') continue;
    const existing = result[key];
    result[key] = existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return result;
}

/**
 * For actions whose data function reads and checks every field itself (its schemas transform what
 * forms send): the wrapper only asks for a form.
 */
export const formFields = z.record(z.string(), z.unknown());

type Context<Values> = {
  actor: Actor;
  claims: unknown;
  /** What was typed, as the form shows it again (see `valuesOf`). */
  values: Values;
};

/** The state without the redacted fields' values. */
/**
 * The state as the form gets it back: its values as a plain object (forms are read into objects
 * without a prototype, which React will not pass to a client component), less the secret fields.
 */
function redacted<Values, Detail>(state: FormState<Values, Detail>, fields: readonly string[] | undefined): FormState<Values, Detail> {
  if (typeof state.values !== 'object' || state.values === null) return state;
  const values = Object.fromEntries(Object.entries(state.values).filter(([key]) => !fields?.includes(key)));
  return { ...state, values: values as Values };
}

/** The action wrapper, reading the session's claims with `getClaims`; `signedOut` sends a visitor without a session to sign in. */
export function actionWrapper({ getClaims, signedOut }: { getClaims: () => Promise<unknown>; signedOut: () => never }) {
  return function authenticatedAction<Schema extends z.ZodType, Values = Record<string, unknown>, Detail = never, Raw = ReturnType<typeof formDataToObject>>(
    options: {
      role: UserRole;
      schema: Schema;
      /** FormData as the schema's input: by default every field, repeated names as arrays. */
      toInput?: (formData: FormData) => Raw;
      /** What the form shows again: by default the input itself. */
      valuesOf?: (input: Raw) => Values;
      /** Fields whose values are never sent back, whatever the outcome (passwords). */
      redact?: readonly string[];
    },
    handler: (input: z.output<Schema>, context: Context<Values>) => Promise<FormState<Values, Detail>>,
  ) {
    return async (_previous: FormState<Values, Detail>, formData: FormData): Promise<FormState<Values, Detail>> => {
      if (!(formData instanceof FormData)) return { status: 'error', message: UNREADABLE_FORM_MESSAGE };
      const raw = options.toInput ? options.toInput(formData) : (formDataToObject(formData) as Raw);
      const values = options.valuesOf ? options.valuesOf(raw) : (raw as unknown as Values);
      return redacted(await answer(raw, values), options.redact);
    };

    async function answer(raw: Raw, values: Values): Promise<FormState<Values, Detail>> {
      try {
        const claims = await getClaims();
        const actor = await getActorNow(claims);
        if (!actor) return signedOut();
        if (!roleAllows(actor.role, options.role)) {
          return { status: 'error', message: options.role === 'admin' ? 'Only admins can do that.' : 'You do not have permission to do that.' };
        }
        const parsed = options.schema.safeParse(raw);
        if (!parsed.success) {
          return { status: 'error', message: CORRECT_FIELDS_MESSAGE, fieldErrors: fieldErrorsOf(parsed.error), values };
        }
        return await handler(parsed.data, { actor, claims, values });
      } catch (error) {
        // Anything else (a redirect included) goes on as thrown.
        if (!isDatabaseUnavailable(error)) throw error;
        return { status: 'error', message: databaseUnavailableMessages.form, values };
      }
    }
  };
}
