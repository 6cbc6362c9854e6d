// The posting form with its choices (occupations, pay periods, employment, education), as the
// new-posting and posting pages show it. Server-rendered; the form itself is a client component.
import { PostingForm, type PostingFormAction, type PostingFormValues } from './posting-form';
import { latestClosingDay } from '@/lib/employer-schemas';
import { educationAskedLevels } from '@/lib/jobs/job-search';
import { perPayPeriod, employmentTypeLabels } from '@/lib/jobs/posting-display';

const payPeriodChoices = Object.entries(perPayPeriod).map(([value, label]) => ({ value, label: label.replace(/^an? /, '') }));
const employmentChoices = Object.entries(employmentTypeLabels)
  .filter(([value]) => value !== 'not-stated')
  .map(([value, label]) => ({ value, label }));
const educationChoices = [...educationAskedLevels.map((level) => ({ value: level.slug, label: level.label })), { value: 'not-stated', label: 'Not stated' }];

export function PostingEditor({
  action,
  initial,
  occupations,
  publishLabel,
}: {
  action: PostingFormAction;
  initial: PostingFormValues;
  occupations: { slug: string; title: string }[];
  publishLabel: string;
}) {
  return (
    <PostingForm
      action={action}
      initial={initial}
      occupations={occupations.map((occupation) => ({ value: occupation.slug, label: occupation.title }))}
      payPeriods={payPeriodChoices}
      employmentTypes={employmentChoices}
      educationLevels={educationChoices}
      today={new Date().toISOString().slice(0, 10)}
      latestClosingDay={latestClosingDay()}
      publishLabel={publishLabel}
    />
  );
}
