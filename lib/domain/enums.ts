// The fixed lists of values the app knows, each written once. db/schema.ts hands them to pgEnum, so
// the database's enum types are these lists; zod schemas, forms and the API read them from here.
// Changing a list here changes the schema: run `npm run db:generate` for its migration.

export const roleStatuses = ['published', 'archived'] as const;
export type RoleStatus = (typeof roleStatuses)[number];

/** Admins and editors keep the catalogue; an employer's member keeps that employer's postings only. */
export const userRoles = ['admin', 'editor', 'employer'] as const;
export type UserRole = (typeof userRoles)[number];

/** Openings now (the seed page's "1 job opening"), or BLS's projected average openings a year. */
export const jobOpeningsBases = ['current', 'projected-per-year'] as const;
export type JobOpeningsBasis = (typeof jobOpeningsBases)[number];

export const loginAttemptOutcomes = ['pending', 'succeeded', 'failed'] as const;

/** How a posting's pay was published; its yearly equivalent follows lib/jobs/pay.ts's rule. */
export const payPeriods = ['year', 'month', 'week', 'day', 'hour'] as const;
export type PayPeriod = (typeof payPeriods)[number];

export const employmentTypes = ['full-time', 'part-time', 'contract', 'temporary', 'internship', 'other', 'not-stated'] as const;
export type EmploymentType = (typeof employmentTypes)[number];

/** The education a posting asks for; `not-stated` is never counted as "no degree". */
export const educationAskedLevels = ['none', 'high-school', 'associate', 'bachelor', 'master', 'doctoral', 'not-stated'] as const;
export type EducationAsked = (typeof educationAskedLevels)[number];

/** How a posting got its occupation: the title classifier, an editor (which sticks across re-imports), or not yet (waits for an editor). */
export const postingPlacements = ['classifier', 'editor', 'unplaced'] as const;

/**
 * Where an employer's posting is: a draft only its employer sees; pending (an editor reviews a new
 * employer's first postings); published (in job_postings, as a posting of the source `roleboard`);
 * closed by its employer; taken down by an editor, with a reason the employer sees.
 */
export const employerPostingStatuses = ['draft', 'pending', 'published', 'closed', 'taken-down'] as const;
