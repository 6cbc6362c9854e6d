/**
 * A table's column headings, each a `<th scope="col">`. A column of figures is right-aligned with
 * its figures (`number`); a heading that only screen readers need is a visually hidden node.
 */
export type ColumnHeading = string | { label: React.ReactNode; number?: boolean };

export function ColumnHeadings({ columns }: { columns: readonly ColumnHeading[] }) {
  return (
    <thead>
      <tr>
        {columns.map((column, index) =>
          typeof column === 'string' ? (
            <th key={index} scope="col">
              {column}
            </th>
          ) : (
            <th key={index} scope="col" className={column.number ? 'number' : undefined}>
              {column.label}
            </th>
          ),
        )}
      </tr>
    </thead>
  );
}
