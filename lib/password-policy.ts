// What a password must be: 8 to 128 characters, never truncated, and not one of the most common.
// Any character is allowed except NUL, which C libraries and many tools read as the end of the
// string; nothing is trimmed or normalized, so the password checked is exactly the one typed.
import { z } from 'zod';
import { commonPasswords } from './common-passwords';
import { textMessages } from './text-rules';

export const passwordSchema = z
  .string()
  .refine((password) => !password.includes('\0'), { error: `${textMessages.controlCharacter} (U+0000)`, abort: true })
  .min(8, 'Use at least 8 characters')
  .max(128, 'Use at most 128 characters')
  .refine((password) => !commonPasswords.has(password.toLowerCase()), 'This password is too common; choose another');
