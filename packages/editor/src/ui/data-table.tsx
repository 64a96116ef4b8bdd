import type { ReactNode } from 'react';

interface DataTableProps {
  /** The page's own class, for its column rules. */
  className: string;
  /** The headings of the columns before the last one, which holds each row's actions. */
  columns: readonly string[];
  /** The rows. */
  children: ReactNode;
}

/** A list of records as a table: one row per record, its name first and its actions last. */
export function DataTable({ className, columns, children }: DataTableProps) {
  return (
    <table className={`data-table ${className}`}>
      <thead>
        <tr>
          {columns.map((column) => (
            <th key={column} scope="col">
              {column}
            </th>
          ))}
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}
