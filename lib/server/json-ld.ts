// schema.org JSON-LD, built from the same data the page shows: an Occupation for a role page, a JobPosting for a posting.
import type { RoleDetail } from '@/db/role-reads';
import type { JobPostingDetail } from '@/db/job-reads';
import { describeEdit, editOf, type FigureKey } from '@/lib/provenance';
import { payOf } from '@/lib/pay';
import type { PercentileKey } from '@/lib/domain/role-fields';
import { postingSourceOf } from '@/lib/jobs/posting-display';

/** JSON that is safe inside <script>: no `</script>`, `<!--` or line separators can break out. */
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/**
 * Only what the page states as a figure: a distribution exists only with percentiles (and lists
 * only the exact ones: a top-coded wage is a lower bound, which schema.org cannot say), the average
 * only where published, the degree share only where known.
 */
export function buildOccupationJsonLd(role: RoleDetail, pageUrl: string) {
  const { stats } = role;
  const pay = payOf(stats);
  const { percentiles } = pay;
  // An amount an editor set by hand says so, as the page does beside it.
  const edited = (figure: FigureKey) => {
    const edit = editOf(stats, figure);
    return edit ? { description: describeEdit(edit) } : {};
  };
  const exact = (key: PercentileKey) => (percentiles && !percentiles.topCoded.includes(key) ? percentiles[key] : undefined);
  const distribution = percentiles && {
    '@type': 'MonetaryAmountDistribution',
    name: pay.unit === 'hour' ? 'Hourly wage distribution' : 'Salary distribution',
    currency: stats.currency,
    duration: pay.unit === 'hour' ? 'PT1H' : 'P1Y',
    percentile10: exact('p10'),
    percentile25: exact('p25'),
    median: exact('median'),
    percentile75: exact('p75'),
    percentile90: exact('p90'),
    ...edited(pay.unit === 'hour' ? 'hourlyWages' : 'percentiles'),
  };
  const average = stats.averageSalary !== null && {
    '@type': 'MonetaryAmount',
    name: 'Average salary',
    currency: stats.currency,
    value: stats.averageSalary,
    ...edited('averageSalary'),
  };
  // Where the source publishes hourly wages only, they are given as published: per hour (unitText
  // HOUR), never annualised. (schema.org's baseSalary belongs to JobPosting, not Occupation: an
  // Occupation states pay as estimatedSalary.)
  const hourly = pay.unit === 'hour' && {
    '@type': 'MonetaryAmount',
    name: 'Average hourly wage',
    currency: stats.currency,
    value: {
      '@type': 'QuantitativeValue',
      ...(pay.mean !== null && { value: pay.mean }),
      unitText: 'HOUR',
    },
    ...edited('hourlyWages'),
  };
  const education = [
    stats.entryEducation && `Typical education needed for entry: ${stats.entryEducation}`,
    stats.degreeRequirementPercent !== null && `${stats.degreeRequirementPercent}% of job postings require a degree`,
  ].filter(Boolean);
  return {
    '@context': 'https://schema.org',
    '@type': 'Occupation',
    name: role.title,
    ...(role.alternativeTitles.length > 0 && { alternateName: role.alternativeTitles }),
    description: role.summary,
    occupationalCategory: role.socCode
      ? { '@type': 'CategoryCode', codeValue: role.socCode, inCodeSet: 'https://www.bls.gov/soc/2018/', name: role.category.name }
      : role.category.name,
    ...([distribution, average, hourly].some(Boolean) && { estimatedSalary: [distribution, average, hourly].filter(Boolean) }),
    ...(education.length > 0 && { educationRequirements: education.join('. ') }),
    responsibilities: role.responsibilities,
    ...(role.contentAttribution && { creditText: role.contentAttribution }),
    mainEntityOfPage: {
      '@type': 'WebPage',
      '@id': pageUrl,
      url: pageUrl,
      lastReviewed: stats.asOf,
      ...(stats.sourceUrl && { isBasedOn: stats.sourceUrl }),
    },
  };
}

const schemaEmploymentTypes: Record<string, string | undefined> = {
  'full-time': 'FULL_TIME',
  'part-time': 'PART_TIME',
  contract: 'CONTRACTOR',
  temporary: 'TEMPORARY',
  internship: 'INTERN',
  other: 'OTHER',
};

/**
 * schema.org JobPosting for an open posting, as Google's job search reads it: the required
 * properties (title, description, datePosted, hiringOrganization, a place or TELECOMMUTE with the
 * country applicants must be in) and the recommended ones the posting states. Pay is given as
 * published, in its own period. A closed posting has none (Google asks for expired ones to go).
 */
export function jobPostingJsonLd(posting: JobPostingDetail, pageUrl: string) {
  const { pay } = posting;
  const places = posting.locations.filter((location) => location.city || location.stateCode);
  const employmentType = schemaEmploymentTypes[posting.employmentType];
  return {
    '@context': 'https://schema.org',
    '@type': 'JobPosting',
    title: posting.title,
    description: [posting.description, posting.qualifications && `Qualifications:\n${posting.qualifications}`].filter(Boolean).join('\n\n') || posting.title,
    datePosted: posting.postedOn,
    ...(posting.closesAt && { validThrough: posting.closesAt }),
    url: pageUrl,
    hiringOrganization: { '@type': 'Organization', name: posting.employer },
    ...(places.length > 0 && {
      jobLocation: places.map((location) => ({
        '@type': 'Place',
        address: {
          '@type': 'PostalAddress',
          ...(location.city && { addressLocality: location.city }),
          ...(location.stateCode && { addressRegion: location.stateCode }),
          addressCountry: 'US',
        },
      })),
    }),
    ...(posting.remote && { jobLocationType: 'TELECOMMUTE', applicantLocationRequirements: { '@type': 'Country', name: 'US' } }),
    ...(pay && {
      baseSalary: {
        '@type': 'MonetaryAmount',
        currency: 'USD',
        value: {
          '@type': 'QuantitativeValue',
          ...(pay.min !== null && { minValue: pay.min }),
          ...(pay.max !== null && { maxValue: pay.max }),
          unitText: pay.period.toUpperCase(),
        },
      },
    }),
    ...(employmentType && { employmentType }),
    identifier: { '@type': 'PropertyValue', name: postingSourceOf(posting.source).name, value: posting.sourceId },
    directApply: false,
  };
}
