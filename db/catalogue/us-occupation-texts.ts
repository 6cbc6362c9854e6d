// The prose of the U.S. catalogue's rows, written only from facts in the source files. A value
// this module has no sentence for is refused (an error), never guessed at: a new BLS category
// needs a sentence written for it here.
import { formatList } from '@/lib/domain/format';

/** The credit O*NET requires wherever its text is shown or served (PROVENANCE.md). */
export const onetAttribution =
  'This site includes information from the O*NET 29.2 Database by the U.S. Department of Labor, Employment and Training Administration (USDOL/ETA). ' +
  'Used under the CC BY 4.0 license. O*NET® is a trademark of USDOL/ETA.';

/** Names in a sentence, quoted because SOC and O*NET titles have commas of their own. */
function quotedList(names: string[]) {
  return formatList(names.map((name) => `“${name}”`));
}

function sentenceFor(sentences: Record<string, string>, value: string, what: string) {
  const sentence = sentences[value];
  if (sentence === undefined) throw new Error(`No sentence for the ${what} "${value}"`);
  return sentence;
}

// ---- Summary --------------------------------------------------------------------------------

/**
 * For an OEWS occupation that is not a SOC 2018 detailed occupation (e.g. 21-1018, or a SOC broad
 * group such as 13-1020): SOC has no definition for it, so the summary says what it covers.
 */
export function groupSummary(components: { socCode: string; title: string }[]) {
  const named = components.map(({ socCode, title }) => `“${title}” (${socCode})`);
  return `BLS publishes one set of figures for these SOC 2018 occupations together: ${formatList(named)}.`;
}

// ---- Salary write-up ------------------------------------------------------------------------

/**
 * Placeholders only, so the sentence never quotes a number the stats could contradict. A
 * top-coded median renders as "$239,200 or more", which the sentence is written to carry.
 */
export function salaryTemplate({ hasMean, hasMedian, hourlyOnly }: { hasMean: boolean; hasMedian: boolean; hourlyOnly: boolean }) {
  if (!hasMean) {
    // Hourly wages as BLS publishes them, never turned into an annual figure it did not publish.
    return hourlyOnly
      ? 'BLS publishes only hourly wages for {title}, no annual ones: the average (mean) hourly wage was {hourlyMean} as of {asOf}; the median hourly wage (half earned more, half less) was {hourlyMedian}.'
      : 'BLS publishes no annual wage estimate for {title}.';
  }
  const mean = 'The average (mean) annual wage for {title} was {averageSalary} as of {asOf}';
  return hasMedian ? `${mean}; the median annual wage (half earned more, half less) was {medianSalary}.` : `${mean}.`;
}

// ---- Responsibilities -----------------------------------------------------------------------

/**
 * Where a row's responsibilities come from, which its introduction and its attribution say:
 * O*NET's tasks for the occupation itself ({code}.00); O*NET's tasks for more specific occupations
 * (its sub-codes {code}.01…, or the SOC occupations BLS groups under the title), named; or, with
 * no O*NET tasks at all, the sentences of the SOC definition. `onlyCore` is false when fewer than
 * 5 Core tasks were topped up with Supplemental and unrated ones.
 */
export type TaskOrigin =
  | { kind: 'occupation'; onlyCore: boolean }
  | { kind: 'related'; onlyCore: boolean; onetTitles: string[] }
  | { kind: 'definition' };

export function responsibilitiesIntro(title: string, origin: TaskOrigin) {
  switch (origin.kind) {
    case 'occupation':
      return `${origin.onlyCore ? 'Core tasks' : 'Tasks'} of ${title}, according to O*NET:`;
    case 'related':
      return `O*NET lists no tasks for ${title} as a whole; these are ${origin.onlyCore ? 'core tasks' : 'tasks'} of ${quotedList(origin.onetTitles)}, according to O*NET:`;
    case 'definition':
      return `O*NET lists no tasks for ${title}; its SOC 2018 definition says:`;
  }
}

