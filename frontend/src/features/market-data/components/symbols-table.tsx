"use client";

import { getCoreRowModel, getSortedRowModel, useReactTable, type ColumnDef, type SortingState } from "@tanstack/react-table";
import { DatabaseIcon, SearchXIcon } from "lucide-react";
import { useMemo, useState } from "react";
import Link from "next/link";
import { BoardBadge } from "@/components/layouts/board-badge";
import { EmptyState, TablePanel } from "@/components/layouts/states";
import { Badge } from "@/components/ui/badge";
import { SortableHeader, VirtualTable } from "@/components/ui/data-table";
import { FilterSelect } from "@/components/ui/filter-select";
import { SearchInput } from "@/components/ui/search-input";
import { useDebouncedValue } from "@/hooks/use-debounced-value";
import { formatBarTime, formatInteger, timeZoneAbbreviation } from "@/lib/format";
import { useLanguage, useLocale, useT, type Language, type Translate } from "@/lib/i18n";
import { symbolName } from "@/lib/symbol-name";
import { MARKETS } from "../api/import-csv";
import { useSymbols } from "../api/get-symbols";
import { toRows, type SymbolRow } from "../lib/rows";

/** The symbol page of a row's series. */
export const symbolHref = (row: Pick<SymbolRow, "symbol" | "dataset">) =>
  `/data/symbol?${new URLSearchParams({ symbol: row.symbol, dataset: row.dataset }).toString()}`;

function columns(t: Translate, locale: string, language: Language): ColumnDef<SymbolRow>[] {
  return [
    {
      accessorKey: "symbol",
      header: ({ header }) => <SortableHeader header={header} label={t("marketData.symbol")} />,
      cell: ({ row }) => (
        <div className="grid min-w-40 gap-0.5">
          <span className="flex items-center gap-2">
            <Link
              href={symbolHref(row.original)}
              className="font-mono font-medium underline-offset-4 hover:underline"
              data-testid="symbol-link"
            >
              {row.original.symbol}
            </Link>
            <Badge variant="outline">{row.original.market}</Badge>
            <BoardBadge board={row.original.board} />
            {row.original.dataset === "own" && <Badge variant="secondary">{t("marketData.ownUpload")}</Badge>}
          </span>
          <span className="line-clamp-1 text-xs break-keep text-muted-foreground">
            {symbolName({ symbol: row.original.symbol, name: row.original.name, name_ko: row.original.nameKo }, language)}
          </span>
        </div>
      ),
    },
    {
      accessorKey: "interval",
      header: ({ header }) => <SortableHeader header={header} label={t("marketData.interval")} />,
      cell: ({ row }) =>
        row.original.interval ? (
          <Badge variant="secondary" className="font-mono">
            {row.original.interval}
          </Badge>
        ) : (
          <span className="text-muted-foreground">{t("marketData.noBars")}</span>
        ),
    },
    {
      id: "range",
      accessorFn: (row) => row.firstBar ?? "",
      header: ({ header }) => <SortableHeader header={header} label={t("marketData.range")} />,
      cell: ({ row }) =>
        row.original.firstBar ? (
          <span className="whitespace-nowrap tabular-nums">
            {formatBarTime(row.original.firstBar, row.original.interval, row.original.timeZone)}
            <span className="px-1.5 text-muted-foreground">→</span>
            {formatBarTime(row.original.lastBar, row.original.interval, row.original.timeZone)}
            <span className="ml-2 text-xs text-muted-foreground">{timeZoneAbbreviation(row.original.timeZone, locale)}</span>
          </span>
        ) : (
          <span className="text-muted-foreground">—</span>
        ),
    },
    {
      accessorKey: "barCount",
      header: ({ header }) => <SortableHeader header={header} label={t("marketData.bars")} />,
      cell: ({ row }) => <span className="tabular-nums">{formatInteger(row.original.barCount, locale)}</span>,
    },
    {
      accessorKey: "currency",
      header: () => t("marketData.currency"),
      enableSorting: false,
      cell: ({ row }) => <span className="text-muted-foreground">{row.original.currency}</span>,
    },
  ];
}

const hideOnSmall = (id: string) => (id === "currency" ? "hidden md:table-cell" : id === "range" ? "hidden sm:table-cell" : undefined);

/** Every symbol with the stored range and bar count of each interval; searchable, sortable, virtualised. */
export function SymbolsTable() {
  const t = useT();
  const locale = useLocale();
  const [search, setSearch] = useState("");
  const [market, setMarket] = useState("");
  const query = useDebouncedValue(search.trim(), 250);
  const symbols = useSymbols({ query, market: market || undefined });
  const rows = useMemo(() => toRows(symbols.data ?? []), [symbols.data]);
  const [sorting, setSorting] = useState<SortingState>([{ id: "symbol", desc: false }]);
  const language = useLanguage();
  const cols = useMemo(() => columns(t, locale, language), [t, locale, language]);
  const table = useReactTable({
    data: rows,
    columns: cols,
    state: { sorting },
    onSortingChange: setSorting,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getRowId: (row) => row.key,
  });

  return (
    <div className="grid gap-3">
      <div className="flex flex-col gap-2 sm:flex-row sm:items-center">
        <SearchInput
          value={search}
          onChange={(event) => setSearch(event.target.value)}
          placeholder={t("marketData.searchPlaceholder")}
          aria-label={t("marketData.search")}
          maxLength={100}
          className="sm:w-72"
        />
        <FilterSelect
          value={market}
          onValueChange={setMarket}
          label={t("marketData.market")}
          allLabel={t("marketData.allMarkets")}
          options={MARKETS.map((m) => ({ value: m, label: m }))}
          className="sm:w-44"
        />
        {symbols.data && (
          <p className="text-sm text-muted-foreground sm:ml-auto" aria-live="polite">
            {t("marketData.symbolCount", { count: symbols.data.length })}
          </p>
        )}
      </div>
      <TablePanel
        query={symbols}
        loadingRows={4}
        rowClassName="h-10"
        empty={
          rows.length === 0 &&
          (query || market ? (
            <EmptyState icon={SearchXIcon} title={t("marketData.noMatches")} />
          ) : (
            <EmptyState icon={DatabaseIcon} title={t("marketData.emptyTitle")} description={t("marketData.emptyDescription")} />
          ))
        }
      >
        <VirtualTable
          table={table}
          label={t("marketData.symbolsTitle")}
          maxHeight="30rem"
          estimateRowHeight={53}
          columnClassName={hideOnSmall}
        />
      </TablePanel>
    </div>
  );
}
