import type { Metadata } from 'next';
import Link from 'next/link';
import { Fragment } from 'react';
import { EmbedConfigurator } from '@/components/embed-configurator';
import { parseEmbedChoice } from '@/lib/api/embed-options';
import { badgeSnippet } from '@/lib/api/embed-snippet';
import { onetAttribution } from '@/db/catalogue/us-occupation-texts';
import { catalogueColumnDescriptions, catalogueColumns } from '@/lib/catalogue-csv';
import { formatByteSize, formatCount } from '@/lib/domain/format';
import { onetTitlesAttribution } from '@/lib/jobs/labelled-titles';
import { payAnnualisationRule } from '@/lib/jobs/pay';
import { postingSources } from '@/lib/jobs/posting-display';
import { POSTING_FILE_LIMITS } from '@/lib/jobs/posting-file';
import { postingCsvColumnDescriptions, postingCsvColumns, requiredPostingCsvColumns } from '@/lib/jobs/posting-csv';
import { educationLevels } from '@/lib/education';
import { env } from '@/lib/env';
import { findRolesNamed, getRole } from '@/lib/server/cached-public-reads';
import { ColumnHeadings } from '@/components/column-headings';

export const metadata: Metadata = {
  title: 'Developers: API, widget, oEmbed and badge',
  description: 'Show Roleboard role statistics on your site: a read-only JSON API, an embeddable card, oEmbed and SVG badges.',
  alternates: { canonical: '/developers' },
};

/** The role the examples and the card builder start from: a real, popular occupation. */
const example = { slug: 'software-developers', title: 'Software Developers' };
/** Shown should the example ever be unpublished. */
const fallbackExample = 'backend-software-engineer';
/** How many roles a name that could mean several offers to pick from. */
const MAX_CHOICES = 8;

/** The card builder's role: the example when none was asked for; the one role a name means; else what it could mean. */
async function chooseRole(roleName: string | undefined) {
  if (roleName === undefined) return { role: (await getRole(example.slug)) ?? (await getRole(fallbackExample)), choices: [] };
  const choices = await findRolesNamed(roleName, { excluded: [], limit: MAX_CHOICES });
  // A title picked from the suggestions is that role, even when other titles contain it.
  const picked = choices.length === 1 ? choices[0] : choices.find((option) => option.title.toLowerCase() === roleName.toLowerCase());
  return picked ? { role: await getRole(picked.slug), choices: [] } : { role: null, choices };
}

function Code({ children }: { children: string }) {
  return (
    <pre className="code">
      <code>{children}</code>
    </pre>
  );
}

