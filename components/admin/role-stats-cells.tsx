// A role's three headline figures as table cells: its average salary, its job openings (with what
// they count) and its degree requirement. The admin's role list and a role's history show them alike.
import type { JobOpeningsBasis } from '@/lib/domain/enums';
import { formatAverageSalary, formatDegreeRequirement, jobOpeningsParts } from '@/lib/domain/format';

type HeadlineStats = {
  averageSalary: number | null;
  currency: string;
  jobOpenings: number;
  jobOpeningsBasis: JobOpeningsBasis;
  degreeRequirementPercent: number | null;
};

export function RoleStatsCells({ stats, className }: { stats: HeadlineStats; className: string }) {
  const openings = jobOpeningsParts(stats.jobOpenings, stats.jobOpeningsBasis);
  return (
    <>
      <td className={className}>{formatAverageSalary(stats.averageSalary, stats.currency)}</td>
      <td className={className}>
        {openings.figure}
        <br />
        <span className="hint">{openings.brief}</span>
      </td>
      <td className={className}>{formatDegreeRequirement(stats.degreeRequirementPercent)}</td>
    </>
  );
}
