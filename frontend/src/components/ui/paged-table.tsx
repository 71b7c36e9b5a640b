"use client";

import {
  flexRender,
  getCoreRowModel,
  useReactTable,
  type ColumnDef,
  type RowData,
  type Table as TanStackTable,
} from "@tanstack/react-table";
import { Fragment, useEffect, type ComponentProps, type ReactNode } from "react";
import { RelativeTime } from "@/components/layouts/relative-time";
import { SortButton } from "@/components/ui/data-table";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { ariaSort, type Sort } from "@/lib/sort";
import { cn } from "@/lib/utils";

declare module "@tanstack/react-table" {
  // The type parameters are the ones TanStack declares the interface with; merging needs them.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface ColumnMeta<TData extends RowData, TValue> {
    /** The API's sort field a server-sorted column sorts by; its header becomes a sort button. */
    sortField?: string;
  }
}

/** One page as the API sends a list: its rows and how many there are in all. */
export interface PageData<T> {
  items?: T[];
  total_pages?: number;
}

/** A column of when each row was created or changed ("3 hours ago"), sorted by the server on the field of the same name. */
export function timeColumn<T extends Partial<Record<K, string>>, K extends string>(field: K, header: () => string): ColumnDef<T> {
  return {
    id: field,
    meta: { sortField: field },
    header,
    cell: ({ row }) => <RelativeTime value={row.original[field]} />,
  };
}

/**
 * A TanStack table over one page of a list the server sorts and pages. When the list shrinks under the
 * page shown (rows deleted, a narrower filter), it goes back to the last page there is.
 */
export function usePagedTable<T>({
  data,
  columns,
  page,
  setPage,
  rowId,
}: {
  data: PageData<T> | undefined;
  columns: ColumnDef<T>[];
  page: number;
  setPage: (page: number) => void;
  rowId: (row: T) => string;
}) {
  const totalPages = data?.total_pages ?? 0;
  useEffect(() => {
    if (data && totalPages > 0 && page >= totalPages) setPage(totalPages - 1);
  }, [data, page, totalPages, setPage]);
  return useReactTable({
    data: data?.items ?? [],
    columns,
    getCoreRowModel: getCoreRowModel(),
    manualPagination: true,
    manualSorting: true,
    pageCount: data?.total_pages ?? -1,
    getRowId: rowId,
  });
}

/**
 * The page of a server-sorted table: headers of columns with `meta.sortField` sort on click (and say
 * so in aria-sort); the rows dim while the next page loads. `columnClassName` styles a column's header
 * and cells alike (alignment, hiding on small screens); `rowData` gives a row's data attributes;
 * `expandedRow` returns what an expanded row shows under it across the whole table (null: nothing).
 */
export function PagedTable<T>({
  table,
  label,
  sort,
  onSort,
  query,
  columnClassName,
  rowData,
  expandedRow,
  ...props
}: {
  table: TanStackTable<T>;
  label: string;
  sort: Sort;
  onSort: (field: string) => void;
  query: { isFetching: boolean; isPlaceholderData: boolean };
  columnClassName?: (columnId: string) => string | undefined;
  rowData?: (row: T) => Record<`data-${string}`, string | undefined>;
  expandedRow?: (row: T) => ReactNode;
} & Omit<ComponentProps<typeof Table>, "aria-label" | "aria-busy">) {
  return (
    <Table aria-label={label} aria-busy={query.isFetching} {...props}>
      <TableHeader>
        {table.getHeaderGroups().map((group) => (
          <TableRow key={group.id} className="hover:bg-transparent">
            {group.headers.map((header) => {
              const field = header.column.columnDef.meta?.sortField;
              const sorted = field === undefined ? undefined : sort.field === field && sort.direction;
              const title = flexRender(header.column.columnDef.header, header.getContext());
              return (
                <TableHead key={header.id} aria-sort={ariaSort(sorted)} className={columnClassName?.(header.id)}>
                  {field === undefined ? (
                    title
                  ) : (
                    <SortButton sorted={sorted ?? false} onClick={() => onSort(field)}>
                      {title}
                    </SortButton>
                  )}
                </TableHead>
              );
            })}
          </TableRow>
        ))}
      </TableHeader>
      <TableBody className={cn(query.isPlaceholderData && "opacity-60")}>
        {table.getRowModel().rows.map((row) => {
          const expanded = expandedRow?.(row.original);
          return (
            <Fragment key={row.id}>
              <TableRow className="relative" {...rowData?.(row.original)}>
                {row.getVisibleCells().map((cell) => (
                  <TableCell key={cell.id} className={columnClassName?.(cell.column.id)}>
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </TableCell>
                ))}
              </TableRow>
              {expanded != null && (
                <TableRow className="bg-muted/30 hover:bg-muted/30">
                  <TableCell colSpan={row.getVisibleCells().length} className="p-0">
                    {expanded}
                  </TableCell>
                </TableRow>
              )}
            </Fragment>
          );
        })}
      </TableBody>
    </Table>
  );
}
