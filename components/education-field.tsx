import { educationLevels, type EducationLevel } from '@/lib/education';
import { ChoiceField } from './choice-field';

const choices = educationLevels.map((level) => ({ value: level.slug, label: level.label }));

/** The listing's "at most this level" filter: BLS's education levels in BLS's order; empty means any. */
export function EducationField({ selected }: { selected: EducationLevel | undefined }) {
  return <ChoiceField id="maxEducation" label="Typical education (at most)" emptyLabel="Any level" choices={choices} selected={selected?.slug} />;
}
