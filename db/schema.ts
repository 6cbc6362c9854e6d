// Tables, constraints and indexes. The database enforces every rule the forms and API check,
// so a bug elsewhere can never store an impossible role.
import { sql, type InferSelectModel } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  check,
  customType,
  date,
  index,
  integer,
  json,
  jsonb,
  numeric,
  pgEnum,
  pgTable,
  primaryKey,
  serial,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  boolean,
  char,
  real,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import {
  educationAskedLevels,
  employerPostingStatuses,
  employmentTypes,
  jobOpeningsBases,
  loginAttemptOutcomes,
  payPeriods,
  postingPlacements,
  roleStatuses,
  userRoles,
} from '@/lib/domain/enums';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });
const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

export const roleStatus = pgEnum('role_status', roleStatuses);
export const userRole = pgEnum('user_role', userRoles);
export const jobOpeningsBasis = pgEnum('job_openings_basis', jobOpeningsBases);

export const categories = pgTable('categories', {
  slug: text('slug').primaryKey(),
  name: text('name').notNull().unique(),
  /** The SOC major group it stands for, e.g. 15-0000; null for categories of our own. */
  socCode: text('soc_code').unique(),
});

export type HowToBecomeStep = { heading: string; body: string };

export const roles = pgTable(
  'roles',
  {
    id: serial('id').primaryKey(),
    slug: text('slug').notNull(),
    title: text('title').notNull(),
    categorySlug: text('category_slug')
      .notNull()
      .references(() => categories.slug, { onUpdate: 'cascade' }),
    /** SOC 2018 code (e.g. 15-1252) of a U.S. occupation; null for roles of our own. */
    socCode: text('soc_code'),
    /** Other names the role goes by: searched like the title, shown as "Also called". */
    alternativeTitles: text('alternative_titles').array().notNull().default(sql`'{}'::text[]`),
    summary: text('summary').notNull(),
    /** Prose with {averageSalary}-style placeholders filled from the current stats when rendered. */
    salaryTemplate: text('salary_template').notNull(),
    responsibilitiesIntro: text('responsibilities_intro').notNull(),
    responsibilities: jsonb('responsibilities').$type<string[]>().notNull(),
    responsibilitiesOutro: text('responsibilities_outro'),
    howToBecomeIntro: text('how_to_become_intro').notNull(),
    howToBecomeSteps: jsonb('how_to_become_steps').$type<HowToBecomeStep[]>().notNull(),
    howToBecomeOutro: text('how_to_become_outro'),
    /** Credit the text's source requires (O*NET's CC BY 4.0 attribution); null when none. */
    contentAttribution: text('content_attribution'),
    status: roleStatus('status').notNull().default('published'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    // roleboard_titles_text (an IMMUTABLE wrapper of array_to_string, created by migration 0006)
    // lets a generated column read the alternative titles.
    searchVector: tsvector('search_vector').generatedAlwaysAs(
      sql`setweight(to_tsvector('english', coalesce(title, '')), 'A') || setweight(to_tsvector('english', roleboard_titles_text(alternative_titles)), 'B') || setweight(to_tsvector('english', coalesce(summary, '')), 'C')`,
    ),
  },
  (table) => [
    uniqueIndex('roles_slug_unique').on(table.slug),
    check('roles_slug_format', sql`${table.slug} ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(${table.slug}) <= 100`),
    check('roles_title_length', sql`length(btrim(${table.title})) between 1 and 120`),
    check('roles_summary_length', sql`length(${table.summary}) <= 1000`),
    uniqueIndex('roles_soc_code_unique').on(table.socCode).where(sql`${table.socCode} is not null`),
    check('roles_soc_code_format', sql`${table.socCode} ~ '^[0-9]{2}-[0-9]{4}$'`),
    check('roles_alternative_titles_count', sql`cardinality(${table.alternativeTitles}) <= 200`),
    check('roles_version_positive', sql`${table.version} >= 1`),
    check('roles_responsibilities_array', sql`jsonb_typeof(${table.responsibilities}) = 'array'`),
    check('roles_steps_array', sql`jsonb_typeof(${table.howToBecomeSteps}) = 'array'`),
    index('roles_title_trgm_idx').using('gin', table.title.op('gin_trgm_ops')),
    // Search puts a title that is exactly the search text first.
    index('roles_title_lower_idx').on(sql`lower(${table.title})`),
    index('roles_status_title_idx').on(table.status, table.title, table.id),
    index('roles_status_category_title_idx').on(table.status, table.categorySlug, table.title, table.id),
  ],
);

/** Annual wage percentiles, all five or none; both stats tables and role_area_stats have them. */
function percentileColumns() {
  return {
    salaryP10: integer('salary_p10'),
    salaryP25: integer('salary_p25'),
    salaryMedian: integer('salary_median'),
    salaryP75: integer('salary_p75'),
    salaryP90: integer('salary_p90'),
    /** Percentiles that are BLS's top code: their column holds the code, and the real wage is at least that. */
    salaryTopCoded: text('salary_top_coded').array().notNull().default(sql`'{}'::text[]`),
  };
}

/**
 * Hourly wage percentiles (BLS OEWS H_PCT10 … H_PCT90), all five or none. BLS publishes them for
 * every occupation and only them for a few paid by the hour (actors, dancers, …), whose annual
 * columns are empty. Top-coded ones (BLS's `#`) hold the hourly top code, named in
 * `hourly_top_coded`, as the annual ones do.
 */
function hourlyColumns() {
  return {
    hourlyMean: numeric('hourly_mean', { precision: 7, scale: 2, mode: 'number' }),
    hourlyP10: numeric('hourly_p10', { precision: 7, scale: 2, mode: 'number' }),
    hourlyP25: numeric('hourly_p25', { precision: 7, scale: 2, mode: 'number' }),
    hourlyMedian: numeric('hourly_median', { precision: 7, scale: 2, mode: 'number' }),
    hourlyP75: numeric('hourly_p75', { precision: 7, scale: 2, mode: 'number' }),
    hourlyP90: numeric('hourly_p90', { precision: 7, scale: 2, mode: 'number' }),
    hourlyTopCoded: text('hourly_top_coded').array().notNull().default(sql`'{}'::text[]`),
  };
}

/**
 * Which figures an editor set by hand, and why: the field's name (as in role_stats, e.g.
 * `averageSalary`) → when, and the note or source the editor gave. A figure not named here comes
 * from the row's `source`.
 */
export type EditedFigures = Record<string, { editedAt: string; note: string }>;

type PercentileTableColumns = { [K in keyof ReturnType<typeof percentileColumns>]: AnyPgColumn };

/** The rules on percentileColumns(): all or none, in order, top-coded ones named; `name` prefixes the constraint names. */
function percentileChecks(name: string, table: PercentileTableColumns) {
  const percentiles = sql`num_nonnulls(${table.salaryP10}, ${table.salaryP25}, ${table.salaryMedian}, ${table.salaryP75}, ${table.salaryP90})`;
  return [
    check(
      `${name}_percentiles`,
      // num_nonnulls: a lone NULL would make a plain comparison chain unknown, which CHECK lets through.
      sql`${percentiles} = 0
       or (${percentiles} = 5
           and ${table.salaryP10} >= 0 and ${table.salaryP10} <= ${table.salaryP25} and ${table.salaryP25} <= ${table.salaryMedian}
           and ${table.salaryMedian} <= ${table.salaryP75} and ${table.salaryP75} <= ${table.salaryP90} and ${table.salaryP90} <= 100000000)`,
    ),
    check(
      `${name}_salary_top_coded`,
      sql`${table.salaryTopCoded} <@ array['p10', 'p25', 'median', 'p75', 'p90']::text[] and (cardinality(${table.salaryTopCoded}) = 0 or ${percentiles} = 5)`,
    ),
  ];
}

/**
 * A role's figures, as both stats tables store them: role_stats (the current ones) and
 * role_stats_history (every change). One definition, so the two cannot drift.
 */
function statsColumns() {
  return {
    /** People employed (BLS OEWS); null where not known. */
    employment: integer('employment'),
    jobOpenings: integer('job_openings').notNull(),
    jobOpeningsBasis: jobOpeningsBasis('job_openings_basis').notNull().default('current'),
    /** Annual mean wage; null where none is published (BLS has only hourly wages for a few occupations). */
    averageSalary: integer('average_salary'),
    currency: char('currency', { length: 3 }).notNull().default('USD'),
    /** Null where not known: it is never estimated. */
    degreeRequirementPercent: integer('degree_requirement_percent'),
    ...percentileColumns(),
    ...hourlyColumns(),
    /** Typical education needed for entry (BLS EP), as published. */
    entryEducation: text('entry_education'),
    outlookStartYear: smallint('outlook_start_year'),
    outlookEndYear: smallint('outlook_end_year'),
    outlookStartEmployment: integer('outlook_start_employment'),
    outlookEndEmployment: integer('outlook_end_employment'),
    /** BLS's published change, in percent with one decimal. */
    outlookChangePercent: numeric('outlook_change_percent', { precision: 6, scale: 1, mode: 'number' }),
    asOf: date('as_of', { mode: 'string' }).notNull(),
    source: text('source').notNull(),
    sourceUrl: text('source_url'),
    editedFigures: jsonb('edited_figures').$type<EditedFigures>().notNull().default(sql`'{}'::jsonb`),
  };
}

type StatsTableColumns = { [K in keyof ReturnType<typeof statsColumns>]: AnyPgColumn };

/** The rules both stats tables enforce; `name` prefixes the constraint names. */
function statsChecks(name: string, table: StatsTableColumns) {
  return [
    check(`${name}_job_openings`, sql`${table.jobOpenings} >= 0`),
    check(`${name}_employment`, sql`${table.employment} >= 0`),
    check(`${name}_average_salary`, sql`${table.averageSalary} between 0 and 100000000`),
    check(`${name}_currency`, sql`${table.currency} ~ '^[A-Z]{3}$'`),
    check(`${name}_degree_requirement`, sql`${table.degreeRequirementPercent} between 0 and 100`),
    ...percentileChecks(name, table),
    check(`${name}_entry_education`, sql`length(${table.entryEducation}) between 1 and 200`),
    check(
      `${name}_outlook`,
      sql`num_nonnulls(${table.outlookStartYear}, ${table.outlookEndYear}, ${table.outlookStartEmployment}, ${table.outlookEndEmployment}, ${table.outlookChangePercent}) = 0
       or (num_nonnulls(${table.outlookStartYear}, ${table.outlookEndYear}, ${table.outlookStartEmployment}, ${table.outlookEndEmployment}, ${table.outlookChangePercent}) = 5
           and ${table.outlookStartYear} < ${table.outlookEndYear} and ${table.outlookStartEmployment} >= 0 and ${table.outlookEndEmployment} >= 0)`,
    ),
    check(`${name}_source_url`, sql`${table.sourceUrl} ~ '^https?://' and length(${table.sourceUrl}) <= 500`),
    check(
      `${name}_hourly_percentiles`,
      sql`num_nonnulls(${table.hourlyP10}, ${table.hourlyP25}, ${table.hourlyMedian}, ${table.hourlyP75}, ${table.hourlyP90}) = 0
       or (num_nonnulls(${table.hourlyP10}, ${table.hourlyP25}, ${table.hourlyMedian}, ${table.hourlyP75}, ${table.hourlyP90}) = 5
           and ${table.hourlyP10} >= 0 and ${table.hourlyP10} <= ${table.hourlyP25} and ${table.hourlyP25} <= ${table.hourlyMedian}
           and ${table.hourlyMedian} <= ${table.hourlyP75} and ${table.hourlyP75} <= ${table.hourlyP90})`,
    ),
    check(`${name}_hourly_mean`, sql`${table.hourlyMean} >= 0`),
    check(
      `${name}_hourly_top_coded`,
      sql`${table.hourlyTopCoded} <@ array['p10', 'p25', 'median', 'p75', 'p90']::text[] and (cardinality(${table.hourlyTopCoded}) = 0 or ${table.hourlyP10} is not null)`,
    ),
    check(`${name}_edited_figures`, sql`jsonb_typeof(${table.editedFigures}) = 'object'`),
  ];
}

/** The current stats of a role, one row per role; every change is also kept in role_stats_history. */
export const roleStats = pgTable(
  'role_stats',
  {
    roleId: integer('role_id')
      .primaryKey()
      .references(() => roles.id, { onDelete: 'cascade' }),
    ...statsColumns(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: integer('updated_by').references(() => users.id),
  },
  (table) => [
    ...statsChecks('role_stats', table),
    index('role_stats_salary_idx').on(table.averageSalary, table.roleId),
    index('role_stats_degree_idx').on(table.degreeRequirementPercent),
  ],
);

/** The 50 states and the District of Columbia, as BLS publishes figures for them. */
export const areas = pgTable(
  'areas',
  {
    /** The two-digit state FIPS code, as in BLS's files and the map's shapes. */
    fips: char('fips', { length: 2 }).primaryKey(),
    postalCode: char('postal_code', { length: 2 }).notNull().unique(),
    name: text('name').notNull().unique(),
    slug: text('slug').notNull().unique(),
  },
  (table) => [
    check('areas_fips_format', sql`${table.fips} ~ '^[0-9]{2}$'`),
    check('areas_postal_code_format', sql`${table.postalCode} ~ '^[A-Z]{2}$'`),
    check('areas_slug_format', sql`${table.slug} ~ '^[a-z]+(-[a-z]+)*$'`),
  ],
);


/**
 * What search filters and sorts published roles by, one narrow row per published role (a third of
 * a `roles` row, and no join): a broad word's 10,000 matches are counted and ranked from here.
 * Kept by triggers on roles and role_stats (migration 0011), so every write path keeps it.
 */
export const roleSearch = pgTable(
  'role_search',
  {
    roleId: integer('role_id')
      .primaryKey()
      .references(() => roles.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    categorySlug: text('category_slug').notNull(),
    searchVector: tsvector('search_vector').notNull(),
    averageSalary: integer('average_salary'),
    jobOpenings: integer('job_openings').notNull(),
    degreeRequirementPercent: integer('degree_requirement_percent'),
    /** lib/education.ts's rank of role_stats.entry_education (0 no formal credential … 7 doctoral); null where unknown. */
    educationRank: smallint('education_rank'),
    /**
     * The title and the other names (roles.alternative_titles) as name keys, roleboard_name_key
     * (migration 0015): their words' stems, sorted, so that "Data Scientist", "data scientists" and
     * "Scientists, Data" are one key. A search whose key is one of them names the role.
     */
    titleKey: text('title_key').notNull().default(''),
    otherNameKeys: text('other_name_keys').array().notNull().default(sql`'{}'::text[]`),
  },
  (table) => [
    index('role_search_vector_idx').using('gin', table.searchVector),
    index('role_search_title_idx').on(table.title, table.roleId),
    index('role_search_category_title_idx').on(table.categorySlug, table.title, table.roleId),
    // The listing's salary sort keys (db/role-reads.ts): roles without a salary last, in both directions.
    index('role_search_salary_desc_key_idx').on(sql`coalesce(${table.averageSalary}, -1)`, table.roleId),
    index('role_search_salary_asc_key_idx').on(sql`coalesce(${table.averageSalary}, 2147483647)`, table.roleId),
    index('role_search_openings_idx').on(table.jobOpenings, table.roleId),
    index('role_search_degree_idx').on(table.degreeRequirementPercent),
    // "Best-paid jobs at or below an education level": the salary key within each rank.
    index('role_search_education_salary_idx').on(table.educationRank, sql`coalesce(${table.averageSalary}, -1)`, table.roleId),
    // The listing's education sort keys (db/role-search.ts, sortPlan), each way: unknown levels last,
    // the best-paid first within a level.
    index('role_search_education_asc_key_idx').on(sql`coalesce(${table.educationRank}, 8)`, sql`(-coalesce(${table.averageSalary}, -1))`, table.roleId),
    index('role_search_education_desc_key_idx').on(sql`coalesce(${table.educationRank}, -1)`, sql`coalesce(${table.averageSalary}, -1)`, table.roleId),
  ],
);

/**
 * Every word of a published role's names (title and other names), lower case, letters only, stop
 * words left out: what search text spelt wrong is corrected to (db/role-search.ts, migration 0024's
 * roleboard_correct_words), found by trigrams in a few thousand words rather than in every
 * role's names. Added to by roleboard_refresh_role_search; never pruned, as a word no role has any
 * more only finds nothing.
 */
export const roleNameWords = pgTable(
  'role_name_words',
  { word: text('word').primaryKey() },
  (table) => [index('role_name_words_trgm_idx').using('gin', table.word.op('gin_trgm_ops'))],
);
/**
 * A role's figures in one state (BLS OEWS state estimates), read-only: loaded by the import.
 * BLS's markers are kept as they mean: `**` (employment not available) is a null employment,
 * jobs per 1,000 and location quotient; `*` (wage not available) a null wage; `#` (at or above the
 * top code) the code in its column and the column's name in `salary_top_coded`, as in role_stats.
 */
export const roleAreaStats = pgTable(
  'role_area_stats',
  {
    roleId: integer('role_id')
      .notNull()
      .references(() => roles.id, { onDelete: 'cascade' }),
    areaFips: char('area_fips', { length: 2 })
      .notNull()
      .references(() => areas.fips),
    employment: integer('employment'),
    jobsPer1000: numeric('jobs_per_1000', { precision: 8, scale: 3, mode: 'number' }),
    locationQuotient: numeric('location_quotient', { precision: 6, scale: 2, mode: 'number' }),
    averageSalary: integer('average_salary'),
    ...percentileColumns(),
    hourlyMean: numeric('hourly_mean', { precision: 7, scale: 2, mode: 'number' }),
    hourlyMedian: numeric('hourly_median', { precision: 7, scale: 2, mode: 'number' }),
    /** BLS's `#` on the hourly median: at or above its hourly top code. */
    hourlyMedianTopCoded: boolean('hourly_median_top_coded').notNull().default(false),
    asOf: date('as_of', { mode: 'string' }).notNull(),
    source: text('source').notNull(),
    sourceUrl: text('source_url').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.roleId, table.areaFips] }),
    // A state's occupations, by pay or employment (the state pages and the API).
    index('role_area_stats_area_salary_idx').on(table.areaFips, table.averageSalary, table.roleId),
    index('role_area_stats_area_employment_idx').on(table.areaFips, table.employment, table.roleId),
    check(
      'role_area_stats_employment_figures',
      sql`num_nonnulls(${table.employment}, ${table.jobsPer1000}, ${table.locationQuotient}) in (0, 3) and ${table.employment} >= 0 and ${table.jobsPer1000} >= 0 and ${table.locationQuotient} >= 0`,
    ),
    check('role_area_stats_average_salary', sql`${table.averageSalary} between 0 and 100000000`),
    ...percentileChecks('role_area_stats', table),
    check('role_area_stats_hourly', sql`${table.hourlyMean} >= 0 and ${table.hourlyMedian} >= 0 and (not ${table.hourlyMedianTopCoded} or ${table.hourlyMedian} is not null)`),
    check('role_area_stats_source_url', sql`${table.sourceUrl} ~ '^https?://' and length(${table.sourceUrl}) <= 500`),
  ],
);

