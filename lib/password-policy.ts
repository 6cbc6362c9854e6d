// What a password must be: 8 to 128 characters, never truncated, and not one of the most common.
import { z } from 'zod';
import { commonPasswords } from './common-passwords';

export const passwordSchema = z
  .string()
  .min(8, 'Use at least 8 characters')
  .max(128, 'Use at most 128 characters')
  .refine((password) => !commonPasswords.has(password.toLowerCase()), 'This password is too common; choose another');
