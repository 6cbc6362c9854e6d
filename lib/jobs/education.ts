// The education a posting asks for, read from its qualifications in words (NYC's "Minimum Qual
// Requirements"). The rule: a posting asks for the LOWEST level its minimum qualifications name,
// because they list alternatives ("1. A baccalaureate degree and two years … or 2. A high school
// diploma and six years …") and meeting any one of them qualifies. Text naming no level at all
// (experience only, a licence, "education equivalent to the above") says nothing we can count:
// 'not-stated', never 'none' — a degree not being named is not a posting saying none is needed.
// Sources without such text (USAJOBS) are 'not-stated' too.
import { educationAskedLevels, type EducationAsked } from '@/lib/domain/enums';

/** Each level and the phrases that name it, lowest first: the first level found is the answer. */
const levelPhrases: { level: Exclude<EducationAsked, 'none' | 'not-stated'>; pattern: RegExp }[] = [
  { level: 'high-school', pattern: /\bhigh[\s-]school\b|\bGED\b|\bhigh school equivalency\b|\bsecondary school\b/i },
  // 60 semester credits is the City's usual stand-in for an associate degree.
  { level: 'associate', pattern: /\bassociate(?:'s|’s)? degree\b|\b(?:60|sixty) (?:semester|college) credits\b|\btwo[\s-]year college\b/i },
  { level: 'bachelor', pattern: /\bbaccalaureate\b|\bbachelor(?:'s|’s)?\b|\bfour[\s-]year college degree\b|\bcollege degree\b/i },
  // "Master plumber" is a licence, not a degree: only "master's degree", "master of …" and the MBA/MPA count.
  { level: 'master', pattern: /\bmaster(?:'s|’s|s)? (?:degree|of)\b|\bM\.?B\.?A\b|\bM\.P\.A\b|\bMPA\b/i },
  { level: 'doctoral', pattern: /\bdoctora(?:l|te)\b|\bPh\.?\s?D\b|\bjuris doctor\b|\bJ\.D\.|\bM\.D\.|\bPsy\.?D\b/i },
];

/** The lowest education level the text names (see the rule above), or 'not-stated'. */
export function detectEducationAsked(qualifications: string | null | undefined): EducationAsked {
  if (!qualifications) return 'not-stated';
  for (const { level, pattern } of levelPhrases) if (pattern.test(qualifications)) return level;
  return 'not-stated';
}

/** A level named in a file (our CSV's education_asked), in our words or schema.org's. */
export function educationAskedOf(value: string): EducationAsked | null {
  const key = value.trim().toLowerCase().replace(/[\s_]+/g, '-');
  if ((educationAskedLevels as readonly string[]).includes(key)) return key as EducationAsked;
  const synonyms: Record<string, EducationAsked> = {
    '': 'not-stated',
    'high-school-diploma': 'high-school',
    'associate-degree': 'associate',
    'bachelor-degree': 'bachelor',
    "bachelor's-degree": 'bachelor',
    'master-degree': 'master',
    "master's-degree": 'master',
    'postgraduate-degree': 'master',
    doctorate: 'doctoral',
    'no-requirements': 'none',
  };
  return synonyms[key] ?? null;
}
