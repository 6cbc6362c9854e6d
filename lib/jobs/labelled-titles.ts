// Job titles labelled with the occupation they belong to, as the title classifier learns from
// them: the catalogue's own occupation titles (BLS), SOC's direct-match titles and O*NET's
// alternate and reported titles. db/data/job-titles/PROVENANCE.md says where each file comes from.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';

/**
 * O*NET's titles may only be shown with this credit (CC BY 4.0); the classifier's evidence quotes
 * them, so a page showing a placement shows this too.
 */
export const onetTitlesAttribution =
  'This site includes information from the O*NET 29.3 Database by the U.S. Department of Labor, Employment and Training Administration (USDOL/ETA). Used under the CC BY 4.0 license. O*NET® is a trademark of USDOL/ETA. The job titles were modified: some were left out, and titles of finer O*NET occupations are counted in the SOC occupation they belong to.';

/** Where a title comes from, strongest first: an occupation's own name says more than one worker's wording. */
export type TitleSource = 'occupation' | 'direct-match' | 'alternate' | 'reported';

export type LabelledTitle = {
  title: string;
  /** The catalogue's occupation: a detailed occupation of the BLS national file (OCC_CODE). */
  socCode: string;
  source: TitleSource;
};

export type LabelledTitles = {
  /** The catalogue's occupations and their BLS titles, in code order. */
  occupations: { socCode: string; title: string }[];
  titles: LabelledTitle[];
};

// Read from the working directory, which is the project in scripts, tests and `next start` alike;
// a path from this module's own URL would point into Next.js's build output.
const dataDirectory = path.join(process.cwd(), 'db/data');

type CsvRow = Record<string, string>;

function readGzippedCsv(relativePath: string): CsvRow[] {
  return parse<CsvRow>(gunzipSync(readFileSync(path.join(dataDirectory, relativePath))), { columns: true, bom: true });
}

/**
 * The catalogue occupation a SOC 2018 code is counted in: itself, or, where BLS publishes a group
 * instead (13-1020 for the buyers and purchasing agents, 21-1018 for three kinds of counselors),
 * the one group of its SOC broad group that is not a SOC detailed occupation — the same rule as
 * db/catalogue/us-occupations.ts, read backwards.
 */
function catalogueCodeResolver(catalogueCodes: Set<string>, socDetailedCodes: Set<string>) {
  const groupsOfBroadGroup = new Map<string, string[]>();
  for (const code of catalogueCodes) {
    if (socDetailedCodes.has(code)) continue;
    const broadGroup = code.slice(0, 6);
    groupsOfBroadGroup.set(broadGroup, [...(groupsOfBroadGroup.get(broadGroup) ?? []), code]);
  }
  return (socCode: string): string | undefined => {
    if (catalogueCodes.has(socCode)) return socCode;
    const groups = groupsOfBroadGroup.get(socCode.slice(0, 6));
    return groups?.length === 1 ? groups[0] : undefined;
  };
}

/** Every labelled title, each under the catalogue occupation its code rolls up to; titles of codes outside the catalogue are left out. */
export function readLabelledTitles(): LabelledTitles {
  const occupations = readGzippedCsv('us-occupations/oews_national_M2024.csv.gz')
    .filter((row) => row.O_GROUP === 'detailed')
    .map((row) => ({ socCode: row.OCC_CODE!, title: row.OCC_TITLE! }))
    .sort((a, b) => a.socCode.localeCompare(b.socCode));
  const socDetailed = readGzippedCsv('us-occupations/soc_2018_definitions.csv.gz').filter((row) => row['SOC Group'] === 'Detailed');
  const catalogueCodeOf = catalogueCodeResolver(new Set(occupations.map((occupation) => occupation.socCode)), new Set(socDetailed.map((row) => row['SOC Code']!)));

  const titles: LabelledTitle[] = occupations.map((occupation) => ({ ...occupation, source: 'occupation' }));
  const add = (code: string, title: string | undefined, source: TitleSource) => {
    const socCode = catalogueCodeOf(code);
    const cleaned = title?.replace(/\s+/g, ' ').trim();
    if (socCode && cleaned) titles.push({ title: cleaned, socCode, source });
  };
  // SOC's own names of the occupations that BLS publishes only as part of a group.
  for (const row of socDetailed) add(row['SOC Code']!, row['SOC Title'], 'occupation');
  for (const row of readGzippedCsv('us-occupations/soc_2018_direct_match_titles.csv.gz')) add(row['2018 SOC Code']!, row['2018 SOC Direct Match Title'], 'direct-match');
  const onetCodeToSoc = (onetCode: string) => onetCode.slice(0, 7);
  const onetOccupationTitles = new Map<string, string>();
  for (const row of readGzippedCsv('job-titles/onet_29_3_alternate_titles.csv.gz')) {
    const onetCode = row['O*NET-SOC Code']!;
    onetOccupationTitles.set(onetCode, row.Title!);
    add(onetCodeToSoc(onetCode), row['Alternate Title'], 'alternate');
    add(onetCodeToSoc(onetCode), row['Short Title'], 'alternate');
  }
  for (const row of readGzippedCsv('job-titles/onet_29_3_sample_of_reported_titles.csv.gz')) {
    onetOccupationTitles.set(row['O*NET-SOC Code']!, row.Title!);
    add(onetCodeToSoc(row['O*NET-SOC Code']!), row['Reported Job Title'], 'reported');
  }
  // O*NET's finer occupations ("Web Administrators" under 15-1299) are names of their SOC occupation's work.
  for (const [onetCode, title] of onetOccupationTitles) add(onetCodeToSoc(onetCode), title, 'occupation');
  return { occupations, titles };
}
