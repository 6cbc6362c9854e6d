// schema.org JSON-LD for a role page, built from the same data the page shows.
import type { RoleDetail } from '@/db/roles';

/** JSON that is safe inside <script>: no `</script>`, `<!--` or line separators can break out. */
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

export function buildOccupationJsonLd(role: RoleDetail, pageUrl: string) {
  const { stats } = role;
  const percentiles = stats.percentiles;
  return {
    '@context': 'https://schema.org',
    '@type': 'Occupation',
    name: role.title,
    description: role.summary,
    occupationalCategory: role.category.name,
    estimatedSalary: [
      {
        '@type': 'MonetaryAmountDistribution',
        name: 'Salary distribution',
        currency: stats.currency,
        duration: 'P1Y',
        ...(percentiles && {
          percentile10: percentiles.p10,
          percentile25: percentiles.p25,
          median: percentiles.median,
          percentile75: percentiles.p75,
          percentile90: percentiles.p90,
        }),
      },
      { '@type': 'MonetaryAmount', name: 'Average salary', currency: stats.currency, value: stats.averageSalary },
    ],
    educationRequirements: `${stats.degreeRequirementPercent}% of job postings require a degree`,
    responsibilities: role.responsibilities,
    mainEntityOfPage: {
      '@type': 'WebPage',
      '@id': pageUrl,
      url: pageUrl,
      lastReviewed: stats.asOf,
    },
  };
}
