"use client";

import {
  getCoreRowModel,
  getPaginationRowModel,
  getSortedRowModel,
  useReactTable,
  type ColumnDef,
  type PaginationState,
  type SortingState,
} from "@tanstack/react-table";
import { DownloadIcon, FileSpreadsheetIcon, ListXIcon } from "lucide-react";
import { useMemo, useState } from "react";
import { toast } from "sonner";
import { EmptyState } from "@/components/layouts/states";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { PaginationBar } from "@/components/ui/pagination-bar";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { SortableHeader, VirtualTable } from "@/components/ui/data-table";
import { Spinner } from "@/components/ui/spinner";
import { formatBarTime, formatInteger, formatMoney, formatNumber, formatPercent, formatPrice } from "@/lib/format";
import { isTranslationKey, useLocale, useT, type Translate } from "@/lib/i18n";
import { signTone, toneClass } from "@/lib/metrics";
import { cn } from "@/lib/utils";
import { downloadFills, saveBlob } from "../api/download-fills";
import { tradesCsv, type TradeRow } from "../lib/trades";

/** Page sizes; a page over 100 rows is virtualised (only the rows in view are in the page). */
export const TRADE_PAGE_SIZES = [25, 100, 500, 5000];
const NUMERIC = new Set(["number", "quantity", "entry_price", "exit_price", "pnl", "return_pct", "costs", "mae", "mfe", "bars_held"]);
const HIDDEN_ON_SMALL: Record<string, string> = {
  entry_price: "hidden sm:table-cell",
  exit_price: "hidden sm:table-cell",
  quantity: "hidden md:table-cell",
  costs: "hidden xl:table-cell",
  mae: "hidden xl:table-cell",
  mfe: "hidden xl:table-cell",
  bars_held: "hidden lg:table-cell",
  exit_reason: "hidden lg:table-cell",
};

interface Context {
  t: Translate;
  locale: string;
  currency: string | undefined;
  zone: string;
  interval: string | undefined;
  tick: number | undefined;
}

const time = (value: string | undefined) => (value ? Date.parse(value) : 0);

function columns({ t, locale, currency, zone, interval, tick }: Context): ColumnDef<TradeRow>[] {
  const money = (v: number | undefined) => formatMoney(v, currency, locale);
  const pnlClass = (v: number | undefined) => cn("tabular-nums", toneClass(signTone(v)));
  return [
    {
      accessorKey: "number",
      header: ({ header }) => <SortableHeader header={header} label="#" />,
      cell: ({ row }) => <span className="text-muted-foreground tabular-nums">{row.original.number}</span>,
    },
    {
      accessorKey: "side",
      header: ({ header }) => <SortableHeader header={header} label={t("backtests.trades.side")} />,
      cell: ({ row }) => (
        <span className="flex items-center gap-1.5">
          <Badge variant={row.original.side === "short" ? "destructive" : "success"}>
            {t(row.original.side === "short" ? "backtests.trades.short" : "backtests.trades.long")}
          </Badge>
          {row.original.open && <Badge variant="outline">{t("backtests.trades.open")}</Badge>}
        </span>
      ),
    },
    {
      id: "entry_time",
      accessorFn: (row) => time(row.entry_time),
      header: ({ header }) => <SortableHeader header={header} label={t("backtests.trades.entry")} />,
      cell: ({ row }) => <span className="whitespace-nowrap tabular-nums">{formatBarTime(row.original.entry_time, interval, zone)}</span>,
    },
    {
      accessorKey: "entry_price",
      header: ({ header }) => <SortableHeader header={header} label={t("backtests.trades.entryPrice")} />,
      cell: ({ row }) => <span className="tabular-nums">{formatPrice(row.original.entry_price, currency, locale, tick)}</span>,
    },
    {
      id: "exit_time",
      accessorFn: (row) => time(row.exit_time),
      header: ({ header }) => <SortableHeader header={header} label={t("backtests.trades.exit")} />,
      cell: ({ row }) => <span className="whitespace-nowrap tabular-nums">{formatBarTime(row.original.exit_time, interval, zone)}</span>,
    },
    {
      accessorKey: "exit_price",
      header: ({ header }) => <SortableHeader header={header} label={t("backtests.trades.exitPrice")} />,
      cell: ({ row }) => <span className="tabular-nums">{formatPrice(row.original.exit_price, currency, locale, tick)}</span>,
    },
    {
      accessorKey: "quantity",
      header: ({ header }) => <SortableHeader header={header} label={t("backtests.trades.quantity")} />,
      cell: ({ row }) => <span className="tabular-nums">{formatNumber(row.original.quantity, locale, { maximumFractionDigits: 8 })}</span>,
    },
    {
      accessorKey: "pnl",
      header: ({ header }) => <SortableHeader header={header} label={t("backtests.trades.pnl")} />,
      cell: ({ row }) => <span className={pnlClass(row.original.pnl)}>{money(row.original.pnl)}</span>,
    },
    {
      accessorKey: "return_pct",
      header: ({ header }) => <SortableHeader header={header} label={t("backtests.trades.return")} />,
      cell: ({ row }) => (
        <span className={pnlClass(row.original.return_pct)}>{formatPercent(row.original.return_pct, locale, { signed: true })}</span>
      ),
    },
    {
      accessorKey: "costs",
      header: ({ header }) => <SortableHeader header={header} label={t("backtests.trades.costs")} />,
      cell: ({ row }) => <span className="tabular-nums">{money(row.original.costs)}</span>,
    },
    {
      accessorKey: "mae",
      header: ({ header }) => <SortableHeader header={header} label={t("backtests.trades.mae")} />,
      cell: ({ row }) => <span className="text-loss tabular-nums">{formatPercent(row.original.mae, locale)}</span>,
    },
    {
      accessorKey: "mfe",
      header: ({ header }) => <SortableHeader header={header} label={t("backtests.trades.mfe")} />,
      cell: ({ row }) => <span className="text-gain tabular-nums">{formatPercent(row.original.mfe, locale)}</span>,
    },
    {
      accessorKey: "bars_held",
      header: ({ header }) => <SortableHeader header={header} label={t("backtests.trades.bars")} />,
      cell: ({ row }) => <span className="tabular-nums">{formatInteger(row.original.bars_held, locale)}</span>,
    },
    {
      accessorKey: "exit_reason",
      header: ({ header }) => <SortableHeader header={header} label={t("backtests.trades.reason")} />,
      cell: ({ row }) => {
        const key = `backtests.exitReasons.${row.original.exit_reason}`;
        return <span className="whitespace-nowrap text-muted-foreground">{isTranslationKey(key) ? t(key) : row.original.exit_reason}</span>;
      },
    },
  ];
}

