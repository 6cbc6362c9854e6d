// The developers page's card builder: a plain GET form (role, theme, size, locale) that answers
// with the snippets for exactly that card, a live preview of it and its oEmbed address. The role is
// typed as a title: a name that could mean several roles offers them to pick from, and one that
// means none says so; either way no snippet is shown for a role nobody picked. It works without
// JavaScript; with it (public/enhance.js) the title box suggests roles as you type and a pick
// builds its card, and copy buttons appear beside the snippets.
import type { RoleDetail } from '@/db/role-reads';
import { embedQuery, type EmbedChoice } from '@/lib/api/embed-options';
import { badgeMarkdown, badgeSnippet, iframeSize, iframeSnippet, widgetUrl } from '@/lib/api/embed-snippet';
import { ChoiceOptions } from './choice-field';
import { CopyField } from './copy-field';
import { LabelledInput } from './labelled-input';

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
  /** The role whose card is built: the one asked for, or the example when none was; null when the name asked for means none or several. */
  role: RoleDetail | null;
  /** The roles the name asked for could mean, when it could mean several. */
  choices: { slug: string; title: string }[];
  choice: EmbedChoice;
};

export function EmbedConfigurator({ siteUrl, role, choices, choice }: Props) {
  const { options, roleName } = choice;
  // A locale from the address that is not in the list is offered too, so the form shows what the card uses.
  const localeChoices = locales.some(({ value }) => value === options.locale) ? locales : [...locales, { value: options.locale, label: options.locale }];
  const optionQuery = embedQuery(options).slice(1);
  const choiceHref = (slug: string) => `/developers?role=${slug}${optionQuery ? `&${optionQuery}` : ''}#widget`;
  return (
    <div className="configurator">
      <form method="get" action="/developers#widget" className="configurator__form" aria-label="Build a card">
        <LabelledInput
          id="card-role"
          label="Role"
          name="role"
          type="text"
          list="card-role-suggestions"
          data-suggest="card-role-suggestions"
          defaultValue={role?.title ?? roleName ?? ''}
          aria-describedby="card-role-hint"
          autoComplete="off"
          spellCheck={false}
        >
          <datalist id="card-role-suggestions">
            {choices.map(({ slug, title }) => (
              <option key={slug} value={title}>
                {title}
              </option>
            ))}
          </datalist>
          <p id="card-role-hint" className="hint">
            A job title, e.g. <i>Registered Nurses</i>, or the address of its page.
          </p>
        </LabelledInput>
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
            <ChoiceOptions choices={localeChoices} />
          </select>
        </div>
        <button type="submit">Show this card</button>
      </form>

      <div className="configurator__result">
        {choice.ignored.length > 0 && (
          <div className="notice" role="status">
            {choice.ignored.map(({ name, value, reason }) => (
              <p key={name}>
                “{value}” {reason}, so {name === 'role' ? 'no card is shown' : `the card uses the default (${defaultLabels[name as keyof typeof defaultLabels]})`}.
              </p>
            ))}
          </div>
        )}
        {role ? (
          <RoleCard siteUrl={siteUrl} role={role} choice={choice} />
        ) : choices.length > 1 ? (
          <div className="notice" role="status">
            <p>
              Several roles match “{roleName}”. Pick one to build its card:
            </p>
            <ul className="configurator__choices" aria-label={`Roles matching “${roleName}”`}>
              {choices.map(({ slug, title }) => (
                <li key={slug}>
                  <a href={choiceHref(slug)}>{title}</a>
                </li>
              ))}
            </ul>
          </div>
        ) : (
          roleName !== undefined && (
            <p className="notice" role="status">
              No role matches “{roleName}”, so there is no card to show. Try another title, or part of one, such as “nurse”.
            </p>
          )
        )}
      </div>
    </div>
  );
}

/** The chosen role's preview and every snippet for it, each with its copy button. */
function RoleCard({ siteUrl, role, choice: { options } }: { siteUrl: string; role: RoleDetail; choice: EmbedChoice }) {
  const size = iframeSize(role, options);
  const oembedUrl = `${siteUrl}/api/oembed?url=${encodeURIComponent(`${siteUrl}/roles/${role.slug}`)}`;
  return (
    <>
      <h3 id="card-preview-heading">Preview: {role.title}</h3>
      <iframe
        src={widgetUrl('', role.slug, options)}
        title={`Preview: ${role.title} salary statistics card`}
        width={size.width}
        height={size.height}
        className="configurator__preview"
      />
      <CopyField id="card-snippet" label="HTML for your page" value={iframeSnippet(siteUrl, role, options)} rows={4} button="Copy HTML" copied="HTML copied" />
      <CopyField id="card-badge" label="Badge (HTML)" value={badgeSnippet(siteUrl, role)} rows={3} button="Copy badge HTML" copied="Badge HTML copied" />
      <CopyField id="card-badge-markdown" label="Badge (Markdown, for a README)" value={badgeMarkdown(siteUrl, role)} rows={2} button="Copy Markdown" copied="Markdown copied" />
      <CopyField id="card-oembed" label="oEmbed address" value={oembedUrl} button="Copy address" copied="Address copied" />
    </>
  );
}
