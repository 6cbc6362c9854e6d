// What search text means beyond its words: a place it names (which becomes the state filter) and
// the common abbreviations of job titles (searched as well as the letters typed). The database
// does the rest: stems, word order and "and"/"&" (db/role-reads.ts, roleboard_name_key).
import { usStates, type UsState } from './us-states';

/**
 * Abbreviations people type for a job, and what they stand for: a search for "RN" also searches
 * "registered nurse". Most occupations also list their abbreviations among their other names
 * (BLS's direct-match titles), which search finds anyway; these are the ones that do not, or that
 * are part of a longer title ("HR manager", "QA analyst"). Matched as whole words in any case,
 * except `IT`, which only in capitals is not the English word.
 */
export const titleAbbreviations: Record<string, string> = {
  rn: 'registered nurse',
  lpn: 'licensed practical nurse',
  lvn: 'licensed vocational nurse',
  cna: 'nursing assistant',
  np: 'nurse practitioner',
  cdl: 'truck driver',
  hr: 'human resources',
  cpa: 'accountant',
  emt: 'emergency medical technician',
  qa: 'quality assurance',
  ux: 'user experience',
  ui: 'user interface',
  dba: 'database administrator',
  ceo: 'chief executive',
  cfo: 'financial manager',
  pt: 'physical therapist',
  ot: 'occupational therapist',
  hvac: 'heating air conditioning refrigeration',
  pr: 'public relations',
  doctor: 'physician',
  sysadmin: 'systems administrator',
};
export const capitalsOnlyAbbreviations: Record<string, string> = { IT: 'information technology' };

/**
 * The shorthand of job advertisements ("Sr. Software Eng", "Asst Store Mgr", "IT Spec"), which the
 * job-title classifier (lib/jobs/title-classifier.ts) reads spelled out besides the abbreviations
 * above. Search leaves them as typed: people searching type whole words. In a job title "it" is
 * never the pronoun, so in lowercase too it is information technology.
 */
export const jobAdAbbreviations: Record<string, string> = {
  it: 'information technology',
  sr: 'senior',
  snr: 'senior',
  jr: 'junior',
  mgr: 'manager',
  mngr: 'manager',
  asst: 'assistant',
  assoc: 'associate',
  tech: 'technician',
  techs: 'technicians',
  admin: 'administrator',
  eng: 'engineer',
  engr: 'engineer',
  dev: 'developer',
  ops: 'operations',
  spec: 'specialist',
  coord: 'coordinator',
  rep: 'representative',
  svc: 'service',
  svcs: 'services',
  dept: 'department',
  dir: 'director',
  supv: 'supervisor',
  supvr: 'supervisor',
  exec: 'executive',
  acct: 'account',
  acctg: 'accounting',
  mktg: 'marketing',
  maint: 'maintenance',
  mech: 'mechanic',
  elec: 'electrical',
  sw: 'software',
  swe: 'software engineer',
  sde: 'software engineer',
  sys: 'systems',
  infosec: 'information security',
  cyber: 'cybersecurity',
  csr: 'customer service representative',
  cust: 'customer',
  hha: 'home health aide',
  pca: 'personal care aide',
  cma: 'medical assistant',
  crna: 'nurse anesthetist',
  aprn: 'nurse practitioner',
  slp: 'speech language pathologist',
  pta: 'physical therapist assistant',
  cota: 'occupational therapy assistant',
  lcsw: 'clinical social worker',
  qc: 'quality control',
  pm: 'project manager',
  dsp: 'direct support professional',
  // A commercial driver's licence is for heavy trucks; search's "truck driver" is any truck.
  cdl: 'tractor trailer truck driver',
  // The specialties of the federal "IT Specialist (…)" titles (OPM's 2210 series).
  plcypln: 'policy planning',
  appsw: 'applications software developer',
  custspt: 'customer support',
  sysanalysis: 'systems analyst',
  entarch: 'enterprise architect',
  datamgt: 'data management',
  db: 'database',
  inet: 'internet',
};

/** The texts a search looks for: what was typed and, when it has abbreviations, the same spelled out. */
export function searchTextVariants(q: string): string[] {
  let expanded = false;
  const spelledOut = q.replace(/[\p{L}\p{N}]+/gu, (word) => {
    const expansion = capitalsOnlyAbbreviations[word] ?? titleAbbreviations[word.toLowerCase()];
    if (expansion === undefined) return word;
    expanded = true;
    return expansion;
  });
  return expanded ? [q, spelledOut] : [q];
}

/**
 * Two-letter postal codes that are also common lowercase words or abbreviations ("in", "or", "me",
 * "ok", "md" for a doctor…): typed in lowercase they stay words; in capitals ("IN", "OR") they are
 * the state.
 */
const lowercaseWords = new Set(['in', 'or', 'me', 'ok', 'hi', 'oh', 'id', 'md', 'co', 'ms', 'mt', 'la', 'ma', 'de', 'al']);

/** State names, longest first, so that "West Virginia" is read before "Virginia". */
const statesByNameLength = [...usStates].sort((a, b) => b.name.length - a.name.length);

export type PlaceInSearchText = {
  state: UsState;
  /** The search text without the place (and an "in" before it); undefined when nothing else was typed. */
  q: string | undefined;
};

/**
 * The state that search text names, if any, and the text without it: "nurse texas", "nurses in
 * Texas", "plumber TX", "texas nurse", "RN NY", "new york software developer". A state's name
 * counts anywhere, in any case ("texas" alone is Texas's listing). A postal code counts only
 * beside other words (a lone "PA" is more likely a physician assistant than Pennsylvania): typed in
 * capitals anywhere, or in lowercase as the last word ("welder tx"), unless it is also a common
 * word ("nurse in", "doctor md"). The first place named is the one read.
 */
export function readPlaceInSearchText(q: string): PlaceInSearchText | null {
  const found = findStateName(q) ?? findPostalCode(q);
  if (!found) return null;
  const rest = (q.slice(0, found.start).replace(/\bin\s*$/i, '') + ' ' + q.slice(found.end))
    .replace(/\s+/g, ' ')
    .replace(/^[\s,]+|[\s,]+$/g, '');
  return { state: found.state, q: rest || undefined };
}

type Found = { state: UsState; start: number; end: number };

function findStateName(q: string): Found | null {
  const lower = q.toLowerCase();
  for (const state of statesByNameLength) {
    const match = new RegExp(`(^|[^\\p{L}])(${state.name.toLowerCase()})(?=$|[^\\p{L}])`, 'u').exec(lower);
    if (match) {
      const start = match.index + match[1]!.length;
      return { state, start, end: start + state.name.length };
    }
  }
  return null;
}

function findPostalCode(q: string): Found | null {
  const words = [...q.matchAll(/[\p{L}\p{N}]+/gu)];
  if (words.length < 2) return null;
  for (const [index, word] of words.entries()) {
    const text = word[0];
    if (text.length !== 2) continue;
    const state = usStates.find((candidate) => candidate.postalCode === text.toUpperCase());
    if (!state) continue;
    const inCapitals = text === state.postalCode;
    const trailingWord = index === words.length - 1 && !lowercaseWords.has(text.toLowerCase());
    if (inCapitals || trailingWord) return { state, start: word.index, end: word.index + 2 };
  }
  return null;
}
