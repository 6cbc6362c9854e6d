// A page cursor: the sort key of the last item a page showed and its id, as base64url JSON
// (`[key, id]`), so the next page starts after it. The role search and the job search page so.
import { z } from 'zod';

/** A cursor's text, at most `maxLength` long, read as its `[key, id]`; anything else is "Not a valid page cursor". */
export function pageCursorSchema<Key extends z.ZodType, Id extends z.ZodType>(maxLength: number, pair: z.ZodTuple<[Key, Id], null>) {
  return z
    .string()
    .max(maxLength)
    .transform((value, ctx) => {
      try {
        return pair.parse(JSON.parse(Buffer.from(value, 'base64url').toString('utf8')));
      } catch {
        ctx.addIssue({ code: 'custom', message: 'Not a valid page cursor' });
        return z.NEVER;
      }
    });
}

export function encodePageCursor(key: unknown, id: number) {
  return Buffer.from(JSON.stringify([key, id])).toString('base64url');
}
