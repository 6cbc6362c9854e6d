// STAND-IN, TO BE REPLACED: the real title classifier is being built on another branch, and the
// merge takes its lib/jobs/title-classifier.ts in place of this file. Until then this one keeps
// the same signature and answers only exact matches (any case, any spacing) of a title with an
// occupation's O*NET title or one of its alternate titles (db/data/job-titles), so that imports
// place the obvious postings and leave every other one to editors. Nothing else may depend on
// how it works: db/job-import.ts calls classifyJobTitle and nothing more.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';

export type TitleClassification = {
  socCode: string | null;
  score: number;
  evidence: string;
  placed: boolean;
  candidates: { socCode: string; score: number }[];
};

const titlesFile = path.join(process.cwd(), 'db/data/job-titles/onet_29_3_alternate_titles.csv.gz');
const normalise = (title: string) => title.trim().toLowerCase().replace(/\s+/g, ' ');

let socCodesByTitle: Map<string, Set<string>> | null = null;

function titleIndex() {
  if (socCodesByTitle) return socCodesByTitle;
  socCodesByTitle = new Map();
  const rows = parse<Record<string, string>>(gunzipSync(readFileSync(titlesFile)), { columns: true, bom: true });
  for (const row of rows) {
    const socCode = (row['O*NET-SOC Code'] ?? '').slice(0, 7);
    for (const title of [row.Title, row['Alternate Title']]) {
      if (!title) continue;
      const key = normalise(title);
      const codes = socCodesByTitle.get(key) ?? new Set<string>();
      socCodesByTitle.set(key, codes.add(socCode));
    }
  }
  return socCodesByTitle;
}

export function classifyJobTitle(title: string): TitleClassification {
  const codes = [...(titleIndex().get(normalise(title)) ?? [])];
  if (codes.length === 1) {
    return { socCode: codes[0]!, score: 1, evidence: `The title is an O*NET title of ${codes[0]} exactly.`, placed: true, candidates: [{ socCode: codes[0]!, score: 1 }] };
  }
  const candidates = codes.map((socCode) => ({ socCode, score: 1 / codes.length }));
  return {
    socCode: null,
    score: 0,
    evidence: codes.length > 1 ? `The title is an O*NET title of ${codes.length} occupations.` : 'No O*NET title matches this title exactly.',
    placed: false,
    candidates,
  };
}
