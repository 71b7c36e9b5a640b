"use client";

import { getCoreRowModel, useReactTable, type ColumnDef } from "@tanstack/react-table";
import { useMemo } from "react";
import { VirtualTable } from "@/components/ui/data-table";
import type { BadRow } from "@/lib/api/errors";
import { formatInteger } from "@/lib/format";
import { useLocale, useT } from "@/lib/i18n";

/** The lines of a CSV file the importer refused, with the reason for each (line 1 is the header). */
export function BadRowsTable({ rows }: { rows: BadRow[] }) {
  const t = useT();
  const locale = useLocale();
  const columns = useMemo<ColumnDef<BadRow>[]>(
    () => [
      {
        accessorKey: "line",
        header: () => t("marketData.line"),
        cell: ({ row }) => <span className="font-mono tabular-nums">{formatInteger(row.original.line, locale)}</span>,
      },
      {
        accessorKey: "reason",
        header: () => t("marketData.reason"),
        cell: ({ row }) => <span>{row.original.reason}</span>,
      },
    ],
    [t, locale],
  );
  const table = useReactTable({
    data: rows,
    columns,
    getCoreRowModel: getCoreRowModel(),
    getRowId: (row, index) => `${row.line}:${index}`,
  });
  return (
    <div className="overflow-hidden rounded-lg border bg-card" data-testid="bad-rows">
      <VirtualTable
        table={table}
        label={t("marketData.badRowsTitle")}
        maxHeight="18rem"
        estimateRowHeight={41}
        columnClassName={(id) => (id === "line" ? "w-24" : undefined)}
      />
    </div>
  );
}
