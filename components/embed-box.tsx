// "Embed or share", folded away at the end of a role page: the page's address with copy and print
// buttons, and the iframe and badge snippets with a preview and a copy button each (the buttons
// appear only where JavaScript runs). A plain <details>, so it opens without JavaScript too.
import { badgeOf, badgeWidth } from '@/lib/api/badge';
import { cardTitleOf, type CardRole } from '@/lib/api/card-role';
import { badgeSnippet, iframeSize, iframeSnippet, widgetUrl } from '@/lib/api/embed-snippet';
import { CopyField } from './copy-field';
import { CopyButton, PrintButton } from './enhanced-buttons';

/** For a role, or a role in a state (its card and badge show the state's figures). */
export function EmbedBox({ siteUrl, role }: { siteUrl: string; role: CardRole }) {
  const state = role.inState?.state;
  const iframe = iframeSnippet(siteUrl, role);
  const previewSize = iframeSize(role, { compact: false });
  const badge = badgeSnippet(siteUrl, role, state);
  const pageUrl = `${siteUrl}/roles/${role.slug}${state ? `/states/${state.slug}` : ''}`;
  const badgeQuery = state ? `?state=${state.slug}` : '';
  const title = cardTitleOf(role);
  return (
    <section aria-labelledby="embed-or-share" className="embed-box">
      <details>
        <summary>
          <h2 id="embed-or-share">Embed or share</h2>
        </summary>
        <div className="share">
          <label htmlFor="share-link">Link to this page</label>
          <div className="share__row">
            <input id="share-link" readOnly value={pageUrl} />
            <CopyButton target="share-link" status="share-status" copied="Link copied">
              Copy link
            </CopyButton>
            <PrintButton />
            <span id="share-status" role="status" className="share__status" />
          </div>
        </div>
        <p>
          Show these numbers on your own site. The card updates itself whenever we update the role, and costs your page no
          JavaScript. <a href="/developers">More options, the API and oEmbed</a>.
        </p>
        <div className="embed-box__grid">
          <div>
            <CopyField id="embed-iframe" label="Card (iframe)" value={iframe} rows={4} button="Copy card HTML" copied="Card HTML copied" />
            <iframe
              src={widgetUrl('', role.slug, undefined, state)}
              title={`Preview: ${title} salary statistics card`}
              width={previewSize.width}
              height={previewSize.height}
              loading="lazy"
              className="embed-box__preview"
            />
          </div>
          <div>
            <CopyField id="embed-badge" label="Badge" value={badge} rows={3} button="Copy badge HTML" copied="Badge HTML copied" />
            {/* eslint-disable-next-line @next/next/no-img-element -- an SVG served by our own API, shown as embedders will see it */}
            <img src={`${siteUrl}/api/v1/roles/${role.slug}/badge.svg${badgeQuery}`} alt={`${title} average salary badge`} width={badgeWidth(badgeOf(role, 'salary'))} height={20} />
          </div>
        </div>
      </details>
    </section>
  );
}
