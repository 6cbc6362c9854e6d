// The field pieces every schema of a role composes, each rule written once: the admin form and
// the DAL (lib/role-schemas.ts, with their messages), the listing's and the API's parameters
// (lib/role-search.ts), and the API's response shapes and so the OpenAPI document
// (lib/api/schemas.ts). The database's CHECK constraints (db/schema.ts) say the same in SQL.
import { z } from 'zod';
import { percentileKeys } from '@/lib/domain/role-fields';
import { slugPattern } from './slug';

export const CURRENCY_PATTERN = /^[A-Z]{3}$/;
export const SOC_CODE_PATTERN = /^\d{2}-\d{4}$/;
const CATEGORY_SLUG_MAX_LENGTH = 100;

/** A category's slug, as roles name their category; `message` says what is wrong in the caller's words. */
export function categorySlugSchema(message?: string) {
  return z.string(message ? { error: message } : undefined).max(CATEGORY_SLUG_MAX_LENGTH, message).regex(slugPattern, message);
}

/** An ISO 4217 code in capitals (USD). */
export function currencyCodeSchema(message?: string) {
  return z.string().regex(CURRENCY_PATTERN, message);
}

/** Which percentiles are a publisher's top code, so the real wage is at least that. */
export function topCodedSchema() {
  return z.array(z.enum(percentileKeys));
}

/** A whole amount of money, people or openings as published: never negative. */
export function wholeCountSchema() {
  return z.number().int().min(0);
}
