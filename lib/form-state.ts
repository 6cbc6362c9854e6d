// What every admin form's Server Action returns, typed per form. Client-safe: the forms import it,
// while the server-only action wrapper (lib/server/authenticated-action.ts) produces it.
import { CORRECT_FIELDS_MESSAGE, refusalFeedback, type DomainErrorCode, type FieldErrors } from '@/lib/domain/errors';

export type { FieldErrors };

/**
 * `values` echoes what was typed, so nothing is lost on an error (secrets excepted: the wrapper
 * redacts them); `detail` is what a form needs beyond that, e.g. the other editor's values after a conflict.
 */
export type FormState<Values = Record<string, unknown>, Detail = never> = {
  status: 'idle' | 'saved' | 'error' | 'conflict';
  message?: string;
  fieldErrors?: FieldErrors;
  values?: Values;
  detail?: Detail;
};

export type FormAction<Values = Record<string, unknown>, Detail = never> = (
  state: FormState<Values, Detail>,
  formData: FormData,
) => Promise<FormState<Values, Detail>>;

export const idleState: FormState<never, never> = { status: 'idle' };

/**
 * The data layer's two answers to input it will not take, as a form shows them with what was
 * typed: `invalid`, the input's own errors (zod's, under their fields); `refused`, its refusal
 * codes (lib/domain/errors.ts says where each goes and what it says).
 */
export function rejectedState<Values>(
  result: { status: 'invalid'; fieldErrors: FieldErrors } | { status: 'refused'; codes: readonly DomainErrorCode[] },
  values?: Values,
): FormState<Values, never> {
  if (result.status === 'invalid') return { status: 'error', message: CORRECT_FIELDS_MESSAGE, fieldErrors: result.fieldErrors, values };
  return { status: 'error', ...refusalFeedback(result.codes), values };
}
