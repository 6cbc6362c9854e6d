// What every admin form's Server Action returns. Client-safe: the forms import it, while the
// server-only action wrapper (lib/authenticated-action.ts) produces it.
import type { z } from 'zod';

/** zod issues keyed by their dotted path ("steps.2.heading"), for errors next to nested fields. */
export type FieldErrors = Record<string, string[] | undefined>;

/** `values` echoes what was typed, so nothing is lost on an error. */
export type FormState = {
  status: 'idle' | 'saved' | 'error' | 'conflict';
  message?: string;
  fieldErrors?: FieldErrors;
  values?: Record<string, unknown>;
  /** Extra data for the form, e.g. the other editor's values after a conflict. */
  detail?: Record<string, unknown>;
};

export type FormAction = (state: FormState, formData: FormData) => Promise<FormState>;

export const idleState: FormState = { status: 'idle' };

/** zod issues keyed by their dotted path ("steps.2.heading"), for errors next to nested fields. */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.join('.') || 'form';
    (errors[key] ??= []).push(issue.message);
  }
  return errors;
}
