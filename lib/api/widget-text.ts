// The words of the embed widget in each language it speaks. The widget's `locale` picks the
// language by its first subtag (de-DE and de-AT read German); any other language reads English,
// with that locale's numbers and month names. Each text must fit its place on the 360 px card
// (tests/e2e/embed-layout.spec.ts measures them), so the German, French and Spanish ones are chosen
// short: the footer's date and link share one line in every month.

import { payRangeLabels } from '@/lib/domain/role-fields';

export const widgetLanguages = ['en', 'de', 'fr', 'es'] as const;
export type WidgetLanguage = (typeof widgetLanguages)[number];

export type WidgetText = {
  averageSalary: string;
  /** The headline of an occupation whose source publishes hourly wages only. */
  averageHourlyWage: string;
  /** The label of BLS's projection of openings a year. */
  openingsAYear: string;
  /** The label of openings counted now. */
  jobOpenings: string;
  /** Openings counted now, with their unit where the language's label needs one ("1 job opening"). */
  jobOpeningsValue: (count: number, formatted: string) => string;
  /** After a top-coded wage: BLS publishes only that it is at least this much. */
  orMore: string;
  /**
   * After a range whose top is top-coded. English says "or more" there too; the other languages'
   * words do not fit beside their longer label on the 360 px card, so they mark it "+".
   */
  rangeOrMore: string;
  /** The 25th to 75th percentile, named so (lib/domain/role-fields.ts payRangeLabels in English). */
  middleHalf: string;
  median: string;
  degreeRequirement: string;
  employed: string;
  notPublished: string;
  notKnown: string;
  /** After the label of a figure an editor set by hand ("Average salary · edited"). */
  edited: string;
  /** The month the figures describe, already formatted by Intl ("May 2024", "mai 2024"). */
  asOf: (month: string) => string;
  fullStatistics: string;
  /** The words of fullStatistics a card narrower than 340 px leaves out, from the end ("Full statistics"). */
  fullStatisticsTail: string;
  /** The iframe's title on the page that embeds it. */
  cardTitle: (roleTitle: string) => string;
};

const texts: Record<WidgetLanguage, WidgetText> = {
  en: {
    averageSalary: 'Average salary',
    averageHourlyWage: 'Average hourly wage',
    openingsAYear: 'Openings a year',
    jobOpenings: 'Job openings',
    jobOpeningsValue: (count, formatted) => `${formatted} job opening${count === 1 ? '' : 's'}`,
    orMore: 'or more',
    rangeOrMore: ' or more',
    middleHalf: payRangeLabels.middleHalfInBrief,
    median: 'Median',
    degreeRequirement: 'Degree requirement',
    employed: 'Employed',
    notPublished: 'Not published',
    notKnown: 'Not known',
    edited: 'edited',
    asOf: (month) => `As of ${month}`,
    fullStatistics: 'Full statistics on Roleboard',
    fullStatisticsTail: ' on Roleboard',
    cardTitle: (roleTitle) => `${roleTitle} salary statistics from Roleboard`,
  },
  de: {
    averageSalary: 'Durchschnittsgehalt',
    averageHourlyWage: 'Ø Stundenlohn',
    openingsAYear: 'Stellen pro Jahr',
    jobOpenings: 'Offene Stellen',
    jobOpeningsValue: (_count, formatted) => formatted,
    orMore: 'oder mehr',
    rangeOrMore: '+',
    middleHalf: 'Mittlere Hälfte',
    median: 'Median',
    degreeRequirement: 'Abschluss gefordert',
    employed: 'Beschäftigte',
    notPublished: 'Nicht veröffentlicht',
    notKnown: 'Nicht bekannt',
    edited: 'bearbeitet',
    asOf: (month) => `Stand: ${month}`,
    fullStatistics: 'Alle Zahlen auf Roleboard',
    fullStatisticsTail: ' auf Roleboard',
    cardTitle: (roleTitle) => `${roleTitle}: Gehaltsstatistik von Roleboard`,
  },
  fr: {
    averageSalary: 'Salaire moyen',
    averageHourlyWage: 'Salaire horaire moyen',
    openingsAYear: 'Postes par an',
    jobOpenings: 'Offres d’emploi',
    jobOpeningsValue: (_count, formatted) => formatted,
    orMore: 'ou plus',
    rangeOrMore: '+',
    middleHalf: 'Moitié centrale',
    median: 'Médiane',
    degreeRequirement: 'Diplôme exigé',
    employed: 'Emplois',
    notPublished: 'Non publié',
    notKnown: 'Inconnu',
    edited: 'modifié',
    // French sets a narrow no-break space before a colon.
    asOf: (month) => `Données\u202f: ${month}`,
    fullStatistics: 'Détails sur Roleboard',
    fullStatisticsTail: ' sur Roleboard',
    cardTitle: (roleTitle) => `${roleTitle}\u202f: statistiques salariales de Roleboard`,
  },
  es: {
    averageSalary: 'Salario medio',
    averageHourlyWage: 'Salario medio por hora',
    openingsAYear: 'Vacantes al año',
    jobOpenings: 'Vacantes',
    jobOpeningsValue: (_count, formatted) => formatted,
    orMore: 'o más',
    rangeOrMore: '+',
    middleHalf: 'Mitad central',
    median: 'Mediana',
    degreeRequirement: 'Título exigido',
    employed: 'Empleados',
    notPublished: 'No publicado',
    notKnown: 'Desconocido',
    edited: 'editado',
    asOf: (month) => `Datos: ${month}`,
    fullStatistics: 'Detalles en Roleboard',
    fullStatisticsTail: ' en Roleboard',
    cardTitle: (roleTitle) => `${roleTitle}: estadísticas salariales de Roleboard`,
  },
};

function isWidgetLanguage(language: string): language is WidgetLanguage {
  return (widgetLanguages as readonly string[]).includes(language);
}

/** The language the widget speaks for a locale (a valid BCP 47 tag): its own if we have it, else English. */
export function widgetLanguageOf(locale: string): WidgetLanguage {
  const language = new Intl.Locale(locale).language;
  return isWidgetLanguage(language) ? language : 'en';
}

/** The words for a locale, and the `lang` of the document that shows them: the locale itself, or "en" where its language is not ours. */
export function widgetTextFor(locale: string): { language: WidgetLanguage; lang: string; text: WidgetText } {
  const language = widgetLanguageOf(locale);
  return { language, lang: language === new Intl.Locale(locale).language ? locale : 'en', text: texts[language] };
}
