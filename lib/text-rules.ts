// What typed text may hold, for every admin text field: the role and user schemas build their
// fields from these, so the form's field errors, the Server Actions and the DAL apply the same
// rules. Client-safe. Why each rule exists:
// - PostgreSQL cannot store NUL in text, so a NUL that reached the database was a 500; other C0/C1
//   control characters are invisible, and nobody means to type them.
// - A required field that holds only zero-width or other invisible characters looks empty on the page.
// - Direction overrides in a name can make it read as something else (the "Trojan Source" trick).
// - Browsers send a textarea's line breaks as CRLF; stored text uses "\n", so that an unchanged
//   textarea compares equal to what was loaded.
import { z } from 'zod';

/** C0 and C1 controls (NUL, ESC, DEL, …), and halves of broken surrogate pairs, which no encoding can store. */
const controlCharacter = /[\p{Cc}\p{Cs}]/u;
/** The same, except the line break and the tab that prose may contain. */
const controlCharacterOtherThanLineBreakOrTab = /(?![\n\t])[\p{Cc}\p{Cs}]/u;
/** Embeddings, overrides, isolates and direction marks. */
const bidiControl = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/u;
/** What shows as nothing: whitespace, format characters (Cf: zero-width space, soft hyphen, …) and other default-ignorables (e.g. Hangul fillers). */
const invisibleCharacters = /[\s\p{Cf}\p{Default_Ignorable_Code_Point}]/gu;

export const textMessages = {
  controlCharacter: 'Remove the invisible control character',
  /** Says which character, since an invisible one is hard to find otherwise. */
  controlCharacterIn: (text: string, { multiline = false } = {}) => {
    const found = (multiline ? controlCharacterOtherThanLineBreakOrTab : controlCharacter).exec(text)?.[0];
    return found ? `${textMessages.controlCharacter} (U+${found.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')})` : textMessages.controlCharacter;
  },
  bidiControl: 'Remove the invisible text-direction character',
  tooLong: (max: number) => `Use at most ${max.toLocaleString('en-US')} characters`,
};

function normalizeLineEndings(text: string) {
  return text.replace(/\r\n?/g, '\n');
}

/** False when the text shows nothing on the page, e.g. only spaces and zero-width characters. */
function hasVisibleText(text: string) {
  return text.replace(invisibleCharacters, '') !== '';
}

export function hasControlCharacter(text: string, { multiline = false } = {}) {
  return (multiline ? controlCharacterOtherThanLineBreakOrTab : controlCharacter).test(text);
}

export function hasBidiControl(text: string) {
  return bidiControl.test(text);
}

/**
 * `required` names what is missing ("a title") and makes the field required: empty, blank or
 * invisible text gets "Enter a title". Without it, '' is allowed.
 */
type TextOptions = { max: number; required?: string };

function text({ max, required }: TextOptions, { multiline, names }: { multiline: boolean; names: boolean }) {
  let schema = z.string(required ? { error: `Enter ${required}` } : undefined);
  if (multiline) schema = schema.overwrite(normalizeLineEndings);
  // abort: a control character is the one thing to say about the field; its length or emptiness can wait.
  schema = schema.refine((value) => !hasControlCharacter(value, { multiline }), {
    error: (issue) => textMessages.controlCharacterIn(String(issue.input), { multiline }),
    abort: true,
  });
  if (names) schema = schema.refine((value) => !hasBidiControl(value), { error: textMessages.bidiControl, abort: true });
  schema = schema.trim().max(max, textMessages.tooLong(max));
  return required ? schema.refine(hasVisibleText, `Enter ${required}`) : schema;
}

/** One line of text (an `<input>`): no control characters at all; trimmed. */
export function plainText(options: TextOptions) {
  return text(options, { multiline: false, names: false });
}

/** Prose from a `<textarea>`: line breaks stored as "\n"; tabs and line breaks allowed, other control characters not; trimmed. */
export function multilineText(options: TextOptions) {
  return text(options, { multiline: true, names: false });
}

/** What something or someone is called (a role's title, a user's name): one line, and no direction overrides. */
export function nameText(options: TextOptions) {
  return text(options, { multiline: false, names: true });
}
