"use client";

import { flexRender, type Header, type Table as TanStackTable } from "@tanstack/react-table";
import { useVirtualizer } from "@tanstack/react-virtual";
import { ArrowDownIcon, ArrowUpDownIcon, ArrowUpIcon } from "lucide-react";
import { useRef, type MouseEventHandler, type ReactNode } from "react";
import { ariaSort, type SortDirection } from "@/lib/sort";
import { cn } from "@/lib/utils";

/** A column's title as a button that sorts by it, with an arrow for how it is sorted now. */
export function SortButton({
  sorted,
  onClick,
  children,
}: {
  sorted: SortDirection | false;
  onClick?: MouseEventHandler;
  children: ReactNode;
}) {
  const Icon = sorted === "asc" ? ArrowUpIcon : sorted === "desc" ? ArrowDownIcon : ArrowUpDownIcon;
  return (
    <button
      type="button"
      onClick={onClick}
      className={cn(
        "-ml-1.5 inline-flex items-center gap-1 rounded px-1.5 py-1 uppercase outline-none hover:text-foreground focus-visible:ring-[3px] focus-visible:ring-ring/50",
        sorted && "text-foreground",
      )}
    >
      {children}
      <Icon className="size-3.5" aria-hidden />
    </button>
  );
}

/** A column header that sorts on click (client-side sorting tables). */
export function SortableHeader<T>({ header, label }: { header: Header<T, unknown>; label: string }) {
  return (
    <SortButton sorted={header.column.getIsSorted()} onClick={header.column.getToggleSortingHandler()}>
      {label}
    </SortButton>
  );
}

/** Up to this many rows are simply rendered; longer lists are virtualised. */
export const VIRTUALIZE_ABOVE = 100;

/**
 * A TanStack table whose body is virtualised once it is long: only the rows in view are in the DOM,
 * so lists of thousands of rows (symbols, rejected CSV lines) scroll smoothly. The header stays put.
 */
export function VirtualTable<T>({
  table,
  estimateRowHeight = 44,
  maxHeight = "32rem",
  label,
  className,
  columnClassName,
}: {
  table: TanStackTable<T>;
  estimateRowHeight?: number;
  maxHeight?: string;
  label: string;
  className?: string;
  columnClassName?: (columnId: string) => string | undefined;
}) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const rows = table.getRowModel().rows;
  const virtual = rows.length > VIRTUALIZE_ABOVE;
  const virtualizer = useVirtualizer({
    count: virtual ? rows.length : 0,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => estimateRowHeight,
    overscan: 12,
    initialRect: { width: 800, height: 600 },
  });
  const items = virtual
    ? virtualizer.getVirtualItems()
    : rows.map((_, index) => ({ index, key: index, start: 0, end: 0, size: 0, lane: 0 }));
  const paddingTop = virtual ? (items[0]?.start ?? 0) : 0;
  const paddingBottom = virtual && items.length > 0 ? virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0) : 0;
  const columnCount = table.getVisibleLeafColumns().length;

  return (
    <div ref={scrollRef} className={cn("relative overflow-auto", className)} style={{ maxHeight }}>
      <table className="w-full caption-bottom text-sm" aria-label={label} aria-rowcount={rows.length + 1}>
        <thead className="sticky top-0 z-10 bg-card shadow-[0_1px_0_var(--border)]">
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => (
                <th
                  key={header.id}
                  aria-sort={ariaSort(header.column.getCanSort() ? header.column.getIsSorted() : undefined)}
                  className={cn(
                    "h-10 px-3 text-left align-middle text-xs font-medium tracking-wide whitespace-nowrap text-muted-foreground uppercase",
                    columnClassName?.(header.column.id),
                  )}
                >
                  {header.isPlaceholder ? null : flexRender(header.column.columnDef.header, header.getContext())}
                </th>
              ))}
            </tr>
          ))}
        </thead>
        <tbody>
          {paddingTop > 0 && (
            <tr aria-hidden>
              <td colSpan={columnCount} style={{ height: paddingTop }} />
            </tr>
          )}
          {items.map((item) => {
            const row = rows[item.index]!;
            return (
              <tr
                key={row.id}
                data-index={item.index}
                ref={virtual ? virtualizer.measureElement : undefined}
                aria-rowindex={item.index + 2}
                className="border-b transition-colors hover:bg-muted/50"
              >
                {row.getVisibleCells().map((cell) => (
                  <td key={cell.id} className={cn("px-3 py-2.5 align-middle", columnClassName?.(cell.column.id))}>
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </td>
                ))}
              </tr>
            );
          })}
          {paddingBottom > 0 && (
            <tr aria-hidden>
              <td colSpan={columnCount} style={{ height: paddingBottom }} />
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
