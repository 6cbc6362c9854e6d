// schema.org JobPosting as JSON-LD (https://schema.org/JobPosting): a file holding an array of
// postings, one ItemList of them (items as JobPosting or as ListItem with an `item`), or a single
// JobPosting. A posting's identity is its `identifier` (a PropertyValue's name is the source, its
// value the id); without a named identifier the source is its url's host name and the id its
// identifier or url. Descriptions are usually HTML: lib/jobs/plain-text.ts makes them text.
import { educationAskedOf } from './education';
import { amountCell } from './posting-csv';
import { stateCodeOf, type PostingInput, type ReadPosting } from './posting-record';

type Json = unknown;
type JsonObject = Record<string, Json>;

const isObject = (value: Json): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);
const asArray = (value: Json): Json[] => (Array.isArray(value) ? value : value === undefined || value === null ? [] : [value]);
const typeOf = (value: JsonObject) => asArray(value['@type']).map(String);
const textOf = (value: Json): string => (typeof value === 'string' ? value : typeof value === 'number' ? String(value) : isObject(value) ? textOf(value.name ?? value['@value'] ?? '') : '');

/** The postings a JSON-LD document holds, or why it holds none we can read. */
export function jobPostingsIn(document: Json): { postings: Json[] } | { problem: string } {
  const postingsOf = (items: Json[]) => items.map((item) => (isObject(item) && typeOf(item).includes('ListItem') ? item.item : item));
  if (Array.isArray(document)) return { postings: postingsOf(document) };
  if (isObject(document)) {
    const graph = document['@graph'];
    if (Array.isArray(graph)) return { postings: postingsOf(graph) };
    if (typeOf(document).includes('ItemList')) return { postings: postingsOf(asArray(document.itemListElement)) };
    if (typeOf(document).includes('JobPosting')) return { postings: [document] };
  }
  return { problem: 'The JSON is not schema.org JobPosting data: give an array of JobPosting objects or an ItemList of them.' };
}

const salaryUnits: Record<string, string> = { YEAR: 'year', MONTH: 'month', WEEK: 'week', DAY: 'day', HOUR: 'hour' };
const employmentTypes: Record<string, string> = {
  FULL_TIME: 'full-time',
  PART_TIME: 'part-time',
  CONTRACTOR: 'contract',
  TEMPORARY: 'temporary',
  INTERN: 'internship',
  PER_DIEM: 'other',
  VOLUNTEER: 'other',
  OTHER: 'other',
};
const credentialLevels: Record<string, string> = {
  'high school': 'high-school',
  'associate degree': 'associate',
  'bachelor degree': 'bachelor',
  'postgraduate degree': 'master',
  'professional certificate': 'not-stated',
};

function identityOf(posting: JsonObject): { source: string; sourceId: string } {
  const identifier = asArray(posting.identifier)[0];
  const url = typeof posting.url === 'string' ? posting.url : '';
  let host = '';
  try {
    host = url ? new URL(url).hostname.replace(/^www\./, '') : '';
  } catch {
    // Not a URL: the schema says so about the apply link; the source just stays unnamed.
  }
  const hostSource = host.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  if (isObject(identifier)) {
    const name = textOf(identifier.name).toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
    return { source: name || hostSource, sourceId: textOf(identifier.value ?? identifier['@value'] ?? '') };
  }
  return { source: hostSource, sourceId: identifier !== undefined ? textOf(identifier) : url };
}

function payOf(posting: JsonObject) {
  const salary = asArray(posting.baseSalary)[0];
  if (!isObject(salary)) return { payMin: null, payMax: null, payPeriod: null, problems: [] };
  const value = isObject(salary.value) ? salary.value : { value: salary.value };
  const currency = textOf(salary.currency).toUpperCase();
  const problems = currency && currency !== 'USD' ? [{ field: 'baseSalary', message: `Pay in ${currency}: only U.S. dollars (USD) can be imported` }] : [];
  const amount = (cell: Json) => (cell === undefined || cell === null ? null : amountCell(String(cell)));
  const single = amount(value.value);
  const payMin = amount(value.minValue) ?? single;
  const payMax = amount(value.maxValue) ?? (value.minValue === undefined ? null : single);
  const unit = textOf(value.unitText ?? salary.unitText).toUpperCase();
  return { payMin, payMax, payPeriod: payMin !== null || payMax !== null ? (salaryUnits[unit] ?? (unit.toLowerCase() || null)) : null, problems };
}

export function readJobPosting(posting: Json): ReadPosting {
  if (!isObject(posting) || !typeOf(posting).includes('JobPosting')) {
    return { input: null, problems: [{ message: 'Not a JobPosting (its "@type" must be "JobPosting")' }] };
  }
  const { problems: payProblems, ...pay } = payOf(posting);
  const locations = asArray(posting.jobLocation).flatMap((place) => {
    const address = isObject(place) ? asArray(place.address)[0] : undefined;
    if (!isObject(address)) return [];
    const country = textOf(address.addressCountry).toUpperCase();
    const inUs = country === '' || country === 'US' || country === 'USA' || country === 'UNITED STATES';
    const city = textOf(address.addressLocality).trim();
    const region = textOf(address.addressRegion).trim();
    return city || region ? [{ city: city || region, stateCode: inUs ? stateCodeOf(region) : null }] : [];
  });
  const employment = asArray(posting.employmentType).map((type) => employmentTypes[textOf(type).toUpperCase()] ?? 'other');
  const education = asArray(posting.educationRequirements)[0];
  const educationText = isObject(education) ? textOf(education.credentialCategory) : textOf(education ?? '');
  const occupation = asArray(posting.occupationalCategory)[0];
  const occupationCode = isObject(occupation) ? textOf(occupation.codeValue) : textOf(occupation ?? '');
  const validThrough = textOf(posting.validThrough).trim();
  const datePosted = textOf(posting.datePosted).trim();
  const input = {
    ...identityOf(posting),
    title: textOf(posting.title),
    employer: textOf(posting.hiringOrganization),
    locations,
    remote: asArray(posting.jobLocationType).some((type) => textOf(type).toUpperCase() === 'TELECOMMUTE'),
    postedOn: /^\d{4}-\d{2}-\d{2}/.test(datePosted) ? datePosted.slice(0, 10) : datePosted,
    closesAt: validThrough === '' ? null : /^\d{4}-\d{2}-\d{2}$/.test(validThrough) ? `${validThrough}T23:59:59Z` : validThrough,
    ...pay,
    // Several types ("FULL_TIME, PART_TIME"): the first is the one the publisher leads with.
    employmentType: employment[0] ?? 'not-stated',
    educationAsked: credentialLevels[educationText.toLowerCase()] ?? educationAskedOf(educationText) ?? 'not-stated',
    description: textOf(posting.description),
    qualifications: textOf(posting.qualifications) || null,
    applyUrl: textOf(posting.url) || null,
    // "15-1252.00" (O*NET) or "15-1252": the SOC code is the first seven characters.
    socCode: /^\d{2}-\d{4}/.test(occupationCode) ? occupationCode.slice(0, 7) : null,
  } as PostingInput;
  return { input, problems: payProblems };
}
