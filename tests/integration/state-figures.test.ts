// The state figures the import loads, checked against the state file read here on its own (no
// code of the import): figures, BLS's markers, the areas, and a second import changing nothing.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { after, describe, test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { findArea, listAreas, listPublishedRoleAreaFigures } from '@/db/areas';
import { importUsStateFigures } from '@/db/catalogue/us-states';
import { closeDatabase } from '@/db/client';
import { connectToTestDatabase } from '../support/database';

const { db, sql } = connectToTestDatabase();
after(() => Promise.all([sql.end(), closeDatabase()]));

type Row = Record<string, string>;
const stateFile: Row[] = parse(gunzipSync(readFileSync('db/data/us-occupations/oews_state_M2024.csv.gz')), { columns: true });

async function storedFigures(socCode: string, postalCode: string) {
  const [row] = await sql`select s.*, r.slug from role_area_stats s join roles r on r.id = s.role_id join areas a on a.fips = s.area_fips
    where r.soc_code = ${socCode} and a.postal_code = ${postalCode}`;
  return row;
}

/** What a cell of the file says the stored value must be: a number, null for `*`/`**`, or the top code for `#`. */
function expected(cell: string, topCode: number) {
  if (cell === '*' || cell === '**') return null;
  if (cell === '#') return topCode;
  return Number(cell);
}

describe('state figures', () => {
  test('51 areas: the 50 states and DC, found by postal code or slug', async () => {
    const areas = await listAreas();
    assert.equal(areas.length, 51);
    assert.deepEqual(areas.find((area) => area.postalCode === 'DC'), { fips: '11', postalCode: 'DC', name: 'District of Columbia', slug: 'district-of-columbia' });
    assert.equal((await findArea({ codeOrSlug: 'ca' }))?.name, 'California');
    assert.equal((await findArea({ codeOrSlug: 'new-york' }))?.postalCode, 'NY');
    assert.equal(await findArea({ codeOrSlug: 'atlantis' }), null);
  });

  test('the published spot checks: Software Developers in California and Texas, Registered Nurses in California', async () => {
    const california = (await storedFigures('15-1252', 'CA'))!;
    assert.deepEqual([california.employment, california.average_salary, california.salary_median], [292_630, 185_750, 170_910]);
    assert.deepEqual([california.salary_p90, california.salary_top_coded], [239_200, ['p90']], 'its 90th percentile is "#": at or above $239,200');
    assert.equal((await storedFigures('15-1252', 'TX'))!.average_salary, 133_280);
    assert.equal((await storedFigures('29-1141', 'CA'))!.average_salary, 148_330);
  });

  test('figures and markers of rows across the file match it cell by cell', async () => {
    // Every 2,500th row, and the first row with each marker.
    const sample = stateFile.filter((_, index) => index % 2_500 === 0);
    for (const [column, marker] of [['TOT_EMP', '**'], ['A_MEAN', '*'], ['A_PCT75', '#'], ['H_MEDIAN', '#'], ['A_PCT25', '#']] as const) {
      sample.push(stateFile.find((row) => row[column] === marker)!);
    }
    assert.ok(sample.length >= 15);
    let checked = 0;
    for (const row of sample) {
      const stored = await storedFigures(row.OCC_CODE!, row.PRIM_STATE!);
      if (!stored) continue; // An occupation the catalogue has no role for.
      checked += 1;
      const where = `${row.OCC_CODE} ${row.PRIM_STATE}`;
      assert.equal(stored.employment, expected(row.TOT_EMP!, NaN), `employment of ${where}`);
      assert.equal(stored.jobs_per_1000 === null ? null : Number(stored.jobs_per_1000), expected(row.JOBS_1000!, NaN), `jobs per 1,000 of ${where}`);
      assert.equal(stored.location_quotient === null ? null : Number(stored.location_quotient), expected(row.LOC_QUOTIENT!, NaN), `location quotient of ${where}`);
      assert.equal(stored.average_salary, expected(row.A_MEAN!, NaN), `mean of ${where}`);
      const percentiles = { p10: 'A_PCT10', p25: 'A_PCT25', median: 'A_MEDIAN', p75: 'A_PCT75', p90: 'A_PCT90' } as const;
      for (const [key, column] of Object.entries(percentiles)) {
        const storedColumn = key === 'median' ? 'salary_median' : `salary_${key}`;
        assert.equal(stored[storedColumn], expected(row[column]!, 239_200), `${key} of ${where}`);
      }
      assert.deepEqual(stored.salary_top_coded, Object.entries(percentiles).filter(([, column]) => row[column] === '#').map(([key]) => key), `top-coded of ${where}`);
      assert.equal(stored.hourly_median === null ? null : Number(stored.hourly_median), expected(row.H_MEDIAN!, 115), `hourly median of ${where}`);
      assert.equal(stored.hourly_median_top_coded, row.H_MEDIAN === '#');
    }
    assert.ok(checked >= 10, `${checked} rows checked`);
  });

  test('a role has a figure for every state BLS estimates it in; a role that is no U.S. occupation has none', async () => {
    const figures = (await listPublishedRoleAreaFigures({ slug: 'software-developers' }))!;
    assert.equal(figures.length, stateFile.filter((row) => row.OCC_CODE === '15-1252').length);
    assert.equal(figures.length, 51);
    const california = figures.find((item) => item.area.slug === 'california')!;
    assert.deepEqual(california.percentiles, { p10: 103_950, p25: 134_820, median: 170_910, p75: 212_280, p90: 239_200, topCoded: ['p90'] });
    assert.deepEqual(await listPublishedRoleAreaFigures({ slug: 'backend-software-engineer' }), []);
    assert.equal(await listPublishedRoleAreaFigures({ slug: 'no-such-role' }), null);
  });

  test('importing again changes nothing', async () => {
    const snapshot = async () => (await sql`select md5(string_agg(t::text, ',' order by role_id, area_fips)) as hash, count(*)::int as count from role_area_stats t`)[0]!;
    const before = await snapshot();
    const result = await importUsStateFigures(db);
    assert.equal(result.areas, 51);
    assert.equal(result.figures, before.count);
    assert.deepEqual(await snapshot(), before);
  });
});
