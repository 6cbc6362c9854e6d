// Where a chart's figures come from, under its title: the source (linked where it has an address) and the release.
import type { Stats } from '@/db/role-columns';
import { formatAsOf } from '@/lib/domain/format';
import { describeEdit, editOf, type FigureKey } from '@/lib/provenance';

/** `figures`: the ones the chart draws; any an editor set by hand is named with its edit, since it is not the source's. */
export function FigureSource({ stats, figures = [] }: { stats: Pick<Stats, 'source' | 'sourceUrl' | 'asOf' | 'editedFigures'>; figures?: FigureKey[] }) {
  const edits = figures.flatMap((figure) => {
    const edit = editOf(stats, figure);
    return edit ? [describeEdit(edit, { figure })] : [];
  });
  // The overview names the source in full; beside a chart a short link to it is enough.
  return (
    <span className="chart-figure__source">
      As of <time dateTime={stats.asOf}>{formatAsOf(stats.asOf)}</time>.{' '}
      {stats.sourceUrl ? (
        <a href={stats.sourceUrl} title={stats.source}>
          Source
        </a>
      ) : (
        <>Source: {stats.source}</>
      )}
      .{edits.map((edit) => ` ${edit}.`)}
    </span>
  );
}

/** A figure's caption: what it shows, then where its figures come from. */
export function ChartCaption({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <figcaption className="chart-figure__caption">
      <span className="chart-figure__title">{title}</span> {children}
    </figcaption>
  );
}
