// Places a job title as advertised ("IT SPECIALIST (INFOSEC)", "Sr. Software Engineer") in the
// catalogue's SOC 2018 occupation, learning from titles labelled with their occupation
// (./labelled-titles.ts). A title known as it stands (after normalising) takes its label's
// occupation; any other is matched word by word against each occupation's closest title and all
// its titles' words pooled, rare words counting most. Every placement says why, in words a person
// can check.
// How well it does, measured on titles it never saw: docs/benchmarks.md, `npm run classifier-quality`.
import { capitalsOnlyAbbreviations, jobAdAbbreviations, titleAbbreviations } from '@/lib/search-text';
import { readLabelledTitles, type LabelledTitle, type LabelledTitles, type TitleSource } from './labelled-titles';

/**
 * The confidence from which a title counts as placed: chosen on real posting titles labelled by
 * hand and never tuned on, where about four in five placed titles are in the right occupation (82 %
 * measured; 78 % on the rarer held-out O*NET titles). Higher thresholds gain little accuracy and
 * leave most postings to editors: docs/benchmarks.md.
 */
export const PLACEMENT_THRESHOLD = 0.4;

export type OccupationCandidate = {
  socCode: string;
  /** How well the title matches this occupation, 0..1. */
  score: number;
};

export type TitlePlacement = {
  /** The most likely occupation; null when no word of the title is known. */
  socCode: string | null;
  /** Confidence that socCode is right, 0..1: how strong its match is and how far ahead of the next occupation. */
  score: number;
  /** Why, for people: `known title "…"` or the title's words that matched and the closest known title. */
  evidence: string;
  placed: boolean;
  /** The best three occupations, best first. */
  candidates: OccupationCandidate[];
};

export type OccupationSuggestion = OccupationCandidate & { evidence: string };

// ---- Reading a title ------------------------------------------------------------------------

/**
 * Words that say nothing about the occupation: seniority, grades, hours, filler. Not "career",
 * "day", "night", "shift" or "part", which are also words of titles (Career Counselor, Day Care
 * Worker, Night Auditor, Shift Supervisor, Parts Clerk); phrases of hours go first, whole.
 */
const noisePhrases = /\b(?:full|part)[\s-]*time\b|\bper[\s-]+diem\b|\bsign[\s-]+on\s+bonus\b|\bentry[\s-]+level\b|\bnew\s+grad(?:uate)?\b|\bdirect\s+hire(?:\s+authority)?\b|\bteam\s+lead(?:er)?\b|\bopen\s+continuous(?:\s+announcement)?\b/gi;

/**
 * What public employers add to a title about the appointment, not the job: federal hiring
 * authorities and terms ("Recent Graduate", "Term NTE 4yrs", "Title 32", "GS-2210-15", "(DH)"),
 * and "Public Notice for". Measured on labelled real posting titles (tests/fixtures/posting-titles-*.tsv).
 */
const appointmentPhrases =
  /\brecent\s+graduates?\b|\b(?:term|temporary\s+promotion)\b[^()]*?\bnte\b[^()]*|\bnte\s+\d+\s*\w*|\btitle\s+32\b|\bt32\b|\b(?:fpl\s+)?gs-?\d{1,4}(?:-\d{1,2})?\b|\(dh\)|\bpublic\s+notice\s+for\b|\b(?:cms\s+)?fellows\s+appointment\b|\bl\d\b/gi;

/**
 * The unit a city's title names after a comma ("Public Health Nurse, Bureau of Public Health
 * Clinics"): the bureau's words would outvote the job's.
 */
const organisationClause = /,\s*(?:the\s+)?(?:bureau|office|division|department|unit|center|centre|agency)\b.*$/i;
const noiseWords = new Set(
  `senior junior i ii iii iv v vi level lvl grade gs fulltime parttime remote hybrid onsite temporary seasonal experienced
  prn hourly immediate immediately hiring urgent urgently now needed wanted opportunity opportunities position positions
  opening openings the of and for in at a an with or to on`.split(/\s+/),
);

