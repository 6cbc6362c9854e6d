// Password rules and hashing: argon2id at OWASP's recommended cost (m = 19 MiB, t = 2, p = 1).
import { hash, verify } from '@node-rs/argon2';
import { z } from 'zod';
import { commonPasswords } from './common-passwords';

const options = { algorithm: 2 /* Argon2id */, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

/** 8 to 128 characters, never truncated; the most common passwords are refused. */
export const passwordSchema = z
  .string()
  .min(8, 'Use at least 8 characters')
  .max(128, 'Use at most 128 characters')
  .refine((password) => !commonPasswords.has(password.toLowerCase()), 'This password is too common; choose another');

export function hashPassword(password: string) {
  return hash(password, options);
}

export async function verifyPassword(passwordHash: string, password: string) {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}
