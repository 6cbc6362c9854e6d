// The 50 states and DC, as BLS's state estimates name them (db/data/us-occupations): FIPS code,
// postal code, name, and the slug of their pages. A fixed list, so a `state` parameter is checked
// without a lookup; the catalogue import refuses a state file that names any other area.
import { z } from 'zod';

export type UsState = { fips: string; postalCode: string; name: string; slug: string };

export const usStates: readonly UsState[] = [
  { fips: '01', postalCode: 'AL', name: 'Alabama', slug: 'alabama' },
  { fips: '02', postalCode: 'AK', name: 'Alaska', slug: 'alaska' },
  { fips: '04', postalCode: 'AZ', name: 'Arizona', slug: 'arizona' },
  { fips: '05', postalCode: 'AR', name: 'Arkansas', slug: 'arkansas' },
  { fips: '06', postalCode: 'CA', name: 'California', slug: 'california' },
  { fips: '08', postalCode: 'CO', name: 'Colorado', slug: 'colorado' },
  { fips: '09', postalCode: 'CT', name: 'Connecticut', slug: 'connecticut' },
  { fips: '10', postalCode: 'DE', name: 'Delaware', slug: 'delaware' },
  { fips: '11', postalCode: 'DC', name: 'District of Columbia', slug: 'district-of-columbia' },
  { fips: '12', postalCode: 'FL', name: 'Florida', slug: 'florida' },
  { fips: '13', postalCode: 'GA', name: 'Georgia', slug: 'georgia' },
  { fips: '15', postalCode: 'HI', name: 'Hawaii', slug: 'hawaii' },
  { fips: '16', postalCode: 'ID', name: 'Idaho', slug: 'idaho' },
  { fips: '17', postalCode: 'IL', name: 'Illinois', slug: 'illinois' },
  { fips: '18', postalCode: 'IN', name: 'Indiana', slug: 'indiana' },
  { fips: '19', postalCode: 'IA', name: 'Iowa', slug: 'iowa' },
  { fips: '20', postalCode: 'KS', name: 'Kansas', slug: 'kansas' },
  { fips: '21', postalCode: 'KY', name: 'Kentucky', slug: 'kentucky' },
  { fips: '22', postalCode: 'LA', name: 'Louisiana', slug: 'louisiana' },
  { fips: '23', postalCode: 'ME', name: 'Maine', slug: 'maine' },
  { fips: '24', postalCode: 'MD', name: 'Maryland', slug: 'maryland' },
  { fips: '25', postalCode: 'MA', name: 'Massachusetts', slug: 'massachusetts' },
  { fips: '26', postalCode: 'MI', name: 'Michigan', slug: 'michigan' },
  { fips: '27', postalCode: 'MN', name: 'Minnesota', slug: 'minnesota' },
  { fips: '28', postalCode: 'MS', name: 'Mississippi', slug: 'mississippi' },
  { fips: '29', postalCode: 'MO', name: 'Missouri', slug: 'missouri' },
  { fips: '30', postalCode: 'MT', name: 'Montana', slug: 'montana' },
  { fips: '31', postalCode: 'NE', name: 'Nebraska', slug: 'nebraska' },
  { fips: '32', postalCode: 'NV', name: 'Nevada', slug: 'nevada' },
  { fips: '33', postalCode: 'NH', name: 'New Hampshire', slug: 'new-hampshire' },
  { fips: '34', postalCode: 'NJ', name: 'New Jersey', slug: 'new-jersey' },
  { fips: '35', postalCode: 'NM', name: 'New Mexico', slug: 'new-mexico' },
  { fips: '36', postalCode: 'NY', name: 'New York', slug: 'new-york' },
  { fips: '37', postalCode: 'NC', name: 'North Carolina', slug: 'north-carolina' },
  { fips: '38', postalCode: 'ND', name: 'North Dakota', slug: 'north-dakota' },
  { fips: '39', postalCode: 'OH', name: 'Ohio', slug: 'ohio' },
  { fips: '40', postalCode: 'OK', name: 'Oklahoma', slug: 'oklahoma' },
  { fips: '41', postalCode: 'OR', name: 'Oregon', slug: 'oregon' },
  { fips: '42', postalCode: 'PA', name: 'Pennsylvania', slug: 'pennsylvania' },
  { fips: '44', postalCode: 'RI', name: 'Rhode Island', slug: 'rhode-island' },
  { fips: '45', postalCode: 'SC', name: 'South Carolina', slug: 'south-carolina' },
  { fips: '46', postalCode: 'SD', name: 'South Dakota', slug: 'south-dakota' },
  { fips: '47', postalCode: 'TN', name: 'Tennessee', slug: 'tennessee' },
  { fips: '48', postalCode: 'TX', name: 'Texas', slug: 'texas' },
  { fips: '49', postalCode: 'UT', name: 'Utah', slug: 'utah' },
  { fips: '50', postalCode: 'VT', name: 'Vermont', slug: 'vermont' },
  { fips: '51', postalCode: 'VA', name: 'Virginia', slug: 'virginia' },
  { fips: '53', postalCode: 'WA', name: 'Washington', slug: 'washington' },
  { fips: '54', postalCode: 'WV', name: 'West Virginia', slug: 'west-virginia' },
  { fips: '55', postalCode: 'WI', name: 'Wisconsin', slug: 'wisconsin' },
  { fips: '56', postalCode: 'WY', name: 'Wyoming', slug: 'wyoming' },
];

const byKey = new Map<string, UsState>(usStates.flatMap((state) => [[state.postalCode.toLowerCase(), state], [state.slug, state]]));
const byFips = new Map(usStates.map((state) => [state.fips, state]));

/** The state a postal code (any case: "CA", "ca") or slug ("california") names, or null. */
export function findUsState(codeOrSlug: string): UsState | null {
  return byKey.get(codeOrSlug.toLowerCase()) ?? null;
}

export function usStateByFips(fips: string): UsState | null {
  return byFips.get(fips) ?? null;
}

/** A `state` parameter, as a postal code or slug, read as the state it names. */
export const usStateParam = z
  .string()
  .max(40)
  .transform((value, ctx) => {
    const state = findUsState(value.trim());
    if (state) return state;
    ctx.addIssue({ code: 'custom', message: 'Not a U.S. state: give a postal code (CA) or a name (california)' });
    return z.NEVER;
  });

/** How many areas a set of state figures covers, in words: all 51 are "the 50 states and DC". */
export function areaCountInWords(areas: number) {
  return areas === usStates.length ? 'the 50 states and DC' : `${areas} states and areas`;
}