// A Map, not an object: a title may hold "constructor" or "toString". Job-ad shorthand wins where both spell a word out.
const abbreviations = new Map(Object.entries({ ...titleAbbreviations, ...jobAdAbbreviations }));
const capitalsOnly = new Map(Object.entries(capitalsOnlyAbbreviations));

/**
 * A light suffix stemmer: plurals only ("nurses" → "nurse", "secretaries" → "secretary"), as
 * titles differ mostly in number; a heavier stemmer would merge "nursing" (an aide) with "nurse".
 */
function stem(word: string): string {
  if (word.length <= 3) return word;
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (/(ss|x|ch|sh)es$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s') && !/(ss|us|is)$/.test(word)) return word.slice(0, -1);
  return word;
}

type TitleWord = { stem: string; shown: string };

function wordsOf(text: string): TitleWord[] {
  const words: TitleWord[] = [];
  for (const [raw] of text.matchAll(/[\p{L}\p{N}']+/gu)) {
    const expansion = capitalsOnly.get(raw) ?? abbreviations.get(raw.toLowerCase().replace(/'/g, ''));
    for (const word of (expansion ?? raw.toLowerCase()).split(' ')) {
      const bare = word.replace(/'s?$|'/g, '');
      if (bare === '' || noiseWords.has(bare) || /^\d+$/.test(bare)) continue;
      words.push({ stem: stem(bare), shown: bare });
    }
  }
  return words;
}

/**
 * A title's words, abbreviations spelled out and noise left out. What is in brackets or after a
 * dash counts as much as the rest: in "IT Specialist (INFOSEC)" the brackets say which job it is
 * (measured on held-out titles, weighing such qualifiers at half made no difference).
 */
function readTitle(title: string): TitleWord[] {
  return wordsOf(coreOf(title).replace(/&/g, ' and ').replace(/[./]/g, ' '));
}

/** The title less noise, appointment terms and the organisation it names. */
function coreOf(title: string): string {
  return title.replace(organisationClause, ' ').replace(appointmentPhrases, ' ').replace(noisePhrases, ' ');
}

/**
 * Shorter readings of a title that may be a known title as they stand, most of the title first:
 * without what is in brackets, and each part between dashes, commas or colons ("Registered
 * Nurse - ICU" → "Registered Nurse").
 */
function partsOf(title: string): string[] {
  const core = coreOf(title);
  const unbracketed = core.replace(/\([^)]*\)?/g, ' ');
  const parts = unbracketed.split(/\s[-–—]\s|[-–—](?=[A-Z][a-z])|[,:;]/).map((part) => part.trim()).filter(Boolean);
  return [unbracketed, ...parts];
}

/** The key under which a title counts as the same title: its distinct stems in order of the alphabet, so "Manager, Sales" is "Sales Manager". */
function keyOf(words: TitleWord[]): string {
  return [...new Set(words.map((word) => word.stem))].sort().join(' ');
}

export function titleKey(title: string): string {
  return keyOf(readTitle(title));
}

// ---- Holding titles out for measuring -------------------------------------------------------

/** FNV-1a: a hash that is the same on every machine and in every run. */
function stableHash(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/**
 * One in five labelled titles, chosen by their key's hash, which the measured model never sees
 * (so the same title under another spelling or occupation is held out with it). Occupations' own
 * names always stay in: every occupation has to be reachable.
 */
export function isHeldOutTitle(title: LabelledTitle): boolean {
  return title.source !== 'occupation' && stableHash(titleKey(title.title)) % 5 === 0;
}

// ---- The model ------------------------------------------------------------------------------

/** What each kind of title counts as when a known title has several occupations. */
const votesOfSource: Record<TitleSource, number> = { occupation: 3, 'direct-match': 2, alternate: 1, reported: 1 };

// Measured on held-out titles, weighing the head noun (the last word) up or adding pairs of
// neighbouring words as terms made matches worse: titles name the same job in any order
// ("Manager, Sales"), and rare words are what tell occupations apart.

/** A known title found in a part of the title counts this much of a whole-title match. */
const PART_OF_TITLE_SHARE = 0.8;

/** A word match weighs the occupation's closest title this much, its pooled words the rest (measured: 0.3 and 0.7 do worse). */
const closestTitleShare = 0.5;

type Term = { term: string; shown: string };

/** A title's terms: each stem once. */
function termsOf(words: TitleWord[]): Term[] {
  const terms = new Map<string, Term>();
  for (const word of words) terms.set(word.stem, { term: word.stem, shown: word.shown });
  return [...terms.values()];
}

export type TitleClassifier = {
  classify(title: string): TitlePlacement;
  suggest(title: string, limit: number): OccupationSuggestion[];
  /** How many distinct titles the model knows. */
  knownTitleCount: number;
};

type Match = { socCode: string; score: number; evidence: string };

type KnownTitles = Map<string, Map<string, { votes: number; title: string; bestSource: number }>>;

/** Known titles: one per key and occupation, with its votes, named by its strongest source's spelling. */
function knownTitlesOf(titles: LabelledTitle[]): KnownTitles {
  const votesByKey: KnownTitles = new Map();
  for (const title of titles) {
    const key = titleKey(title.title);
    if (key === '') continue;
    const votes = votesByKey.get(key) ?? new Map();
    votesByKey.set(key, votes);
    const known = votes.get(title.socCode);
    const strength = votesOfSource[title.source];
    if (!known) votes.set(title.socCode, { votes: strength, title: title.title, bestSource: strength });
    else {
      known.votes += strength;
      if (strength > known.bestSource) Object.assign(known, { title: title.title, bestSource: strength });
    }
  }
  return votesByKey;
}

/**
 * The model, in flat arrays rather than an object per title and per word: a server keeps it for
 * good, and built of objects it took 50 MB of heap where this takes 15 MB (measured with
 * `process.memoryUsage()` after a full GC); a thread can also hand its arrays over without copying
 * them (./title-classifier-thread.ts). A list per term is a range of one array:
 * `titlesOfTerm[titleStart[row]..titleStart[row + 1]]`.
 */
export type ClassifierModel = {
  /** Each known title, one per key and occupation; the titles of one key are consecutive. */
  titles: string[];
  titleOccupation: Uint16Array;
  titleVotes: Uint32Array;
  /** The length of the title's vector of term weights, for cosine similarity. */
  titleNorm: Float64Array;
  titleKeyOrdinal: Uint32Array;
  /** A title key's first known title. */
  firstTitleOfKey: Map<string, number>;
  occupationCodes: string[];
  /** Each term's row in the arrays below. */
  termRow: Map<string, number>;
  /** A term's weight: rarer words weigh more (inverse document frequency over the known titles). */
  termWeight: Float64Array;
  /** The known titles with the term, in title order. */
  titleStart: Uint32Array;
  titlesOfTerm: Uint32Array;
  /** Each occupation's words pooled: the sum of its titles' normalised term weights, normalised again. */
  occupationStart: Uint32Array;
  occupationsOfTerm: Uint16Array;
  occupationWeights: Float64Array;
};

/** Lists of numbers per row as one array and where each row starts. */
function flatten<T extends Uint16Array | Uint32Array | Float64Array>(lists: number[][], ArrayType: { new (length: number): T }) {
  const start = new Uint32Array(lists.length + 1);
  lists.forEach((list, row) => (start[row + 1] = start[row]! + list.length));
  const values = new ArrayType(start[lists.length]!);
  lists.forEach((list, row) => values.set(list, start[row]!));
  return { start, values };
}

/** The model of these labelled titles. */
export function buildModel(labelled: LabelledTitle[]): ClassifierModel {
  const votesByKey = knownTitlesOf(labelled);

  const occupationCodes: string[] = [];
  const occupationIndex = new Map<string, number>();
  const indexOfOccupation = (socCode: string) => {
    let index = occupationIndex.get(socCode);
    if (index === undefined) {
      index = occupationCodes.push(socCode) - 1;
      occupationIndex.set(socCode, index);
    }
    return index;
  };

  // Each known title of an occupation is one document of the word index.
  const titles: string[] = [];
  const occupations: number[] = [];
  const votes: number[] = [];
  const keyOrdinals: number[] = [];
  const firstTitleOfKey = new Map<string, number>();
  const termRowsOfTitle: number[][] = [];
  const termRow = new Map<string, number>();
  const documentFrequency: number[] = [];
  for (const [key, votesOfKey] of votesByKey) {
    firstTitleOfKey.set(key, titles.length);
    for (const [socCode, known] of votesOfKey) {
      const rows = termsOf(readTitle(known.title)).map(({ term }) => {
        let row = termRow.get(term);
        if (row === undefined) {
          row = termRow.size;
          termRow.set(term, row);
          documentFrequency.push(0);
        }
        documentFrequency[row]!++;
        return row;
      });
      titles.push(known.title);
      occupations.push(indexOfOccupation(socCode));
      votes.push(known.votes);
      keyOrdinals.push(firstTitleOfKey.size - 1);
      termRowsOfTitle.push(rows);
    }
  }
  const termWeight = Float64Array.from(documentFrequency, (frequency) => Math.log(1 + titles.length / frequency));

  const titleNorm = new Float64Array(titles.length);
  const titleLists: number[][] = documentFrequency.map(() => []);
  termRowsOfTitle.forEach((rows, titleIndex) => {
    let squares = 0;
    for (const row of rows) {
      squares += termWeight[row]! * termWeight[row]!;
      titleLists[row]!.push(titleIndex);
    }
    titleNorm[titleIndex] = Math.sqrt(squares);
  });

  // An occupation's words pooled, so that words its titles share ("plant" and "manager" for
  // production managers) add up.
  const pooledWeights = new Map<number, Map<number, number>>();
  termRowsOfTitle.forEach((rows, titleIndex) => {
    const occupation = occupations[titleIndex]!;
    const weights = pooledWeights.get(occupation) ?? new Map<number, number>();
    pooledWeights.set(occupation, weights);
    for (const row of rows) weights.set(row, (weights.get(row) ?? 0) + termWeight[row]! / titleNorm[titleIndex]!);
  });
  const occupationLists: number[][] = documentFrequency.map(() => []);
  const weightLists: number[][] = documentFrequency.map(() => []);
  for (const [occupation, weights] of pooledWeights) {
    const norm = Math.sqrt([...weights.values()].reduce((sum, weight) => sum + weight * weight, 0));
    for (const [row, weight] of weights) {
      occupationLists[row]!.push(occupation);
      weightLists[row]!.push(weight / norm);
    }
  }

  const titlesOfTerm = flatten(titleLists, Uint32Array);
  const occupationsOfTerm = flatten(occupationLists, Uint16Array);
  return {
    titles,
    titleOccupation: Uint16Array.from(occupations),
    titleVotes: Uint32Array.from(votes),
    titleNorm,
    titleKeyOrdinal: Uint32Array.from(keyOrdinals),
    firstTitleOfKey,
    occupationCodes,
    termRow,
    termWeight,
    titleStart: titlesOfTerm.start,
    titlesOfTerm: titlesOfTerm.values,
    occupationStart: occupationsOfTerm.start,
    occupationsOfTerm: occupationsOfTerm.values,
    occupationWeights: flatten(weightLists, Float64Array).values,
  };
}

/**
 * Builds the model from labelled titles, less those `exclude` picks (for measuring on titles the
 * model never saw; the app's model excludes none).
 */
export function buildTitleClassifier({ labelled = readLabelledTitles(), exclude }: { labelled?: LabelledTitles; exclude?: (title: LabelledTitle) => boolean } = {}): TitleClassifier {
  return classifierOf(buildModel(labelled.titles.filter((title) => !exclude?.(title))));
}

/** The memory of the model's typed arrays, which a thread hands over by moving it. */
export function buffersOf(model: ClassifierModel): ArrayBuffer[] {
  return Object.values(model).flatMap((value) => (ArrayBuffer.isView(value) ? [value.buffer as ArrayBuffer] : []));
}

/** The classifier that answers from a built model. */
export function classifierOf(model: ClassifierModel): TitleClassifier {
  const { titles, titleOccupation, titleVotes, titleNorm, titleKeyOrdinal, occupationCodes, termRow, termWeight, titleStart, titlesOfTerm, occupationStart, occupationsOfTerm, occupationWeights } = model;
  /** An unknown word is as rare as the rarest: it may name the job, and the match cannot account for it. */
  const unknownWordWeight = Math.log(1 + titles.length);
  const dotProducts = new Float64Array(titles.length);

  /** The occupations of a known title's key, each with its share of the votes, best first; null for an unknown key. */
  function exactMatches(key: string): Match[] | null {
    const first = model.firstTitleOfKey.get(key);
    if (first === undefined) return null;
    let end = first;
    let total = 0;
    while (end < titles.length && titleKeyOrdinal[end] === titleKeyOrdinal[first]) total += titleVotes[end++]!;
    const matches: Match[] = [];
    for (let index = first; index < end; index++) {
      matches.push({ socCode: occupationCodes[titleOccupation[index]!]!, score: titleVotes[index]! / total, evidence: `known title "${titles[index]}"` });
    }
    return matches.sort(byScoreThenCode);
  }

  /** Each occupation's best-matching known title by cosine of the weighted terms, best occupations first. */
  function wordMatches(read: TitleWord[], limit: number): Match[] {
    let querySquares = 0;
    const touched: number[] = [];
    const weighted: (Term & { weight: number; row: number })[] = [];
    for (const term of termsOf(read)) {
      const row = termRow.get(term.term);
      const weight = row === undefined ? unknownWordWeight : termWeight[row]!;
      querySquares += weight * weight;
      if (row === undefined) continue;
      weighted.push({ ...term, weight, row });
      // A known title's weight for the term is the term's weight: each title has a term once.
      for (let posting = titleStart[row]!; posting < titleStart[row + 1]!; posting++) {
        const title = titlesOfTerm[posting]!;
        if (dotProducts[title] === 0) touched.push(title);
        dotProducts[title]! += weight * weight;
      }
    }
    const queryNorm = Math.sqrt(querySquares);
    const pooledSimilarity = new Map<number, number>();
    for (const term of weighted) {
      for (let posting = occupationStart[term.row]!; posting < occupationStart[term.row + 1]!; posting++) {
        const occupation = occupationsOfTerm[posting]!;
        pooledSimilarity.set(occupation, (pooledSimilarity.get(occupation) ?? 0) + (term.weight * occupationWeights[posting]!) / queryNorm);
      }
    }
    const best = new Map<number, { similarity: number; title: number }>();
    for (const title of touched) {
      const occupation = titleOccupation[title]!;
      const similarity = dotProducts[title]! / (queryNorm * titleNorm[title]!);
      dotProducts[title] = 0;
      const current = best.get(occupation);
      if (!current || similarity > current.similarity || (similarity === current.similarity && title < current.title)) {
        best.set(occupation, { similarity, title });
      }
    }
    const ranked = [...best]
      .map(([occupation, { similarity, title }]) => ({
        socCode: occupationCodes[occupation]!,
        score: Math.min(1, closestTitleShare * similarity + (1 - closestTitleShare) * pooledSimilarity.get(occupation)!),
        title,
      }))
      .sort(byScoreThenCode);
    // Evidence only for the matches shown: hundreds of occupations may share a word.
    return ranked.slice(0, limit).map(({ socCode, score, title }) => ({ socCode, score, evidence: wordEvidence(weighted, title) }));
  }

  function wordEvidence(queryTerms: Term[], titleIndex: number) {
    const knownTerms = new Set(termsOf(readTitle(titles[titleIndex]!)).map((term) => term.term));
    const shared = queryTerms.filter((term) => knownTerms.has(term.term)).map((term) => term.shown);
    return `words: ${shared.join(', ')} (like "${titles[titleIndex]}")`;
  }

  /**
   * A known title several occupations share equally ("Program Analyst": management analysts and
   * business operations specialists) goes first to the occupation whose titles share its words
   * most, not to the lower code. Its confidence stays low: the tie is real.
   */
  function breakTies(matches: Match[], read: TitleWord[]): Match[] {
    if (matches.length < 2 || matches[0]!.score !== matches[1]!.score) return matches;
    const byWords = new Map(wordMatches(read, 50).map((match, rank) => [match.socCode, rank]));
    const rankOf = (match: Match) => byWords.get(match.socCode) ?? Number.MAX_SAFE_INTEGER;
    return [...matches].sort((a, b) => b.score - a.score || rankOf(a) - rankOf(b) || a.socCode.localeCompare(b.socCode));
  }

  /** Matches, best first: a known title's occupations, else the word matches. */
  function matchesOf(title: string, limit: number): { matches: Match[]; exact: boolean } {
    const read = readTitle(title);
    const key = keyOf(read);
    const exact = key === '' ? null : exactMatches(key);
    if (exact) return { matches: breakTies(exact, read).slice(0, limit), exact: true };
    // A part of the title that is a known title ("Registered Nurse" of "Registered Nurse - ICU"),
    // unless the words of the whole title match some occupation better still.
    const words = key === '' ? [] : wordMatches(read, limit);
    for (const part of partsOf(title)) {
      const partKey = keyOf(readTitle(part));
      const found = partKey === '' || partKey === key ? null : exactMatches(partKey);
      const known = found && breakTies(found, readTitle(part));
      if (known && known[0]!.score >= 0.5) {
        const matches = known.map((match) => ({ ...match, score: match.score * PART_OF_TITLE_SHARE, evidence: `${match.evidence}, in "${part}"` }));
        const others = words.filter((match) => !matches.some((known) => known.socCode === match.socCode));
        return { matches: [...matches, ...others].sort(byScoreThenCode).slice(0, limit), exact: matches[0]!.score >= (others[0]?.score ?? 0) };
      }
    }
    return { matches: words, exact: false };
  }

  return {
    knownTitleCount: model.firstTitleOfKey.size,
    classify(title) {
      const { matches, exact } = matchesOf(title, 3);
      const [first, second] = matches;
      if (!first) return { socCode: null, score: 0, evidence: 'no known word', placed: false, candidates: [] };
      // A known title's score is its occupation's share of the votes, less half the next one's: 1 when
      // only one occupation knows the title, 0.5 at two votes to one, 0.25 at a tie.
      const score = exact ? first.score - (second?.score ?? 0) / 2 : wordConfidence(first.score, second?.score ?? 0);
      return {
        socCode: first.socCode,
        score,
        evidence: first.evidence,
        placed: score >= PLACEMENT_THRESHOLD,
        candidates: matches.map(({ socCode, score: candidateScore }) => ({ socCode, score: candidateScore })),
      };
    },
    suggest(title, limit) {
      return matchesOf(title, limit).matches;
    },
  };
}

/** A word match's confidence: its strength, discounted when the next occupation matches nearly as well. */
function wordConfidence(best: number, next: number) {
  const lead = best === 0 ? 0 : (best - next) / best;
  return best * (0.5 + 0.5 * lead);
}

function byScoreThenCode(a: { socCode: string; score: number }, b: { socCode: string; score: number }) {
  return b.score - a.score || a.socCode.localeCompare(b.socCode);
}

// ---- The app's model ------------------------------------------------------------------------

let appClassifier: TitleClassifier | undefined;

/** The model built from every labelled title, once, on first use. */
function classifier() {
  appClassifier ??= buildTitleClassifier();
  return appClassifier;
}

/** The occupation a job title belongs to, with the confidence, the evidence and the runners-up. */
export function classifyJobTitle(title: string): TitlePlacement {
  return classifier().classify(title);
}

/** Up to `limit` occupations a title may belong to, best first, each with its score and evidence. */
export function suggestOccupations(title: string, limit = 5): OccupationSuggestion[] {
  return classifier().suggest(title, limit);
}