/** A request line that may break after a slash on a phone, never inside a name ("{s lug}"). */
function Endpoint({ path }: { path: string }) {
  return (
    <code>
      GET{' '}
      {path.split('/').map((part, index) => (
        <Fragment key={index}>
          {index > 0 && '/'}
          <wbr />
          {part}
        </Fragment>
      ))}
    </code>
  );
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** A CSV format's columns, each with what it holds and, where a file must have it, "(required)". */
function CsvColumns<Column extends string>({
  label,
  columns,
  descriptions,
  required = [],
}: {
  label: string;
  columns: readonly Column[];
  descriptions: Record<Column, string>;
  required?: readonly Column[];
}) {
  return (
    <dl className="csv-columns" aria-label={label}>
      {columns.map((column) => (
        <div key={column}>
          <dt>
            <code>{column}</code>
            {required.includes(column) && ' (required)'}
          </dt>
          <dd>{descriptions[column]}</dd>
        </div>
      ))}
    </dl>
  );
}

export default async function DevelopersPage({ searchParams }: Props) {
  const site = env.SITE_URL();
  const choice = parseEmbedChoice(await searchParams);
  const { role, choices } = await chooseRole(choice.roleName);
  const roleUrl = `${site}/roles/${example.slug}`;
  return (
    <article className="prose">
      <h1>Developers</h1>
      <p className="lede">
        Everything on Roleboard is free to show on your own site. No key, no sign-up; please link back to the role page.
      </p>

      <section aria-labelledby="widget">
        <h2 id="widget">Embed a role card</h2>
        <p>
          One line of HTML. The card is plain HTML and CSS (no JavaScript, no trackers, under 10 kB) and always shows the
          current numbers.
        </p>
        <EmbedConfigurator siteUrl={site} role={role} choices={choices} choice={choice} />
        <p>
          Options go in the card’s URL: <code>theme=light|dark|auto</code>, <code>compact=1</code> for the average salary alone,
          and <code>locale</code> (for example <code>de-DE</code>) for the language (English, German, French or Spanish) and the
          number format. Unknown values fall back to the defaults. The snippet’s height is the card’s own, which depends on the
          role’s figures and the options, so take the snippet from here or from oEmbed rather than writing one by hand.
        </p>
        <Code>{`${site}/embed/${example.slug}?theme=dark&compact=1&locale=en-GB`}</Code>
      </section>

      <section aria-labelledby="oembed">
        <h2 id="oembed">oEmbed</h2>
        <p>
          Platforms that understand oEmbed (WordPress, Ghost, Notion and others) only need the role page’s URL. Every role page
          links to its oEmbed endpoint, or call it directly (<code>format=xml</code> answers in oEmbed’s XML format):
        </p>
        <Code>{`GET ${site}/api/oembed?url=${encodeURIComponent(roleUrl)}&format=json&maxwidth=360`}</Code>
      </section>

      <section aria-labelledby="badge">
        <h2 id="badge">Badge</h2>
        <p>
          A small SVG for READMEs and course pages. <code>metric=openings</code> or <code>metric=degree</code> show the other
          numbers; <code>metric=openings-live</code> shows the role’s open job postings now (government postings placed in it,
          with <code>state=CA</code> in that state), refreshed as postings arrive and close.
        </p>
        <Code>{badgeSnippet(site, example)}</Code>
        <Code>{`![Average salary](${site}/api/v1/roles/${example.slug}/badge.svg)`}</Code>
      </section>

      <section aria-labelledby="api">
        <h2 id="api">JSON API</h2>
        <p>
          Read-only and public, with CORS open to every origin. Responses carry <code>ETag</code> and{' '}
          <code>Last-Modified</code>: send them back in <code>If-None-Match</code> / <code>If-Modified-Since</code> and an
          unchanged resource costs a <code>304</code>. Errors are <code>application/problem+json</code> (RFC 9457) and name
          every invalid parameter; a parameter an endpoint does not take is a <code>400</code> too (add no cache busters:
          use the validators). The full description is the{' '}
          <a href="/api/v1/openapi.json">OpenAPI 3.1 document</a>.
        </p>
        <table className="endpoint-table">
          <caption>Endpoints</caption>
          <ColumnHeadings columns={['Request', 'Returns']} />
          <tbody>
            <tr>
              <td>
                <Endpoint path="/api/v1/roles" />
              </td>
              <td>
                Roles matching <code>q</code> (titles, other names such as “programmer”, summaries), <code>category</code>,{' '}
                <code>minSalary</code>, <code>maxEducation</code> (typical education for entry at most this level, in BLS’s order:{' '}
                {educationLevels.map((level, index) => (
                  <Fragment key={level.slug}>
                    {index > 0 && ', '}
                    <code>{level.slug}</code>
                  </Fragment>
                ))}
                ; roles whose level is not known are left out), sorted by <code>sort=relevance|title|salary|openings|education</code>{' '}
                (best match first when there is <code>q</code>; by education, the best-paid first within a level) and{' '}
                <code>order=asc|desc</code>; <code>limit</code> up to 100; follow <code>next</code> for more. An unknown level is a 400.{' '}
                <code>maxDegree</code> (a percentage) still works but matches only roles whose degree share is known, which BLS does not
                publish. A role that <code>q</code> names (“data scientist”, “RN”) comes first; a state named in{' '}
                <code>q</code> (“nurse texas”, “plumber TX”) is read as <code>state</code>, and <code>searchedAs</code> says so; when no role
                has the words of <code>q</code>, each is corrected to the closest words of roles’ names, and <code>correctedQ</code> gives
                the words searched (“regsitered nurses” → “registered nurses”).
              </td>
            </tr>
            <tr>
              <td>
                <Endpoint path="/api/v1/roles/{slug}" />
              </td>
              <td>
                One role: SOC code, other names, stats (employment, openings, average salary, percentiles with any top-coded ones
                marked, hourly wages, typical education, employment outlook), as-of date, source and its link, the attribution its text
                requires, version. A figure that is not known is <code>null</code>. <code>provenance</code> says where each
                figure comes from: the source, or <code>&quot;Roleboard editors&quot;</code> with <code>editedAt</code> and the
                editor&apos;s <code>note</code> where an editor changed it. <code>postings</code> sums up the role’s government job
                postings: open and recent counts, the pay range midpoints’ quartiles, how many ask for a degree, per source; null when it has
                none.
              </td>
            </tr>
            <tr>
              <td>
                <Endpoint path="/api/v1/roles/{slug}/history" />
              </td>
              <td>Every change of the role’s stats, oldest first.</td>
            </tr>
            <tr>
              <td>
                <Endpoint path="/api/v1/roles/{slug}/areas" />
              </td>
              <td>The role’s figures in each of the 50 states and DC: employment, jobs per 1,000, location quotient, mean and percentile wages (BLS May 2024). A figure BLS does not publish is null.</td>
            </tr>
            <tr>
              <td>
                <Endpoint path="/api/v1/areas" />
              </td>
              <td>The 50 states and DC, with their postal codes, FIPS codes and slugs.</td>
            </tr>
            <tr>
              <td>
                <Endpoint path="/api/v1/roles.csv" />
              </td>
              <td>
                Every published role as CSV, one row each with every field (lists as JSON arrays). The same format imports
                back: <code>npm run data:import</code> and the admin import page read it.
              </td>
            </tr>
            <tr>
              <td>
                <Endpoint path="/api/v1/jobs" />
              </td>
              <td>
                Government job postings (USAJOBS, New York City), open ones unless <code>status=all</code>, with the parameters of the{' '}
                <Link href="/jobs">job search</Link>: <code>q</code>, <code>occupation</code> (a role’s slug), <code>state</code>,{' '}
                <code>city</code>, <code>remote</code>, <code>minPay</code> (a year), <code>maxEducation</code>,{' '}
                <code>postedWithin</code> (days), <code>sort=newest|pay</code>; <code>limit</code> up to 100; follow <code>next</code> (also
                in the <code>Link</code> header) for more.
              </td>
            </tr>
            <tr>
              <td>
                <Endpoint path="/api/v1/jobs/{id}" />
              </td>
              <td>One posting, open or closed: its text, pay as advertised and as a year’s, education asked, how it was placed on its occupation, and that occupation’s official pay beside it.</td>
            </tr>
            <tr>
              <td>
                <Endpoint path="/api/v1/roles/{slug}/jobs" />
              </td>
              <td>The role’s postings, with the same parameters but <code>occupation</code>.</td>
            </tr>
            <tr>
              <td>
                <Endpoint path="/api/v1/jobs.csv" />
              </td>
              <td>The postings a search finds as CSV, in its order, at most 10,000 rows.</td>
            </tr>
            <tr>
              <td>
                <Endpoint path="/jobs/feed.atom" />, <Endpoint path="/jobs/feed.json" />
              </td>
              <td>
                Atom and JSON Feed of the newest postings of any job search (the same parameters), and of one role’s at{' '}
                <code>/roles/{'{slug}'}/jobs/feed.atom</code> and <code>.json</code>. A posting leaves every open count, search and feed
                within minutes of its closing date.
              </td>
            </tr>
            <tr>
              <td>
                <Endpoint path="/api/v1/roles/{slug}/badge.svg" />
              </td>
              <td>The badge above.</td>
            </tr>
          </tbody>
        </table>
        <Code>{`curl ${site}/api/v1/roles/${example.slug}`}</Code>
        <Code>{`curl '${site}/api/v1/roles?q=engineer&sort=salary&limit=5'`}</Code>
      </section>

      <section aria-labelledby="csv">
        <h2 id="csv">The CSV format</h2>
        <p>
          <code>/api/v1/roles.csv</code> has one row per role with these columns, in this order. It is UTF-8 with CRLF line
          endings and RFC 4180 quoting. An empty cell is a figure that is not known; numbers are plain digits, without
          separators or currency signs; list cells hold JSON arrays. A text cell that a spreadsheet would run as a formula
          (starting with <code>=</code>, <code>+</code>, <code>-</code> or <code>@</code>) is written with a leading
          apostrophe. Files in this format import back unchanged, through <code>npm run data:import</code> or the admin
          area&apos;s import page (at most 5 MB and 10,000 rows a file).
        </p>
        <p>
          An import may also give only some columns: the key, <code>slug</code> (or <code>soc_code</code> in a file
          without a slug column), and the columns to change, e.g. <code>slug,average_salary</code>. Each row then changes
          only those fields; every other field stays as it is. Groups go whole: the five salary percentiles (with{' '}
          <code>salary_top_coded</code> if any is top-coded) and the five outlook columns are all in the file or none of
          them. Only a file with every column can add a role; a row whose key no role has is refused, naming the columns a
          new role needs. Unknown column names are refused too. A row that would change a figure or text an editor set
          by hand is left alone unless the import is told to overwrite edited roles; rows that change only other fields are
          applied, and the editor&apos;s values stay.
        </p>
        <CsvColumns label="Columns of the CSV file" columns={catalogueColumns} descriptions={catalogueColumnDescriptions} />
      </section>

      <section aria-labelledby="postings-csv">
        <h2 id="postings-csv">Job postings CSV</h2>
        <p>
          Editors import job postings at /admin/jobs/import (at most {formatByteSize(POSTING_FILE_LIMITS.upload.maxBytes)} and{' '}
          {formatCount(POSTING_FILE_LIMITS.upload.maxRows)} postings a file), and operators with <code>npm run jobs:import -- FILE [--dry-run]</code> (at most{' '}
          {formatByteSize(POSTING_FILE_LIMITS.commandLine.maxBytes)}). Besides this CSV format, an import reads schema.org <code>JobPosting</code> JSON-LD (an array or an{' '}
          <code>ItemList</code>) and the USAJOBS and NYC Jobs data sets in their own columns. A posting is identified by <code>source</code> and <code>source_id</code>:
          importing it again updates it, and an unchanged one is left alone. A file with any invalid row is refused whole, each problem named with its line. Text is
          stored as plain text. {payAnnualisationRule}
        </p>
        <CsvColumns
          label="Columns of the job postings CSV file"
          columns={postingCsvColumns}
          descriptions={postingCsvColumnDescriptions}
          required={requiredPostingCsvColumns}
        />
      </section>

      <section aria-labelledby="sources">
        <h2 id="sources">Data sources and attribution</h2>
        <p>
          The figures of U.S. occupations come from the U.S. Bureau of Labor Statistics: Occupational Employment and Wage
          Statistics (national estimates, May 2024 and May 2023: employment, mean and percentile wages) and Employment
          Projections 2024–34 (openings a year, projected employment, typical education, experience and training); names and
          definitions from the 2018 Standard Occupational Classification. All are public domain. Where BLS publishes a wage
          only as at or above its top code, we say “$239,200 or more”; where it publishes none, we say so. Every role and API
          response names its source, as-of date and a link to the publication.
        </p>
        <p>
          Task statements (and a few descriptions) come from O*NET. Wherever they are shown or served (role pages, the API’s{' '}
          <code>attribution</code> field, the CSV’s <code>content_attribution</code> column), this credit goes with them, and so
          must it on your site:
        </p>
        <blockquote>{onetAttribution}</blockquote>
        <p>
          Job postings come from their publishers, as published: {postingSources.usajobs!.credit} (public domain) and{' '}
          {postingSources['nyc-jobs']!.credit}. Both are government postings: real, but not the whole labour market, as every
          page and answer that shows their figures says. Each posting is placed in its occupation by a title classifier that
          learned from job titles labelled with their occupation, and where it shows why (a known title), this credit goes with it:
        </p>
        <blockquote>{onetTitlesAttribution}</blockquote>
      </section>
    </article>
  );
}