/**
 * The run's round trips: sortable by any column, paginated, virtualised when a page is long,
 * exportable as CSV (built here from the round trips) next to the API's CSV of every fill.
 */
export function TradesTable({
  rows,
  runId,
  currency,
  timeZone,
  interval,
  tickSize,
  fileStem,
}: {
  rows: readonly TradeRow[];
  runId: string;
  currency: string | undefined;
  timeZone: string;
  interval: string | undefined;
  tickSize: number | undefined;
  fileStem: string;
}) {
  const t = useT();
  const locale = useLocale();
  const [sorting, setSorting] = useState<SortingState>([]);
  const [pagination, setPagination] = useState<PaginationState>({ pageIndex: 0, pageSize: TRADE_PAGE_SIZES[0]! });
  const [downloading, setDownloading] = useState(false);
  const cols = useMemo(
    () => columns({ t, locale, currency, zone: timeZone, interval, tick: tickSize }),
    [t, locale, currency, timeZone, interval, tickSize],
  );
  const data = useMemo(() => [...rows], [rows]);
  const table = useReactTable({
    data,
    columns: cols,
    state: { sorting, pagination },
    onSortingChange: setSorting,
    onPaginationChange: setPagination,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getPaginationRowModel: getPaginationRowModel(),
    getRowId: (row) => String(row.number),
  });
  const pageCount = table.getPageCount();
  const { pageIndex, pageSize } = pagination;

  const exportCsv = () => saveBlob(new Blob([tradesCsv(rows)], { type: "text/csv;charset=utf-8" }), `${fileStem}-trades.csv`);
  const exportFills = async () => {
    setDownloading(true);
    try {
      await downloadFills(runId, `${fileStem}-fills.csv`);
    } catch {
      toast.error(t("backtests.trades.downloadFailed"));
    } finally {
      setDownloading(false);
    }
  };

  return (
    <Card className="gap-3" data-testid="trades">
      <CardHeader>
        <CardTitle className="text-base">{t("backtests.trades.title")}</CardTitle>
        <CardDescription>{t("backtests.trades.count", { count: rows.length })}</CardDescription>
      </CardHeader>
      <div className="flex flex-wrap gap-2 px-5">
        <Button variant="outline" size="sm" onClick={exportCsv} disabled={rows.length === 0} data-testid="export-trades">
          <FileSpreadsheetIcon />
          {t("backtests.trades.exportCsv")}
        </Button>
        <Button variant="outline" size="sm" onClick={() => void exportFills()} disabled={downloading} data-testid="download-fills">
          {downloading ? <Spinner /> : <DownloadIcon />}
          {t("backtests.trades.fillsCsv")}
        </Button>
      </div>
      <CardContent className="px-0">
        {rows.length === 0 ? (
          <EmptyState icon={ListXIcon} title={t("backtests.trades.emptyTitle")} description={t("backtests.trades.emptyDescription")} />
        ) : (
          <>
            <VirtualTable
              table={table}
              label={t("backtests.trades.title")}
              maxHeight="36rem"
              className="border-y"
              columnClassName={(id) => cn(NUMERIC.has(id) && "text-right [&>button]:ml-auto", HIDDEN_ON_SMALL[id])}
            />
            <PaginationBar
              className="px-5 pt-3"
              label={t("backtests.trades.pagination")}
              page={pageIndex}
              size={pageSize}
              totalItems={rows.length}
              totalPages={pageCount}
              pageSizes={TRADE_PAGE_SIZES}
              onPageChange={(next) => table.setPageIndex(next)}
              onSizeChange={(next) => table.setPageSize(next)}
            />
          </>
        )}
      </CardContent>
    </Card>
  );
}