/** Append-only: one row per change of a role's stats (including its first values). */
export const roleStatsHistory = pgTable(
  'role_stats_history',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    roleId: integer('role_id')
      .notNull()
      .references(() => roles.id, { onDelete: 'cascade' }),
    roleVersion: integer('role_version').notNull(),
    ...statsColumns(),
    changedBy: integer('changed_by').references(() => users.id),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('role_stats_history_role_idx').on(table.roleId, table.changedAt), ...statsChecks('role_stats_history', table)],
);

/**
 * An organisation whose members post its openings (issue 22). There is no self-registration: an
 * admin creates it (that is its approval) and invites its members. With a verified domain, members
 * are invited only at addresses of that domain. Disabling it signs its members out and keeps them out.
 */
export const employers = pgTable(
  'employers',
  {
    id: serial('id').primaryKey(),
    slug: text('slug').notNull().unique(),
    name: text('name').notNull(),
    website: text('website').notNull(),
    /** The domain its members' addresses are at, as an admin checked it (example.com); null when none was checked. */
    verifiedDomain: text('verified_domain'),
    approvedBy: integer('approved_by')
      .notNull()
      .references((): AnyPgColumn => users.id),
    approvedAt: timestamp('approved_at', { withTimezone: true }).notNull().defaultNow(),
    disabledAt: timestamp('disabled_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('employers_name_unique').on(sql`lower(${table.name})`),
    check('employers_slug_format', sql`${table.slug} ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(${table.slug}) <= 80`),
    check('employers_name_length', sql`length(${table.name}) between 1 and 120`),
    check('employers_website_http', sql`${table.website} ~ '^https?://[^\\s]+$' and length(${table.website}) <= 500`),
    check('employers_domain_format', sql`${table.verifiedDomain} ~ '^([a-z0-9]([a-z0-9-]*[a-z0-9])?\\.)+[a-z]{2,}$'`),
  ],
);

export const users = pgTable(
  'users',
  {
    id: serial('id').primaryKey(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    passwordHash: text('password_hash').notNull(),
    role: userRole('role').notNull().default('editor'),
    /** The employer an `employer` user is a member of; null for admins and editors. */
    employerId: integer('employer_id').references((): AnyPgColumn => employers.id),
    disabled: boolean('disabled').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('users_email_unique').on(sql`lower(${table.email})`),
    check('users_email_format', sql`${table.email} ~ '^[^@\\s]+@[^@\\s]+$'`),
    // role::text: a migration may not use an enum value added in the same transaction.
    check('users_employer_member', sql`(${table.role}::text = 'employer') = (${table.employerId} is not null)`),
    index('users_employer_idx').on(table.employerId),
  ],
);

/**
 * A one-time sign-up link an admin made for one address to join one employer: only the SHA-256 of
 * its token is kept, so the link is shown once. It works until it is used or expires (7 days).
 */
export const employerInvites = pgTable(
  'employer_invites',
  {
    id: serial('id').primaryKey(),
    employerId: integer('employer_id')
      .notNull()
      .references(() => employers.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    acceptedBy: integer('accepted_by').references(() => users.id),
  },
  (table) => [
    index('employer_invites_employer_idx').on(table.employerId),
    check('employer_invites_accepted_together', sql`(${table.acceptedAt} is null) = (${table.acceptedBy} is null)`),
  ],
);

/**
 * One row per signed-in browser. The session cookie carries only the id, so deleting the row
 * ("Sign out", "Sign out everywhere", disabling the user, a new password) ends the session at
 * once, copies of the cookie included.
 */
export const userSessions = pgTable(
  'user_sessions',
  {
    /** 256 random bits, base64url (db/sessions.ts). */
    id: text('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** 12 hours after sign-in, however active the session is. */
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (table) => [index('user_sessions_user_idx').on(table.userId), index('user_sessions_expires_idx').on(table.expiresAt)],
);

export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    actorId: integer('actor_id').references(() => users.id),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('audit_log_created_idx').on(table.createdAt),
    index('audit_log_entity_idx').on(table.entityType, table.entityId, table.createdAt),
    index('audit_log_actor_idx').on(table.actorId, table.createdAt),
  ],
);

export const loginAttemptOutcome = pgEnum('login_attempt_outcome', loginAttemptOutcomes);

/**
 * Sign-in attempts, kept in PostgreSQL so throttling survives restarts and spans instances. Each
 * row is written before its password is checked (as pending), so the limits in db/sign-in.ts
 * count attempts in flight too.
 */
export const loginAttempts = pgTable(
  'login_attempts',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    /** Lower-cased email as typed, whether or not such a user exists. */
    email: text('email').notNull(),
    /** The client as lib/client-address.ts names it: an IPv4 address, an IPv6 /64 network or "unknown". */
    ipAddress: text('ip_address').notNull(),
    /** The device id of a valid device cookie for this email (lib/device-cookie.ts); null for everyone else. */
    deviceId: text('device_id'),
    outcome: loginAttemptOutcome('outcome').notNull().default('pending'),
    attemptedAt: timestamp('attempted_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('login_attempts_email_idx').on(table.email, table.attemptedAt),
    index('login_attempts_ip_idx').on(table.ipAddress, table.attemptedAt),
    index('login_attempts_device_idx').on(table.deviceId, table.attemptedAt).where(sql`${table.deviceId} is not null`),
    index('login_attempts_attempted_at_idx').on(table.attemptedAt),
    check(
      'login_attempts_ip_address_format',
      sql`${table.ipAddress} = 'unknown' or (length(${table.ipAddress}) <= 45 and ${table.ipAddress} ~ '^[0-9a-f.:]+(/64)?$')`,
    ),
  ],
);

/** What an import applied, kept with its upload so its page can say so afterwards. */
export type CatalogueUploadOutcome = { created: number; updated: number; leftAlone: number; unchanged: number; overwriteEdited: boolean };

/**
 * A file uploaded to one of the imports that take one (catalogue_uploads, job_uploads), kept from
 * its preview until it is applied, and afterwards as the record of what applying did; unapplied
 * uploads are deleted after a week. The preview and the apply read the very same bytes, so what an
 * editor reviewed is what gets applied, without sending the file twice.
 */
function uploadsTable<Name extends 'catalogue_uploads' | 'job_uploads', Outcome>(name: Name) {
  return pgTable(
    name,
    {
      id: text('id').primaryKey(),
      uploadedBy: integer('uploaded_by')
        .notNull()
        .references(() => users.id, { onDelete: 'cascade' }),
      fileName: text('file_name').notNull(),
      content: bytea('content').notNull(),
      uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
      appliedBy: integer('applied_by').references(() => users.id, { onDelete: 'set null' }),
      appliedAt: timestamp('applied_at', { withTimezone: true }),
      outcome: jsonb('outcome').$type<Outcome>(),
    },
    (table) => [
      index(`${name}_uploaded_at_idx`).on(table.uploadedAt),
      check(`${name}_size`, sql`octet_length(${table.content}) <= 5242880`),
      check(`${name}_file_name_length`, sql`length(${table.fileName}) between 1 and 255`),
      check(`${name}_applied_together`, sql`(${table.appliedAt} is null) = (${table.outcome} is null)`),
    ],
  );
}

/** Catalogue files uploaded at /admin/import (db/catalogue-uploads.ts). */
export const catalogueUploads = uploadsTable<'catalogue_uploads', CatalogueUploadOutcome>('catalogue_uploads');

/**
 * The preview of an upload as last planned (db/catalogue-uploads.ts), so that looking at it again
 * costs a fingerprint query instead of reading and planning the whole file: reused while the
 * fingerprint of what the plan read is the same, planned again when it is not. Only for showing:
 * applying always plans afresh. Gone with its upload, and once the upload is applied.
 */
export const catalogueUploadPlans = pgTable('catalogue_upload_plans', {
  uploadId: text('upload_id')
    .primaryKey()
    .references(() => catalogueUploads.id, { onDelete: 'cascade' }),
  /** The shape of `preview` and the rules that made it: a plan stored by other code is planned again. */
  format: integer('format').notNull(),
  /** The keys of what the plan read (db/catalogue-import.ts, PlanKeys and changedRoleIds). */
  slugs: text('slugs').array().notNull(),
  socCodes: text('soc_codes').array().notNull(),
  changedRoleIds: integer('changed_role_ids').array().notNull(),
  /** planStateFingerprint of those keys, in the snapshot the plan read. */
  fingerprint: text('fingerprint').notNull(),
  /** The plan and the labels of its invalid rows, as JSON text (json, not jsonb: kept as written, key order included). */
  preview: json('preview').notNull(),
  digest: text('digest').notNull(),
  plannedAt: timestamp('planned_at', { withTimezone: true }).notNull().defaultNow(),
});

/** How a posting's pay was published; `annual_pay_*` is its yearly equivalent (lib/jobs/pay.ts states the rule). */
export const payPeriod = pgEnum('pay_period', payPeriods);
export const employmentType = pgEnum('employment_type', employmentTypes);
export const educationAsked = pgEnum('education_asked', educationAskedLevels);
export const postingPlacement = pgEnum('posting_placement', postingPlacements);

export type PostingLocation = { city: string | null; stateCode: string | null };

/**
 * A job posting, as its publisher published it: one row per (source, source_id), so importing the
 * same posting again changes nothing. Text is stored as plain text (sanitised on the way in).
 */
export const jobPostings = pgTable(
  'job_postings',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    /** Who published it: `usajobs`, `nyc-jobs`, or the source named by a CSV or JSON-LD file. */
    source: text('source').notNull(),
    sourceId: text('source_id').notNull(),
    title: text('title').notNull(),
    employer: text('employer').notNull(),
    /** Where the work is; [] with remote = true for a remote posting. */
    locations: jsonb('locations').$type<PostingLocation[]>().notNull().default(sql`'[]'::jsonb`),
    /** The postal codes of `locations`, for filtering by state. */
    stateCodes: text('state_codes').array().notNull().default(sql`'{}'::text[]`),
    remote: boolean('remote').notNull().default(false),
    postedOn: date('posted_on', { mode: 'string' }).notNull(),
    /** Valid through (the last moment applications are taken); null when the publisher gave none. */
    closesAt: timestamp('closes_at', { withTimezone: true }),
    payMin: numeric('pay_min', { precision: 12, scale: 2, mode: 'number' }),
    payMax: numeric('pay_max', { precision: 12, scale: 2, mode: 'number' }),
    payPeriod: payPeriod('pay_period'),
    /** The yearly equivalents of pay_min/pay_max and of their midpoint (lib/jobs/pay.ts). */
    annualPayMin: integer('annual_pay_min'),
    annualPayMax: integer('annual_pay_max'),
    annualPayMid: integer('annual_pay_mid'),
    employmentType: employmentType('employment_type').notNull().default('not-stated'),
    educationAsked: educationAsked('education_asked').notNull().default('not-stated'),
    description: text('description').notNull().default(''),
    /** The qualifications asked, where the publisher states them apart from the description. */
    qualifications: text('qualifications'),
    applyUrl: text('apply_url'),
    roleId: integer('role_id').references(() => roles.id, { onDelete: 'set null' }),
    placement: postingPlacement('placement').notNull().default('unplaced'),
    /** The classifier's confidence (0–1) and what decided it (a known title, or the words that matched). */
    placementScore: real('placement_score'),
    placementEvidence: text('placement_evidence'),
    placedBy: integer('placed_by').references(() => users.id, { onDelete: 'set null' }),
    placedAt: timestamp('placed_at', { withTimezone: true }),
    /** A hash of the imported fields: a re-import with the same hash changes nothing. */
    contentHash: text('content_hash').notNull(),
    importedAt: timestamp('imported_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    searchVector: tsvector('search_vector').generatedAlwaysAs(
      sql`setweight(to_tsvector('english', coalesce(title, '')), 'A') || setweight(to_tsvector('english', coalesce(employer, '')), 'B') || setweight(to_tsvector('english', left(coalesce(description, ''), 20000)), 'D')`,
    ),
  },
  (table) => [
    uniqueIndex('job_postings_source_unique').on(table.source, table.sourceId),
    check('job_postings_source_format', sql`${table.source} ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(${table.source}) <= 40`),
    check('job_postings_source_id_length', sql`length(${table.sourceId}) between 1 and 200`),
    check('job_postings_title_length', sql`length(btrim(${table.title})) between 1 and 200`),
    check('job_postings_employer_length', sql`length(btrim(${table.employer})) between 1 and 200`),
    check('job_postings_description_length', sql`length(${table.description}) <= 50000 and length(${table.qualifications}) <= 20000`),
    check('job_postings_locations_array', sql`jsonb_typeof(${table.locations}) = 'array' and cardinality(${table.stateCodes}) <= 60`),
    check(
      'job_postings_pay',
      sql`(${table.payMin} is null or ${table.payMin} > 0) and (${table.payMax} is null or ${table.payMax} > 0) and ${table.payMin} <= ${table.payMax}
       and (num_nonnulls(${table.payMin}, ${table.payMax}) = 0) = (${table.payPeriod} is null)
       and (num_nonnulls(${table.payMin}, ${table.payMax}) = 0) = (${table.annualPayMid} is null)`,
    ),
    check('job_postings_apply_url', sql`${table.applyUrl} ~ '^https?://' and length(${table.applyUrl}) <= 2000`),
    check('job_postings_placement', sql`(${table.placement} = 'unplaced') = (${table.roleId} is null) and (${table.placement} <> 'editor' or ${table.placedAt} is not null)`),
    check('job_postings_score', sql`${table.placementScore} between 0 and 1`),
    // A role's postings (its figures). The search's indexes are on job_posting_search.
    index('job_postings_role_posted_idx').on(table.roleId, sql`(${table.postedOn} - date '1970-01-01') desc`, sql`${table.id} desc`),
    index('job_postings_unplaced_idx').on(table.id).where(sql`${table.placement} = 'unplaced'`),
    // Each source's latest posting date, read in a few index probes (roleboard_posting_source_ends)
    // rather than a scan of every posting: the import and every figure refresh ask for it.
    index('job_postings_source_posted_idx').on(table.source, table.postedOn),
    // The job alerts' digests: what arrived since an alert's last one (a day's arrivals, among all postings).
    index('job_postings_imported_at_idx').on(table.importedAt),
  ],
);

/**
 * What the postings say about a role, in the U.S. (area_fips '00') and in each state: computed
 * ahead by roleboard_refresh_posting_figures (migration 0016) whenever postings arrive, move or
 * close, never per request. `sources` names each source with its dates and count.
 */
/**
 * The job search's own table: one narrow row per posting with only what /jobs filters and sorts on
 * and its words, kept by statement-level triggers on job_postings (migration 0019). A search reads
 * many rows to show twenty, and at a million postings reading the full rows (descriptions,
 * locations, pay as given: 720 MB) missed its 100 ms; these are under half that (340 MB, most of it
 * the words), and the full rows are read for the page's postings only.
 */
export const jobPostingSearch = pgTable(
  'job_posting_search',
  {
    postingId: bigint('posting_id', { mode: 'number' }).primaryKey(),
    /** Until when the posting is open: roleboard_posting_open_until (migration 0019), the one rule of "open". */
    openUntil: timestamp('open_until', { withTimezone: true }).notNull(),
    /** The "newest" sort key: the posting date as days since 1970. */
    postedDay: integer('posted_day').notNull(),
    /** The "pay" sort key: the annual pay midpoint, -1 for none. */
    payKey: integer('pay_key').notNull(),
    annualPayMax: integer('annual_pay_max'),
    roleId: integer('role_id'),
    educationAsked: educationAsked('education_asked').notNull(),
    remote: boolean('remote').notNull(),
    stateCodes: text('state_codes').array().notNull(),
    /** The locations' cities, lower-cased, for the city filter. */
    cities: text('cities').array().notNull(),
    searchVector: tsvector('search_vector').notNull(),
  },
  (table) => [
    index('job_posting_search_newest_idx').on(sql`${table.postedDay} desc`, sql`${table.postingId} desc`),
    index('job_posting_search_pay_idx').on(sql`${table.payKey} desc`, sql`${table.postingId} desc`),
    index('job_posting_search_role_idx').on(table.roleId, sql`${table.postedDay} desc`, sql`${table.postingId} desc`),
    // The closing job's: placed postings by the moment they close. Partial, so that the search's
    // "open" (a third of all postings) is never read through it, which cost 20 ms a search.
    index('job_posting_search_closing_idx').on(table.openUntil).where(sql`${table.roleId} is not null`),
    // Words, states and remote in one index, so that a word with a state or with remote is
    // intersected inside it and only the postings with both are read. Remote as a one-element array:
    // GIN cannot take a bare boolean condition. Every search reads the index's list of entries not
    // yet merged; 256 kB instead of 4 MB keeps that short after an import (an import of 100,000
    // postings: 1.5 s longer; searches after it: p95 40 ms instead of 61 ms).
    index('job_posting_search_words_places_idx')
      .using('gin', table.searchVector, table.stateCodes, sql`(array[${table.remote}])`)
      .with({ gin_pending_list_limit: 256 }),
  ],
);

export const rolePostingFigures = pgTable(
  'role_posting_figures',
  {
    roleId: integer('role_id')
      .notNull()
      .references(() => roles.id, { onDelete: 'cascade' }),
    /** A state's FIPS code, or '00' for the whole U.S. */
    areaFips: char('area_fips', { length: 2 }).notNull(),
    openCount: integer('open_count').notNull(),
    /** Postings in the last 12 months of each source's own data (up to its latest posting date). */
    recentCount: integer('recent_count').notNull(),
    /** Of the recent postings: how many published pay, and the 25th/50th/75th percentiles of their annualised midpoints. */
    payCount: integer('pay_count').notNull(),
    payP25: integer('pay_p25'),
    payMedian: integer('pay_median'),
    payP75: integer('pay_p75'),
    /** Of the recent postings: how many say what education they ask, and how many of those ask for a bachelor's or more. */
    educationStatedCount: integer('education_stated_count').notNull(),
    degreeAskedCount: integer('degree_asked_count').notNull(),
    sources: jsonb('sources').$type<PostingFigureSource[]>().notNull(),
    /** When the next open posting closes: the open count changes then without any import. */
    nextCloseAt: timestamp('next_close_at', { withTimezone: true }),
    computedAt: timestamp('computed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.roleId, table.areaFips] }), index('role_posting_figures_area_open_idx').on(table.areaFips, table.openCount)],
);

export type PostingFigureSource = { source: string; from: string; to: string; recentCount: number; openCount: number };

export type Category = InferSelectModel<typeof categories>;
export type Role = InferSelectModel<typeof roles>;
export type RoleStats = InferSelectModel<typeof roleStats>;
export type RoleStatsHistory = InferSelectModel<typeof roleStatsHistory>;
export type User = InferSelectModel<typeof users>;
export type UserSession = InferSelectModel<typeof userSessions>;
export type AuditLogEntry = InferSelectModel<typeof auditLog>;
export type LoginAttempt = InferSelectModel<typeof loginAttempts>;
/** What applying a job postings upload did (db/job-uploads.ts). */
export type JobUploadOutcome = { new: number; changed: number; unchanged: number; placed: number; unplaced: number };

/** Job postings files uploaded at /admin/jobs/import (db/job-uploads.ts): the apply reads the file again and applies only the plan whose digest the preview showed. */
export const jobUploads = uploadsTable<'job_uploads', JobUploadOutcome>('job_uploads');

export type JobPosting = InferSelectModel<typeof jobPostings>;
export type RolePostingFigures = InferSelectModel<typeof rolePostingFigures>;

// ---- Employers' own postings (issue 22) ----------------------------------------------------------

export const employerPostingStatus = pgEnum('employer_posting_status', employerPostingStatuses);

/**
 * A posting as its employer writes and keeps it, with its history in the audit log. Publishing
 * copies it into job_postings through the import (db/job-import.ts), the one way postings come in,
 * so search, figures, feeds and caches treat it as any other; job_posting_id points there.
 */
export const employerPostings = pgTable(
  'employer_postings',
  {
    id: serial('id').primaryKey(),
    employerId: integer('employer_id')
      .notNull()
      .references(() => employers.id),
    status: employerPostingStatus('status').notNull().default('draft'),
    title: text('title').notNull(),
    /** The occupation, as the classifier suggested it and the member kept or changed it; null until chosen. */
    roleId: integer('role_id').references(() => roles.id),
    locations: jsonb('locations').$type<PostingLocation[]>().notNull().default(sql`'[]'::jsonb`),
    remote: boolean('remote').notNull().default(false),
    payMin: numeric('pay_min', { precision: 12, scale: 2, mode: 'number' }),
    payMax: numeric('pay_max', { precision: 12, scale: 2, mode: 'number' }),
    payPeriod: payPeriod('pay_period'),
    employmentType: employmentType('employment_type').notNull().default('full-time'),
    educationAsked: educationAsked('education_asked').notNull().default('not-stated'),
    /** The text as the member wrote it, in the posting form's small formatting language (lib/jobs/posting-markup.ts). */
    description: text('description').notNull().default(''),
    applyUrl: text('apply_url'),
    applyEmail: text('apply_email'),
    /** The last day applications are taken (through the end of that day, UTC). */
    closesOn: date('closes_on', { mode: 'string' }),
    /** Counts saves: a save based on an older version is refused, never lost silently. */
    version: integer('version').notNull().default(1),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: integer('updated_by')
      .notNull()
      .references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    jobPostingId: bigint('job_posting_id', { mode: 'number' }).references(() => jobPostings.id, { onDelete: 'set null' }),
    takedownReason: text('takedown_reason'),
    reviewedBy: integer('reviewed_by').references(() => users.id),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
  },
  (table) => [
    index('employer_postings_employer_idx').on(table.employerId, table.updatedAt),
    index('employer_postings_pending_idx').on(table.id).where(sql`${table.status} = 'pending'`),
    check('employer_postings_title_length', sql`length(${table.title}) between 1 and 200`),
    check('employer_postings_description_length', sql`length(${table.description}) <= 20000`),
    check('employer_postings_apply_url_http', sql`${table.applyUrl} ~ '^https://[^\\s]+$'`),
    check('employer_postings_apply_email', sql`${table.applyEmail} ~ '^[^@\\s]+@[^@\\s]+$'`),
    check('employer_postings_takedown_reason', sql`(${table.status} = 'taken-down') = (${table.takedownReason} is not null)`),
  ],
);
// ——— Job alerts (issue 22.4) ———
// A visitor follows a /jobs search by email, without an account. Everything here is written
// anonymously, so every table is bounded: alerts per address (db/job-alerts.ts), sign-ups per
// client address per hour, unconfirmed alerts deleted after 48 hours, digests kept a week.

/**
 * One followed search of one address. `searchQuery` is the search as /jobs writes it
 * (`?q=nurse&state=CA`, or '' for every posting), so one address follows one search once. Only a
 * hash of the confirmation token is kept; the unsubscribe token is signed (lib/jobs/alert-tokens.ts).
 */
export const jobAlerts = pgTable(
  'job_alerts',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    /** Lower-cased: one mailbox, one set of alerts. */
    email: text('email').notNull(),
    searchQuery: text('search_query').notNull(),
    /** SHA-256 (hex) of the confirmation link's token; null once confirmed. */
    confirmTokenHash: text('confirm_token_hash'),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** Confirmation emails queued for this alert: repeated sign-ups resend it a few times only. */
    confirmationEmails: smallint('confirmation_emails').notNull().default(0),
    lastConfirmationAt: timestamp('last_confirmation_at', { withTimezone: true }),
    /** Postings that arrived (job_postings.imported_at) after this are new to the next digest. */
    newSince: timestamp('new_since', { withTimezone: true }),
  },
  (table) => [
    uniqueIndex('job_alerts_email_search_unique').on(table.email, table.searchQuery),
    uniqueIndex('job_alerts_confirm_token_unique').on(table.confirmTokenHash),
    index('job_alerts_unconfirmed_created_at_idx').on(table.createdAt).where(sql`${table.confirmedAt} is null`),
    check('job_alerts_email_format', sql`length(${table.email}) between 3 and 254 and ${table.email} = lower(${table.email})`),
    check('job_alerts_search_query_length', sql`length(${table.searchQuery}) <= 1000`),
    check('job_alerts_confirmed', sql`(${table.confirmedAt} is null) = (${table.confirmTokenHash} is not null) and (${table.confirmedAt} is null) = (${table.newSince} is null)`),
  ],
);

/**
 * The digest an alert was sent on one day (UTC), written in the transaction that sent it, after
 * the SMTP server accepted the message: the primary key is what keeps two instances from sending
 * the same day's digest twice (db/job-alerts.ts, sendDueDigest).
 */
export const jobAlertDigests = pgTable(
  'job_alert_digests',
  {
    alertId: bigint('alert_id', { mode: 'number' })
      .notNull()
      .references(() => jobAlerts.id, { onDelete: 'cascade' }),
    sentOn: date('sent_on', { mode: 'string' }).notNull(),
    postingCount: integer('posting_count').notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.alertId, table.sentOn] }), index('job_alert_digests_sent_at_idx').on(table.sentAt)],
);

/** Sign-ups per client address (lib/client-address.ts), counted for the hourly limit and deleted after an hour. */
export const jobAlertSignups = pgTable(
  'job_alert_signups',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    clientAddress: text('client_address').notNull(),
    signedUpAt: timestamp('signed_up_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('job_alert_signups_client_idx').on(table.clientAddress, table.signedUpAt)],
);

export type JobAlert = InferSelectModel<typeof jobAlerts>;
