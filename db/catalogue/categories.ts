// The U.S. catalogue's categories: the 23 SOC 2018 major groups, under short names ("Occupations"
// dropped, "&" for "and"). A detailed SOC code's first two digits name its major group.
import { slugify } from '@/lib/slug';

const majorGroups = [
  ['11-0000', 'Management'],
  ['13-0000', 'Business & Financial Operations'],
  ['15-0000', 'Computer & Mathematical'],
  ['17-0000', 'Architecture & Engineering'],
  ['19-0000', 'Life, Physical & Social Science'],
  ['21-0000', 'Community & Social Service'],
  ['23-0000', 'Legal'],
  ['25-0000', 'Education, Training & Library'],
  ['27-0000', 'Arts, Design, Entertainment, Sports & Media'],
  ['29-0000', 'Healthcare Practitioners & Technical'],
  ['31-0000', 'Healthcare Support'],
  ['33-0000', 'Protective Service'],
  ['35-0000', 'Food Preparation & Serving'],
  ['37-0000', 'Building & Grounds Cleaning & Maintenance'],
  ['39-0000', 'Personal Care & Service'],
  ['41-0000', 'Sales'],
  ['43-0000', 'Office & Administrative Support'],
  ['45-0000', 'Farming, Fishing & Forestry'],
  ['47-0000', 'Construction & Extraction'],
  ['49-0000', 'Installation, Maintenance & Repair'],
  ['51-0000', 'Production'],
  ['53-0000', 'Transportation & Material Moving'],
  // BLS publishes no OEWS figures for the military, so no occupation falls here; it is a SOC group all the same.
  ['55-0000', 'Military'],
] as const;

export type UsCategory = { socCode: string; slug: string; name: string };

/** "&" is spelled out so that the slug says what the name says (computer-and-mathematical). */
export const usCategories: UsCategory[] = majorGroups.map(([socCode, name]) => ({
  socCode,
  slug: slugify(name.replaceAll('&', 'and')),
  name,
}));

const categoriesByMajorGroup = new Map(usCategories.map((category) => [category.socCode.slice(0, 2), category]));

/** The major group of a SOC code such as 15-1252; throws for a code outside SOC 2018's 23 groups. */
export function getCategoryOfSocCode(socCode: string): UsCategory {
  const category = categoriesByMajorGroup.get(socCode.slice(0, 2));
  if (!category) throw new Error(`No SOC 2018 major group for ${socCode}`);
  return category;
}
