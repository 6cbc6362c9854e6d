'use client';
// What the admin and employer forms share: a field's wiring to the form's state (what was
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
 * A field's wiring: the input's attributes (its id and name, the value it starts with, aria-invalid
 * and aria-describedby), the hint and the error, each with the id the input points at.
 */
export function fieldWiring({ id, name, value, hint, error }: { id: string; name: string; value: string | undefined; hint?: React.ReactNode; error?: string }) {
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
      name,
      defaultValue: value,
      'aria-invalid': error ? (true as const) : undefined,
      'aria-describedby': [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined,
    },
  };
}

type FieldWiring = ReturnType<typeof fieldWiring>;

/**
 * `field(name, hint?)` wires a field of a form whose state is a FormState: its id is
 * `${prefix}-${name}`, it starts with what was typed after an error, and its error is the state's.
 */
export function useField(state: AnyFormState, prefix: string) {
  const typed = state.status === 'error' ? (state.values ?? {}) : {};
  return (field: string, hint?: string) =>
    fieldWiring({ id: `${prefix}-${field}`, name: field, value: typeof typed[field] === 'string' ? typed[field] : undefined, hint, error: state.fieldErrors?.[field]?.[0] });
}

/** A field's box: its label, the control (given `field.input`), then its hint and its error. `className` is the box's, beside `field`. */
export function Field({ field, label, className, children }: { field: FieldWiring; label: React.ReactNode; className?: string; children: React.ReactNode }) {
  return (
    <div className={className ? `field ${className}` : 'field'}>
      <label htmlFor={field.input.id}>{label}</label>
      {children}
      {field.hint}
      {field.error}
    </div>
  );
}

type BoxedControl = { field: FieldWiring; label: React.ReactNode; boxClassName?: string };

/** A field whose control is an input: the input takes `input` (its type, autocomplete…) and the field's wiring. */
export function InputField({ field, label, boxClassName, ...input }: BoxedControl & React.InputHTMLAttributes<HTMLInputElement>) {
  return (
    <Field field={field} label={label} className={boxClassName}>
      <input {...input} {...field.input} />
    </Field>
  );
}

/** A field whose control is a textarea, likewise. */
export function TextareaField({ field, label, boxClassName, ...textarea }: BoxedControl & React.TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return (
    <Field field={field} label={label} className={boxClassName}>
      <textarea {...textarea} {...field.input} />
    </Field>
  );
}
