// What admin text fields accept: no control characters (NUL above all, which PostgreSQL cannot
// store), no text that only looks empty, no direction overrides in names, and "\n" line breaks.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sampleRole } from '../support/sample-role';
import { passwordSchema } from '@/lib/password-policy';
import { roleToFormValues as toFormValues, type RoleFormValues } from '@/lib/role-form';
import { roleFormSchema } from '@/lib/role-form-submission';
import { roleContentSchema, roleStatsSchema } from '@/lib/role-schemas';
import { slugSchema } from '@/lib/slug';
import { multilineText, nameText, plainText } from '@/lib/text-rules';
import { newUserSchema } from '@/lib/user-schemas';

/** The first error message, or the parsed value when there is none. */
function outcome(schema: { safeParse: (value: unknown) => { success: boolean; data?: unknown; error?: { issues: { message: string }[] } } }, value: unknown) {
  const result = schema.safeParse(value);
  return result.success ? { value: result.data } : { error: result.error!.issues[0]!.message };
}

const title = nameText({ max: 120, required: 'a title' });
const line = plainText({ max: 200 });
const prose = multilineText({ max: 20, required: 'a summary' });

const controlCharacters = {
  NUL: '\u0000',
  'start of heading': '\u0001',
  escape: '\u001B',
  delete: '\u007F',
  'next line (C1)': '\u0085',
  'control sequence introducer (C1)': '\u009B',
};
const bidiControls = ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069', '\u200E', '\u200F', '\u061C'];
const invisibleOnly = ['', '   ', '\u200B', '\u200C\u200D', '\u2060', '\uFEFF', '\u00AD', ' \u200B \u00A0 ', '\u3164'];

describe('control characters', () => {
  test('NUL and every other C0 or C1 control character is refused, naming the character', () => {
    for (const [name, character] of Object.entries(controlCharacters)) {
      const code = character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
      for (const schema of [title, line, prose]) {
        assert.deepEqual(outcome(schema, `a${character}b`), { error: `Remove the invisible control character (U+${code})` }, name);
      }
    }
  });

  test('a line break or tab is refused in one-line text and kept in prose', () => {
    for (const character of ['\n', '\t', '\r']) {
      assert.match(outcome(line, `a${character}b`).error ?? '', /^Remove the invisible control character/, JSON.stringify(character));
    }
    assert.deepEqual(outcome(prose, 'One\n\tTwo'), { value: 'One\n\tTwo' });
  });

  test('half a surrogate pair, which cannot be stored, is refused; a whole one (emoji) is fine', () => {
    assert.match(outcome(line, 'a\uD83Db').error ?? '', /^Remove the invisible control character \(U\+D83D\)/);
    assert.deepEqual(outcome(line, 'a\uD83D\uDE80b'), { value: 'a🚀b' });
  });

  test('the control-character error is the only one, however long or empty the rest is', () => {
    assert.deepEqual(outcome(title, `\u0000${'x'.repeat(500)}`), { error: 'Remove the invisible control character (U+0000)' });
    assert.deepEqual(outcome(title, '\u0000'), { error: 'Remove the invisible control character (U+0000)' });
  });
});

describe('line endings', () => {
  test('CRLF and a lone CR become "\\n"', () => {
    assert.deepEqual(outcome(prose, 'One\r\nTwo\rThree\n'), { value: 'One\nTwo\nThree' });
  });

  test('the length limit counts a line break once, as the browser does', () => {
    const text = `${'x'.repeat(9)}\r\n${'y'.repeat(10)}`; // 21 characters as sent, 20 as stored
    assert.deepEqual(outcome(prose, text), { value: `${'x'.repeat(9)}\n${'y'.repeat(10)}` });
  });
});

describe('required text', () => {
  test('text that shows nothing (spaces, zero-width and other format characters) is missing', () => {
    for (const text of invisibleOnly) {
      assert.deepEqual(outcome(title, text), { error: 'Enter a title' }, JSON.stringify(text));
      assert.deepEqual(outcome(prose, text), { error: 'Enter a summary' }, JSON.stringify(text));
    }
    assert.deepEqual(outcome(title, undefined), { error: 'Enter a title' });
  });

  test('optional text may be empty', () => {
    assert.deepEqual(outcome(line, '  '), { value: '' });
  });

  test('ordinary names pass unchanged: accents, CJK, Arabic, emoji (joined ones too) and apostrophes', () => {
    for (const name of ["Children's Nurse", 'Chef de Cuisine — Café', 'データサイエンティスト', 'مهندس برمجيات', '🚀 Rocket Engineer', '👩‍💻 Developer', 'O’Brien']) {
      assert.deepEqual(outcome(title, name), { value: name });
    }
    assert.deepEqual(outcome(title, '  Nurse  '), { value: 'Nurse' }, 'trimmed');
  });
});

