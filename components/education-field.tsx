import { educationLevels, type EducationLevel } from '@/lib/education';

/** The listing's "at most this level" filter: BLS's education levels in BLS's order; empty means any. */
export function EducationField({ selected }: { selected: EducationLevel | undefined }) {
  return (
    <div className="field">
      <label htmlFor="maxEducation">Typical education (at most)</label>
      <select id="maxEducation" name="maxEducation" defaultValue={selected?.slug ?? ''}>
        <option value="">Any level</option>
        {educationLevels.map((level) => (
          <option key={level.slug} value={level.slug}>
            {level.label}
          </option>
        ))}
      </select>
    </div>
  );
}
