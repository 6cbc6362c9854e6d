// A local SMTP server that keeps what it is sent instead of delivering it: `npm run dev` without
// SMTP_URL prints each message it catches, and the tests read the real messages from it.
// Development and tests only (smtp-server and mailparser are devDependencies).
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export type CaughtMail = ParsedMail & { envelopeTo: string[] };

export type MailCatcher = {
  port: number;
  /** What to give SMTP_URL. */
  url: string;
  messages: CaughtMail[];
  /** Resolves with the first message (already caught or still to come) that `match` accepts. */
  waitFor: (match: (message: CaughtMail) => boolean, timeoutMs?: number) => Promise<CaughtMail>;
  close: () => Promise<void>;
};

export async function startMailCatcher({ port = 0, onMessage }: { port?: number; onMessage?: (message: CaughtMail) => void } = {}): Promise<MailCatcher> {
  const messages: CaughtMail[] = [];
  const waiters = new Set<() => void>();
  const server = new SMTPServer({
    // Local only: no TLS, no sign-in, any sender.
    secure: false,
    disabledCommands: ['STARTTLS', 'AUTH'],
    authOptional: true,
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          const message = Object.assign(parsed, { envelopeTo: session.envelope.rcptTo.map((recipient) => recipient.address) });
          messages.push(message);
          onMessage?.(message);
          for (const wake of waiters) wake();
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const listening = (server.server.address() as AddressInfo).port;
  return {
    port: listening,
    url: `smtp://127.0.0.1:${listening}`,
    messages,
    waitFor(match, timeoutMs = 30_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = messages.find(match);
          if (!found) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(found);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`No such message within ${timeoutMs} ms (${messages.length} caught)`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
