// The AUTH_SECRET `npm run dev` generates and keeps in .data/auth-secret (or ROLEBOARD_DATA_DIR),
// shared by the launcher (scripts/serve.ts), which creates it, and command-line tools that sign
// requests to the running server (scripts/data-import.ts), which only read it.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

function secretFile() {
  return path.resolve(process.env.ROLEBOARD_DATA_DIR ?? '.data', 'auth-secret');
}

/** The development secret, created on first use. */
export function ensureDevelopmentAuthSecret() {
  const file = secretFile();
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 });
  }
  return fs.readFileSync(file, 'utf8').trim();
}

/** The development secret if `npm run dev` has made one, else null. */
export function readDevelopmentAuthSecret() {
  try {
    return fs.readFileSync(secretFile(), 'utf8').trim() || null;
  } catch {
    return null;
  }
}