/**
 * A SOC definition's duties: its sentences ("Plan, direct, or coordinate …. May …."), without the
 * notes on what the occupation includes or excludes, which are no duty (the summary keeps them).
 */
export function definitionDuties(definition: string) {
  return definition.split(/(?<=\.)\s+(?=[A-Z“])/).filter((sentence) => sentence !== '' && !/^(Includes|Excludes)\b/.test(sentence));
}

// ---- How to become one ----------------------------------------------------------------------

export const howToBecomeIntro = 'What it typically takes to enter this occupation, according to BLS Employment Projections:';

// BLS EP's categories, in BLS's own terms (the definitions of the Occupational Outlook Handbook).
const educationSentences: Record<string, string> = {
  'Doctoral or professional degree': 'A doctoral or professional degree is typically needed to enter this occupation.',
  "Master's degree": "A master's degree is typically needed to enter this occupation.",
  "Bachelor's degree": "A bachelor's degree is typically needed to enter this occupation.",
  "Associate's degree": "An associate's degree is typically needed to enter this occupation.",
  'Postsecondary nondegree award': 'A postsecondary nondegree award (a certificate or other award, not a degree) is typically needed to enter this occupation.',
  'Some college, no degree': 'Some college coursework, without a degree, is typically needed to enter this occupation.',
  'High school diploma or equivalent': 'A high school diploma or equivalent is typically needed to enter this occupation.',
  'No formal educational credential': 'No formal educational credential is typically needed to enter this occupation.',
};

const experienceSentences: Record<string, string> = {
  None: 'No work experience in a related occupation is typically needed.',
  'Less than 5 years': 'Less than 5 years of work experience in a related occupation is typically needed.',
  '5 years or more': '5 years or more of work experience in a related occupation is typically needed.',
};

const trainingSentences: Record<string, string> = {
  None: 'No on-the-job training is typically needed to become competent in this occupation.',
  'Short-term on-the-job training':
    'Short-term on-the-job training is typically needed to become competent: 1 month or less of on-the-job experience and informal training.',
  'Moderate-term on-the-job training':
    'Moderate-term on-the-job training is typically needed to become competent: more than 1 month and up to 12 months of on-the-job experience and informal training.',
  'Long-term on-the-job training':
    'Long-term on-the-job training is typically needed to become competent: more than 12 months of on-the-job training, or work experience combined with formal classroom instruction.',
  'Internship/residency':
    'An internship or residency is typically needed to become competent: training under supervision in a professional setting, such as a hospital or a classroom.',
  Apprenticeship:
    'An apprenticeship is typically needed to become competent: on-the-job training combined with occupation-specific technical instruction, arranged with a sponsor.',
};

export function howToBecomeSteps({ education, experience, training }: { education: string; experience: string; training: string }) {
  return [
    { heading: 'Education', body: sentenceFor(educationSentences, education, 'typical education') },
    { heading: 'Work experience', body: sentenceFor(experienceSentences, experience, 'work experience') },
    { heading: 'On-the-job training', body: sentenceFor(trainingSentences, training, 'on-the-job training') },
  ];
}

// ---- Attribution ----------------------------------------------------------------------------

/** O*NET's required credit, and what Roleboard changed; empty when the row holds no O*NET text. */
export function contentAttribution({ taskOrigin, summaryFromOnet }: { taskOrigin: TaskOrigin; summaryFromOnet: boolean }) {
  const changes: string[] = [];
  if (taskOrigin.kind !== 'definition') {
    const selection = taskOrigin.onlyCore
      ? 'up to 8 Core task statements'
      : 'the Core task statements, fewer than 5, topped up to 5 with Supplemental and then unrated ones,';
    const whose = taskOrigin.kind === 'occupation' ? 'of this occupation' : 'of the O*NET occupations named';
    changes.push(`Modified: ${selection} ${whose} were selected, in O*NET's order; their wording is unchanged.`);
  }
  if (summaryFromOnet) changes.push("The summary is O*NET's occupation description, unchanged.");
  return changes.length === 0 ? '' : [onetAttribution, ...changes].join(' ');
}
