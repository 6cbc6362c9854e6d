// What the data layer refuses, as typed codes (`entity:reason`), and the one place that says what
// each means to a person: its message and the form field it belongs to, if any. The DAL returns
// codes and never words; Server Actions turn them into field errors or a message through this
// table. (The API only reads, so no refusal reaches it.) Client-safe: forms may import the types.

/** Input errors keyed by their dotted path in the input ("content.slug", "content.howToBecomeSteps.2.heading"). */
export type FieldErrors = Record<string, string[] | undefined>;

export const domainErrors = {
  'role:slug_taken': { message: 'This slug is already used by another role', field: 'content.slug' },
  'role:unknown_category': { message: 'Choose one of the listed categories', field: 'content.categorySlug' },
  'user:email_taken': { message: 'A user with this email already exists', field: 'email' },
  'user:self_disable': { message: 'You cannot disable your own account. Ask another admin to do it.' },
  'user:self_demote': { message: 'You cannot remove your own admin role. Ask another admin to do it.' },
  'user:last_admin': { message: 'This is the last enabled admin. Make someone else an admin first.' },
  'employer:name_taken': { message: 'An employer with this name already exists', field: 'name' },
  'employer:email_domain': { message: 'This employer’s members are invited at its verified domain only', field: 'email' },
  'employer:disabled': { message: 'This employer is disabled: enable it first.' },
  'posting:duplicate': { message: 'You posted this job at this place in the last 30 days: edit or renew that posting instead.' },
  'posting:daily_limit': { message: 'Your organisation has reached today’s limit of new postings. Try again tomorrow, or ask an editor.' },
  'posting:needs_occupation': { message: 'Choose the occupation before publishing', field: 'roleSlug' },
  'posting:unknown_occupation': { message: 'Choose one of the listed occupations', field: 'roleSlug' },
  'posting:taken_down': { message: 'An editor took this posting down: it cannot be changed or published again.' },
  'posting:not_open': { message: 'Only a published posting can be closed.' },
  'user:employer_member': { message: 'This user is a member of an employer: their role stays employer. Invite another address to make an admin or editor.' },
} as const satisfies Record<string, { message: string; field?: string }>;

export type DomainErrorCode = keyof typeof domainErrors;

/**
 * What an action or the HTTP front says when a request is not a form this site sends: only a
 * request made up by hand does that (the action endpoint takes any arguments a client encodes),
 * and nothing is read or written for it.
 */
export const UNREADABLE_FORM_MESSAGE = 'What this form sent could not be read, so nothing was done. Reload the page and try again.';

/** Above a form whose fields have errors: the errors themselves are shown under the fields. */
export const CORRECT_FIELDS_MESSAGE = 'Please correct the highlighted fields.';

/**
 * What each kind of request is told while the database is away (db/availability.ts): the same
 * cause, and what it means for that request.
 */
export const databaseUnavailableMessages = {
  form: 'Roleboard cannot reach its database right now, so nothing was saved. Everything you typed is still here: try again in a minute.',
  page: 'Roleboard cannot reach its database right now, so this page cannot be shown. Nothing is lost.',
  api: 'Roleboard cannot reach its database right now. Please try again shortly.',
} as const;

/** A refusal of the data layer: the change was not made, for these reasons. */
export type Refused<Code extends DomainErrorCode> = { status: 'refused'; codes: Code[] };

/**
 * A refusal as a form shows it: each code's message under its field, and above the form the
 * message of the first code that belongs to no field (or, when all do, a request to correct them).
 */
export function refusalFeedback(codes: readonly DomainErrorCode[]): { message: string; fieldErrors?: FieldErrors } {
  const fieldErrors: FieldErrors = {};
  let message: string | undefined;
  for (const code of codes) {
    const error: { message: string; field?: string } = domainErrors[code];
    if (error.field) (fieldErrors[error.field] ??= []).push(error.message);
    else message ??= error.message;
  }
  return {
    message: message ?? CORRECT_FIELDS_MESSAGE,
    ...(Object.keys(fieldErrors).length > 0 ? { fieldErrors } : {}),
  };
}

/** zod issues (a ZodError; the domain does not load zod) keyed by their dotted path: the one way input errors are built, by forms, actions and the DAL. */
export function fieldErrorsOf(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.join('.') || 'form';
    (errors[key] ??= []).push(issue.message);
  }
  return errors;
}