describe('direction overrides', () => {
  test('names and slugs refuse every bidi control character', () => {
    for (const character of bidiControls) {
      const label = `U+${character.codePointAt(0)!.toString(16).toUpperCase()}`;
      assert.deepEqual(outcome(title, `Nurse ${character}txt.exe`), { error: 'Remove the invisible text-direction character' }, label);
      assert.deepEqual(outcome(title, character), { error: 'Remove the invisible text-direction character' }, label);
      assert.deepEqual(outcome(slugSchema, `nurse${character}`), { error: 'Remove the invisible text-direction character' }, label);
    }
  });

  test('prose may hold direction marks, which right-to-left writing needs', () => {
    assert.deepEqual(outcome(prose, 'Uses \u200Fעברית\u200F'), { value: 'Uses \u200Fעברית\u200F' });
  });

  test('slugs name a control character before their own rules', () => {
    assert.deepEqual(outcome(slugSchema, 'nurse\u0000'), { error: 'Remove the invisible control character (U+0000)' });
    assert.deepEqual(outcome(slugSchema, 'Nurse'), { error: 'Use lowercase letters, digits and single hyphens only' });
  });
});

describe('passwords', () => {
  test('NUL is refused; anything else is kept exactly as typed', () => {
    assert.deepEqual(outcome(passwordSchema, 'long enough\u0000'), { error: 'Remove the invisible control character (U+0000)' });
    for (const password of [' spaces around ', 'tab\tand\u001B escape', 'bidi \u202E drow', 'zero\u200Bwidth', 'émoji 🚀 pass']) {
      assert.deepEqual(outcome(passwordSchema, password), { value: password }, JSON.stringify(password));
    }
  });
});

describe('the role and user schemas use these rules', () => {
  const seed = sampleRole;
  const goodValues = (): RoleFormValues => {
    const { stats, ...content } = seed;
    return toFormValues({ version: 3, content: roleContentSchema.parse(content), stats: roleStatsSchema.parse(stats) });
  };
  const errorsAfter = (edit: (values: RoleFormValues) => void) => {
    const values = goodValues();
    edit(values);
    const result = roleFormSchema.safeParse(values);
    return result.success ? {} : Object.fromEntries(result.error.issues.map((issue) => [issue.path.join('.'), issue.message]));
  };
  const nul = 'a\u0000b';
  const nulError = 'Remove the invisible control character (U+0000)';

  test('a NUL in any role text field is an error on that field alone', () => {
    const fields: [path: string, edit: (values: RoleFormValues) => void][] = [
      ['content.title', (values) => (values.content.title = nul)],
      ['content.slug', (values) => (values.content.slug = nul)],
      ['content.summary', (values) => (values.content.summary = nul)],
      ['content.salaryTemplate', (values) => (values.content.salaryTemplate = nul)],
      ['content.responsibilitiesIntro', (values) => (values.content.responsibilitiesIntro = nul)],
      ['content.responsibilities.1', (values) => (values.content.responsibilities[1] = nul)],
      ['content.responsibilitiesOutro', (values) => (values.content.responsibilitiesOutro = nul)],
      ['content.howToBecomeIntro', (values) => (values.content.howToBecomeIntro = nul)],
      ['content.howToBecomeSteps.0.heading', (values) => (values.content.howToBecomeSteps[0]!.heading = nul)],
      ['content.howToBecomeSteps.0.body', (values) => (values.content.howToBecomeSteps[0]!.body = nul)],
      ['content.howToBecomeOutro', (values) => (values.content.howToBecomeOutro = nul)],
      ['stats.source', (values) => (values.stats.source = nul)],
      ['stats.currency', (values) => (values.stats.currency = 'U\u0000D')],
    ];
    for (const [path, edit] of fields) assert.deepEqual(errorsAfter(edit), { [path]: nulError }, path);
  });

  test("the textareas' CRLF line breaks are stored as \\n; a lone-CR outro too", () => {
    const values = goodValues();
    values.content.summary = 'First line\r\nSecond line';
    values.content.howToBecomeSteps[0]!.body = 'Study.\r\n\r\nPractise.';
    values.content.howToBecomeOutro = 'Good luck.\r';
    const { content } = roleFormSchema.parse(values);
    assert.equal(content.summary, 'First line\nSecond line');
    assert.equal(content.howToBecomeSteps[0]!.body, 'Study.\n\nPractise.');
    assert.equal(content.howToBecomeOutro, 'Good luck.');
  });

  test('a role title or user name of zero-width spaces is missing; one with an override is refused', () => {
    assert.deepEqual(errorsAfter((values) => (values.content.title = '\u200B\u200B')), { 'content.title': 'Enter a title' });
    assert.deepEqual(errorsAfter((values) => (values.content.title = 'Data \u202EScientist')), {
      'content.title': 'Remove the invisible text-direction character',
    });
    const user = { email: 'someone@example.com', name: 'Someone', role: 'editor', password: 'a long passphrase' };
    const errors = (overrides: Record<string, string>) => {
      const result = newUserSchema.safeParse({ ...user, ...overrides });
      return result.success ? {} : Object.fromEntries(result.error.issues.map((issue) => [issue.path.join('.'), issue.message]));
    };
    assert.deepEqual(errors({}), {});
    assert.deepEqual(errors({ name: '\u2060\u00AD' }), { name: 'Enter a name' });
    assert.deepEqual(errors({ name: 'Eve\u202E' }), { name: 'Remove the invisible text-direction character' });
    assert.deepEqual(errors({ name: nul }), { name: nulError });
    assert.deepEqual(errors({ email: 'some\u0000one@example.com' }), { email: nulError });
    assert.deepEqual(errors({ email: '\u200B' }), { email: 'Enter an email address' });
  });
});
