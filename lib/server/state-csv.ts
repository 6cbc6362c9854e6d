// The state export's CSV format (GET /api/v1/roles.csv?state=…): one row per published role with
// BLS figures in the state. Unlike the catalogue CSV (lib/catalogue-csv.ts), nothing imports it
// back: the state figures come from BLS's file only. Empty cells are BLS's "not published"; its
// top code is flagged in the *_top_coded columns, never written as if it were the real wage.
import type { RoleInAreaFigures } from '@/db/areas';
import { percentileKeys } from '@/lib/domain/role-fields';
import { catalogueCsvLines, guardCell, salaryPercentileColumns } from '@/lib/catalogue-csv';

export const stateCsvColumns = [
  'slug',
  'title',
  'soc_code',
  'state',
  'postal_code',
  'employment',
  'jobs_per_1000',
  'location_quotient',
  'average_salary',
  ...salaryPercentileColumns,
  'salary_top_coded',
  'hourly_mean',
  'hourly_median',
  'hourly_median_top_coded',
  'as_of',
  'source',
  'url',
] as const;

const number = (value: number | null | undefined) => (value === null || value === undefined ? '' : String(value));

export function stateCsvHeader() {
  return catalogueCsvLines([[...stateCsvColumns]]);
}

export function stateCsvRows(rows: RoleInAreaFigures[], urlOf: (row: RoleInAreaFigures) => string) {
  return catalogueCsvLines(
    rows.map((row) => {
      const { figures } = row;
      const percentiles = percentileKeys.map((key) => number(figures.percentiles?.[key]));
      return [
        row.slug,
        guardCell(row.title),
        row.socCode ?? '',
        figures.area.name,
        figures.area.postalCode,
        number(figures.employment),
        number(figures.jobsPer1000),
        number(figures.locationQuotient),
        number(figures.averageSalary),
        ...percentiles,
        (figures.percentiles?.topCoded ?? []).join(' '),
        number(figures.hourlyMean),
        number(figures.hourlyMedian),
        figures.hourlyMedianTopCoded ? 'true' : 'false',
        figures.asOf,
        guardCell(figures.source),
        urlOf(row),
      ];
    }),
  );
}
