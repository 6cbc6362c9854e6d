'use client';
// What the small admin and employer forms share: a field's wiring to the form's state (what was
// typed, its error, its hint, and the aria attributes that tie them together), the field's box
// around its label and control, and the outcome a form shows after its action.
import type { FormState } from '@/lib/form-state';

type AnyFormState = FormState<Record<string, unknown>, unknown>;

/**
 * The outcome above or below a form: a status when it saved, an alert otherwise. `notice` is the
 * boxed message of a page's main forms; `inline` the plain line of a form among many (user-manage).
 */
export function FormOutcome({ state, look = 'notice' }: { state: AnyFormState; look?: 'notice' | 'inline' }) {
  if (!state.message) return null;
  const saved = state.status === 'saved';
  const className = look === 'notice' ? (saved ? 'notice notice--success' : 'notice notice--error') : saved ? 'user-manage__outcome' : 'user-manage__outcome field-error';
  return (
    <p className={className} role={saved ? 'status' : 'alert'}>
      {state.message}
    </p>
  );
}

/**
 * `field(name, hint?)` gives the input's attributes (id `${prefix}-${name}`, what was typed after an
 * error, aria-invalid and aria-describedby), the hint and the error, each with the id the input
 * points at.
 */
export function useField(state: AnyFormState, prefix: string) {
  const typed = state.status === 'error' ? (state.values ?? {}) : {};
  return (field: string, hint?: string) => {
    const id = `${prefix}-${field}`;
    const error = state.fieldErrors?.[field]?.[0];
    return {
      error: error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null,
      hint: hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null,
      input: {
        id,
        name: field,
        defaultValue: typeof typed[field] === 'string' ? typed[field] : undefined,
        'aria-invalid': error ? (true as const) : undefined,
        'aria-describedby': [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined,
      },
    };
  };
}

type FieldWiring = ReturnType<ReturnType<typeof useField>>;

/** A field's box: its label, the control (given `field.input`), then its hint and its error. */
export function Field({ field, label, children }: { field: FieldWiring; label: React.ReactNode; children: React.ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={field.input.id}>{label}</label>
      {children}
      {field.hint}
      {field.error}
    </div>
  );
}

/** A field whose control is an input: the input takes `input` (its type, autocomplete…) and the field's wiring. */
export function InputField({ field, label, ...input }: { field: FieldWiring; label: React.ReactNode } & React.InputHTMLAttributes<HTMLInputElement>) {
  return (
    <Field field={field} label={label}>
      <input {...input} {...field.input} />
    </Field>
  );
}
