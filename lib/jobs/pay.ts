// A posting's pay as published (an amount per year, month, week, day or hour) and its yearly
// equivalent, which is what figures compare. The rule, said the same way on every page that shows
// annualised pay (payAnnualisationRule):
//   year × 1, month × 12, week × 52, day × 260 (5 days × 52 weeks), hour × 2,080 (40 hours × 52 weeks).
// USAJOBS publishes its rows per year already: its collector turned the few hourly ones into a year
// at × 2,087 (OPM's hours in a federal work year; db/data/job-postings/PROVENANCE.md), and they are
// kept as published, period 'year', rather than undone and redone at × 2,080.
import type { PayPeriod } from '@/lib/domain/enums';

export const periodsPerYear: Record<PayPeriod, number> = { year: 1, month: 12, week: 52, day: 260, hour: 2080 };

export const payAnnualisationRule =
  'Pay published per month, week, day or hour is shown as a yearly equivalent: × 12 a month, × 52 a week, × 260 a day (5 days a week) and × 2,080 an hour (40 hours a week, 52 weeks). USAJOBS publishes yearly pay (its few hourly postings converted by its collector at × 2,087 hours).';

export type AnnualPay = { annualPayMin: number | null; annualPayMax: number | null; annualPayMid: number | null };

/** The yearly equivalents of a published range (either end may be missing), rounded to whole dollars. */
export function annualisePay({ payMin, payMax, payPeriod }: { payMin: number | null; payMax: number | null; payPeriod: PayPeriod | null }): AnnualPay {
  if (payPeriod === null || (payMin === null && payMax === null)) return { annualPayMin: null, annualPayMax: null, annualPayMid: null };
  const factor = periodsPerYear[payPeriod];
  const annualPayMin = payMin === null ? null : Math.round(payMin * factor);
  const annualPayMax = payMax === null ? null : Math.round(payMax * factor);
  // One end alone is the best figure there is for the middle.
  const annualPayMid = annualPayMin !== null && annualPayMax !== null ? Math.round((annualPayMin + annualPayMax) / 2) : (annualPayMin ?? annualPayMax);
  return { annualPayMin, annualPayMax, annualPayMid };
}
