// The figures a chart draws, written out beside it as a list: each a term and its value.

export function FigureList({ children }: { children: React.ReactNode }) {
  return <dl className="chart-figure__list">{children}</dl>;
}

export function ListedFigure({ term, children }: { term: React.ReactNode; children: React.ReactNode }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}
