// The salary write-up is stored as prose with placeholders, so its numbers always match the stats.
import { formatJobOpenings, formatPercent, formatSalary } from './format';

export const templatePlaceholders = ['title', 'averageSalary', 'jobOpenings', 'degreeRequirement'] as const;
type Placeholder = (typeof templatePlaceholders)[number];

const placeholderPattern = /\{([A-Za-z]+)\}/g;

/** Placeholder names used in a template that we do not know how to fill. */
export function unknownPlaceholders(template: string): string[] {
  return [...template.matchAll(placeholderPattern)]
    .map((match) => match[1] ?? '')
    .filter((name) => !(templatePlaceholders as readonly string[]).includes(name));
}

export function renderSalaryTemplate(
  template: string,
  role: { title: string; jobOpenings: number; averageSalary: number; currency: string; degreeRequirementPercent: number },
): string {
  const values: Record<Placeholder, string> = {
    title: role.title,
    averageSalary: formatSalary(role.averageSalary, role.currency),
    jobOpenings: formatJobOpenings(role.jobOpenings),
    degreeRequirement: formatPercent(role.degreeRequirementPercent),
  };
  return template.replace(placeholderPattern, (whole, name: string) => (name in values ? values[name as Placeholder] : whole));
}

/** Splits stored prose into paragraphs on blank lines. */
export function toParagraphs(text: string | null): string[] {
  return (text ?? '')
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean);
}
