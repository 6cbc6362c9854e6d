// The developers page's card builder: a plain GET form (role, theme, size, locale) that answers
// with the snippet for exactly that card, a live preview of it and its oEmbed address. It works
// without JavaScript; the copy buttons appear where a script can copy.
import type { RoleDetail } from '@/db/role-reads';
import type { EmbedChoice } from '@/lib/api/embed-options';
import { iframeSize, iframeSnippet, widgetUrl } from '@/lib/api/embed-snippet';
import { CopyButton } from './enhanced-buttons';

const themes = [
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
  { value: 'auto', label: 'Follow the reader’s setting' },
] as const;

const locales = [
  { value: 'en-US', label: 'English (United States)' },
  { value: 'en-GB', label: 'English (United Kingdom)' },
  { value: 'de-DE', label: 'Deutsch (Deutschland)' },
  { value: 'fr-FR', label: 'Français (France)' },
  { value: 'es-ES', label: 'Español (España)' },
];

const defaultLabels = { theme: 'light', compact: 'the full card', locale: 'English (United States)' };

type Props = {
  siteUrl: string;
  /** The role shown: the one asked for, or the example when none (or an unknown one) was. */
  role: RoleDetail;
  choice: EmbedChoice;
  /** The role asked for, when no published role has it. */
  unknownRole: string | undefined;
};

export function EmbedConfigurator({ siteUrl, role, choice, unknownRole }: Props) {
  const { options } = choice;
  const snippet = iframeSnippet(siteUrl, role, options);
  const size = iframeSize(role, options);
  const oembedUrl = `${siteUrl}/api/oembed?url=${encodeURIComponent(`${siteUrl}/roles/${role.slug}`)}`;
  // A locale from the address that is not in the list is offered too, so the form shows what the card uses.
  const localeChoices = locales.some(({ value }) => value === options.locale) ? locales : [...locales, { value: options.locale, label: options.locale }];
  return (
    <div className="configurator">
      <form method="get" action="/developers#widget" className="configurator__form" aria-label="Build a card">
        <div className="field">
          <label htmlFor="card-role">Role</label>
          <input id="card-role" name="role" defaultValue={role.slug} aria-describedby="card-role-hint" autoComplete="off" spellCheck={false} />
          <p id="card-role-hint" className="hint">
            The address of its page or its slug, e.g. <code>software-developers</code>.
          </p>
        </div>
        <fieldset className="field">
          <legend>Theme</legend>
          {themes.map(({ value, label }) => (
            <label key={value} className="choice">
              <input type="radio" name="theme" value={value} defaultChecked={options.theme === value} /> {label}
            </label>
          ))}
        </fieldset>
        <fieldset className="field">
          <legend>Size</legend>
          <label className="choice">
            <input type="radio" name="compact" value="0" defaultChecked={!options.compact} /> Full card
          </label>
          <label className="choice">
            <input type="radio" name="compact" value="1" defaultChecked={options.compact} /> Compact (the average salary alone)
          </label>
        </fieldset>
        <div className="field">
          <label htmlFor="card-locale">Language and number format</label>
          <select id="card-locale" name="locale" defaultValue={options.locale}>
            {localeChoices.map(({ value, label }) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">Show this card</button>
      </form>

      <div className="configurator__result">
        {(unknownRole || choice.ignored.length > 0) && (
          <div className="notice" role="status">
            {unknownRole && <p>No published role has the slug “{unknownRole}”, so this shows {role.title}.</p>}
            {choice.ignored.map(({ name, value, reason }) => (
              <p key={name}>
                “{value}” {reason}, so {name === 'role' ? `this shows ${role.title}` : `the card uses the default (${defaultLabels[name as keyof typeof defaultLabels]})`}.
              </p>
            ))}
          </div>
        )}
        <h3 id="card-preview-heading">Preview</h3>
        <iframe
          src={widgetUrl('', role.slug, options)}
          title={`Preview: ${role.title} salary statistics card`}
          width={size.width}
          height={size.height}
          className="configurator__preview"
        />
        <CopyField id="card-snippet" label="HTML for your page" value={snippet} rows={4} button="Copy HTML" copied="HTML copied" />
        <CopyField id="card-oembed" label="oEmbed address" value={oembedUrl} button="Copy address" copied="Address copied" />
      </div>
    </div>
  );
}

/** A read-only value to copy: a textarea when it has `rows`, else one line, with its copy button and status. */
function CopyField({ id, label, value, rows, button, copied }: { id: string; label: string; value: string; rows?: number; button: string; copied: string }) {
  return (
    <div className="copy-field">
      <label htmlFor={id}>{label}</label>
      {rows ? <textarea id={id} readOnly rows={rows} value={value} /> : <input id={id} readOnly value={value} />}
      <div className="copy-field__actions">
        <CopyButton target={id} status={`${id}-status`} copied={copied}>
          {button}
        </CopyButton>
        <span id={`${id}-status`} role="status" />
      </div>
    </div>
  );
}
