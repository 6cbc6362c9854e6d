import { z } from 'zod';
import { hasBidiControl, hasControlCharacter, textMessages } from './text-rules';

export const slugPattern = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export const slugSchema = z
  .string()
  // Said first and alone: "lowercase letters only" would not tell the editor about a character they cannot see.
  .refine((slug) => !hasControlCharacter(slug), { error: (issue) => textMessages.controlCharacterIn(String(issue.input)), abort: true })
  .refine((slug) => !hasBidiControl(slug), { error: textMessages.bidiControl, abort: true })
  .min(1, 'Enter a slug')
  .max(100, 'Use at most 100 characters')
  .regex(slugPattern, 'Use lowercase letters, digits and single hyphens only');

export function slugify(text: string) {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 100)
    .replace(/-+$/, '');
}
