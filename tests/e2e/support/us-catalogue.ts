// The U.S. occupations every test database holds, read from the public source files
// (db/data/us-occupations/), so that expected figures and counts come from the data. Only the
// latest release (May 2024): it holds each role's current figures.
import { loadUsOccupationCatalogue } from '@/db/catalogue/us-occupations';
import type { CatalogueRecord } from '@/lib/catalogue-csv';

export const usOccupations: CatalogueRecord[] = loadUsOccupationCatalogue().at(-1)!.records;

export function usOccupation(slug: string): CatalogueRecord {
  const record = usOccupations.find((occupation) => occupation.slug === slug);
  if (!record) throw new Error(`No U.S. occupation ${slug}`);
  return record;
}

/** A catalogue cell as a number; null where the cell is empty (not published). */
export function figure(cell: string) {
  return cell === '' ? null : Number(cell);
}
