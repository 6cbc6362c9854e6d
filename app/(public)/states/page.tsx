// Every state, on a map by the mean wage over its occupations, and as a list: each links to the
// state's page of occupations.
import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { StateWageMap } from '@/components/charts/state-pay-map';
import { StatePicker } from '@/components/state-picker';
import { TableScroll } from '@/components/table-scroll';
import { formatAverageSalary, formatCount } from '@/lib/domain/format';
import { getAreaWageSummaries } from '@/lib/server/cached-public-reads';
import { ColumnHeadings } from '@/components/column-headings';

export const metadata: Metadata = {
  title: 'Salaries by state',
  description: 'Average pay and employment in each of the 50 states and DC, from BLS state estimates, with every occupation of each state.',
  alternates: { canonical: '/states' },
};

export default async function StatesPage() {
  // Rendered per request from the cached summaries (like the listing), never at build time: the
  // build has no migrated database to read.
  await connection();
  const summaries = await getAreaWageSummaries();
  return (
    <>
      <h1>Salaries by state</h1>
      <p className="lede">What work pays in each of the 50 states and DC, and which occupations employ the most people there.</p>
      <StatePicker action="/states" label="Open a state" />
      <StateWageMap
        title="Average salary by state"
        label="Average salary by state, over all occupations"
        note="Each state shaded by the mean annual wage of its occupations, each weighted by how many people it employs (BLS state estimates, May 2024)."
        wages={summaries}
        hrefOf={(area) => `/states/${area.slug}`}
      />
      <TableScroll label="Every state">
        <table className="figures-table">
          <caption>Every state: average salary, employment and occupations with an estimate</caption>
          <ColumnHeadings columns={['State', 'Average salary', 'Employed', 'Occupations']} />
          <tbody>
            {summaries.map((summary) => (
              <tr key={summary.area.fips}>
                <th scope="row">
                  <Link href={`/states/${summary.area.slug}`}>{summary.area.name}</Link>
                </th>
                <td>{formatAverageSalary(summary.averageSalary)}</td>
                <td>{formatCount(summary.employment)}</td>
                <td>{formatCount(summary.occupations)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}
