"use client";

import type { ColumnDef } from "@tanstack/react-table";
import { DownloadIcon, FileSpreadsheetIcon, FilterXIcon, ListXIcon } from "lucide-react";
import { useMemo, useState } from "react";
import { toast } from "sonner";
import { FillNoteBadge } from "@/components/layouts/fill-note-badge";
import { EmptyState, ErrorState, LoadingRows } from "@/components/layouts/states";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { FilterSelect } from "@/components/ui/filter-select";
import { Input } from "@/components/ui/input";
import { PagedTable, usePagedTable } from "@/components/ui/paged-table";
import { PaginationBar } from "@/components/ui/pagination-bar";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Spinner } from "@/components/ui/spinner";
import { formatBarTime, formatInteger, formatMoney, formatNumber, formatPercent, formatPrice } from "@/lib/format";
import { isTranslationKey, useLocale, useT, type Translate } from "@/lib/i18n";
import { signTone, toneClass } from "@/lib/metrics";
import { cn } from "@/lib/utils";
import { downloadFills, downloadRoundTrips } from "../api/download-csv";
import { useRoundTrips, type RoundTripFilters, type RoundTripParams } from "../api/get-round-trips";
import { useRunAccess } from "../lib/run-access";
import type { TradeRow } from "../lib/trades";

/** Page sizes; the API pages the round trips (at most 1000 a page), so a run of any length loads a page at a time. */
export const TRADE_PAGE_SIZES = [25, 100, 250];
const NUMERIC = new Set([
  "number",
  "quantity",
  "entry_price",
  "exit_price",
  "pnl",
  "return_pct",
  "costs",
  "funding",
  "borrow_cost",
  "dividends",
  "mae",
  "mfe",
  "bars_held",
]);
const HIDDEN_ON_SMALL: Record<string, string> = {
  entry_price: "hidden sm:table-cell",
  exit_price: "hidden sm:table-cell",
  quantity: "hidden md:table-cell",
  costs: "hidden xl:table-cell",
  funding: "hidden xl:table-cell",
  borrow_cost: "hidden xl:table-cell",
  dividends: "hidden lg:table-cell",
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
  /** A portfolio run's trades name their symbol. */
  withSymbol: boolean;
  /** Columns of what the account charged, shown only for runs that were charged any. */
  accountCosts: AccountCosts;
}

/** Which of the account's charges a run's trades carry: their columns are hidden when all are zero. */
export interface AccountCosts {
  funding: boolean;
  borrow: boolean;
  /** Cash dividends were paid (issue 19). */
  dividends?: boolean;
}

const NO_ACCOUNT_COSTS: AccountCosts = { funding: false, borrow: false, dividends: false };

function columns({ t, locale, currency, zone, interval, tick, withSymbol, accountCosts }: Context): ColumnDef<TradeRow>[] {
  const money = (v: number | undefined) => formatMoney(v, currency, locale);
  const pnlClass = (v: number | undefined) => cn("num", toneClass(signTone(v)));
  const symbol: ColumnDef<TradeRow>[] = withSymbol
    ? [
        {
          accessorKey: "symbol",
          header: () => t("portfolio.result.symbol"),
          cell: ({ row }) => <span className="font-mono text-xs whitespace-nowrap">{row.original.symbol}</span>,
        },
      ]
    : [];
  return [
    {
      accessorKey: "number",
      header: () => "#",
      cell: ({ row }) => <span className="text-muted-foreground tabular-nums">{row.original.number}</span>,
    },
    ...symbol,
    {
      accessorKey: "side",
      header: () => t("backtests.trades.side"),
      cell: ({ row }) => (
        <span className="flex items-center gap-1.5">
          <Badge variant={row.original.side === "short" ? "loss" : "gain"}>
            {t(row.original.side === "short" ? "backtests.trades.short" : "backtests.trades.long")}
          </Badge>
          {row.original.open && <Badge variant="outline">{t("backtests.trades.open")}</Badge>}
        </span>
      ),
    },
    {
      accessorKey: "entry_time",
      header: () => t("backtests.trades.entry"),
      cell: ({ row }) => <span className="whitespace-nowrap tabular-nums">{formatBarTime(row.original.entry_time, interval, zone)}</span>,
    },
    {
      accessorKey: "entry_price",
      header: () => t("backtests.trades.entryPrice"),
      cell: ({ row }) => <span className="tabular-nums">{formatPrice(row.original.entry_price, currency, locale, tick)}</span>,
    },
    {
      accessorKey: "exit_time",
      header: () => t("backtests.trades.exit"),
      cell: ({ row }) => <span className="whitespace-nowrap tabular-nums">{formatBarTime(row.original.exit_time, interval, zone)}</span>,
    },
    {
      accessorKey: "exit_price",
      header: () => t("backtests.trades.exitPrice"),
      cell: ({ row }) => <span className="tabular-nums">{formatPrice(row.original.exit_price, currency, locale, tick)}</span>,
    },
    {
      accessorKey: "quantity",
      header: () => t("backtests.trades.quantity"),
      cell: ({ row }) => <span className="tabular-nums">{formatNumber(row.original.quantity, locale, { maximumFractionDigits: 8 })}</span>,
    },
    {
      accessorKey: "pnl",
      header: () => t("backtests.trades.pnl"),
      cell: ({ row }) => <span className={pnlClass(row.original.pnl)}>{money(row.original.pnl)}</span>,
    },
    {
      accessorKey: "return_pct",
      header: () => t("backtests.trades.return"),
      cell: ({ row }) => (
        <span className={pnlClass(row.original.return_pct)}>{formatPercent(row.original.return_pct, locale, { signed: true })}</span>
      ),
    },
    {
      accessorKey: "costs",
      header: () => t("backtests.trades.costs"),
      cell: ({ row }) => <span className="tabular-nums">{money(row.original.costs)}</span>,
    },
    ...(accountCosts.funding
      ? [
          {
            accessorKey: "funding",
            header: () => t("backtests.trades.funding"),
            cell: ({ row }) => <span className="tabular-nums">{money(row.original.funding)}</span>,
          } satisfies ColumnDef<TradeRow>,
        ]
      : []),
    ...(accountCosts.borrow
      ? [
          {
            accessorKey: "borrow_cost",
            header: () => t("backtests.trades.borrowCost"),
            cell: ({ row }) => <span className="tabular-nums">{money(row.original.borrow_cost)}</span>,
          } satisfies ColumnDef<TradeRow>,
        ]
      : []),
    ...(accountCosts.dividends
      ? [
          {
            accessorKey: "dividends",
            header: () => t("prices.dividendsColumn"),
            cell: ({ row }) => <span className="tabular-nums">{money(row.original.dividends)}</span>,
          } satisfies ColumnDef<TradeRow>,
        ]
      : []),
    {
      accessorKey: "mae",
      header: () => t("backtests.trades.mae"),
      cell: ({ row }) => <span className="text-loss tabular-nums">{formatPercent(row.original.mae, locale)}</span>,
    },
    {
      accessorKey: "mfe",
      header: () => t("backtests.trades.mfe"),
      cell: ({ row }) => <span className="text-gain tabular-nums">{formatPercent(row.original.mfe, locale)}</span>,
    },
    {
      accessorKey: "bars_held",
      header: () => t("backtests.trades.bars"),
      cell: ({ row }) => <span className="tabular-nums">{formatInteger(row.original.bars_held, locale)}</span>,
    },
    {
      accessorKey: "exit_reason",
      header: () => t("backtests.trades.reason"),
      cell: ({ row }) => {
        const key = `backtests.exitReasons.${row.original.exit_reason}`;
        return (
          <span className="inline-flex items-center gap-1.5 whitespace-nowrap text-muted-foreground">
            {isTranslationKey(key) ? t(key) : row.original.exit_reason}
            <FillNoteBadge note={row.original.entry_note} />
            {row.original.exit_note !== row.original.entry_note && <FillNoteBadge note={row.original.exit_note} />}
          </span>
        );
      },
    },
  ];
}

const SIDES = ["long", "short"] as const;
const OUTCOMES = ["win", "loss"] as const;
const NO_FILTERS: RoundTripFilters = {};

/**
 * The run's round trips a page at a time from the API, filtered there by side, outcome and exit date
 * (so a run of any length stays light); the position still open at the end closes the last unfiltered
 * page. The CSV buttons stream every matching round trip and every fill from the API.
 */
export function TradesTable({
  runId,
  openTrade,
  currency,
  timeZone,
  interval,
  tickSize,
  fileStem,
  symbols,
  accountCosts = NO_ACCOUNT_COSTS,
}: {
  /** The account's charges the run had (from its metrics): their columns show only then. */
  accountCosts?: AccountCosts;
  /** A portfolio run's symbols: a symbol column and a filter by symbol. */
  symbols?: readonly string[];
  runId: string;
  openTrade: TradeRow | null;
  currency: string | undefined;
  timeZone: string;
  interval: string | undefined;
  tickSize: number | undefined;
  fileStem: string;
}) {
  const t = useT();
  const locale = useLocale();
  const [page, setPage] = useState(0);
  const [size, setSize] = useState(TRADE_PAGE_SIZES[0]!);
  const [filters, setFilters] = useState<RoundTripFilters>(NO_FILTERS);
  const [downloading, setDownloading] = useState<"trips" | "fills" | null>(null);
  const params: RoundTripParams = { page, size, ...filters };
  const query = useRoundTrips(runId, params);
  // A shared run's page offers no exports: they read the owner's endpoints.
  const readOnly = useRunAccess().kind === "shared";
  const filtered = Object.values(filters).some(Boolean);
  const withOpen = useMemo(() => {
    const items: TradeRow[] = (query.data?.items ?? []).map((item) => ({ ...item, open: false }));
    const lastPage = page >= (query.data?.total_pages ?? 0) - 1;
    return openTrade && !filtered && lastPage ? [...items, openTrade] : items;
  }, [query.data, openTrade, filtered, page]);
  const data = useMemo(() => (query.data ? { ...query.data, items: withOpen } : undefined), [query.data, withOpen]);
  const cols = useMemo(
    () => columns({ t, locale, currency, zone: timeZone, interval, tick: tickSize, withSymbol: !!symbols, accountCosts }),
    [t, locale, currency, timeZone, interval, tickSize, symbols, accountCosts],
  );
  const table = usePagedTable({ data, columns: cols, page, setPage, rowId: (row) => `${row.open ? "open" : "closed"}-${row.number}` });
  const total = query.data?.total_items ?? 0;

  const setFilter = (patch: RoundTripFilters) => {
    setFilters((current) => ({ ...current, ...patch }));
    setPage(0);
  };
  const download = async (what: "trips" | "fills") => {
    setDownloading(what);
    try {
      if (what === "trips") await downloadRoundTrips(runId, filters, `${fileStem}-round-trips.csv`);
      else await downloadFills(runId, `${fileStem}-fills.csv`);
    } catch {
      toast.error(t("backtests.trades.downloadFailed"));
    } finally {
      setDownloading(null);
    }
  };

  return (
    <Card className="gap-3" data-testid="trades">
      <CardHeader>
        <CardTitle className="text-base">{t("backtests.trades.title")}</CardTitle>
        <CardDescription>{t(filtered ? "backtests.trades.matching" : "backtests.trades.count", { count: total })}</CardDescription>
      </CardHeader>
      <div className="flex flex-wrap items-center gap-2 px-5" role="group" aria-label={t("backtests.trades.filters")}>
        {symbols && (
          <FilterSelect
            value={filters.symbol ?? ""}
            onValueChange={(value) => setFilter({ symbol: value || undefined })}
            label={t("portfolio.result.filterSymbol")}
            allLabel={t("portfolio.result.allSymbols")}
            options={symbols.map((s) => ({ value: s, label: s }))}
            size="sm"
            className="min-w-28"
            data-testid="filter-symbol"
          />
        )}
        <FilterSelect
          value={filters.side ?? ""}
          onValueChange={(value) => setFilter({ side: (value || undefined) as RoundTripFilters["side"] })}
          label={t("backtests.trades.side")}
          allLabel={t("backtests.trades.allSides")}
          options={SIDES.map((side) => ({ value: side, label: t(`backtests.trades.${side}`) }))}
          size="sm"
          className="min-w-28"
          data-testid="filter-side"
        />
        <FilterSelect
          value={filters.outcome ?? ""}
          onValueChange={(value) => setFilter({ outcome: (value || undefined) as RoundTripFilters["outcome"] })}
          label={t("backtests.trades.outcome")}
          allLabel={t("backtests.trades.allOutcomes")}
          options={OUTCOMES.map((outcome) => ({ value: outcome, label: t(`backtests.trades.${outcome}`) }))}
          size="sm"
          className="min-w-28"
          data-testid="filter-outcome"
        />
        <Input
          type="date"
          className="h-8 w-auto"
          aria-label={t("backtests.trades.exitFrom")}
          value={filters.from ?? ""}
          max={filters.to}
          onChange={(event) => setFilter({ from: event.target.value || undefined })}
          data-testid="filter-from"
        />
        <Input
          type="date"
          className="h-8 w-auto"
          aria-label={t("backtests.trades.exitTo")}
          value={filters.to ?? ""}
          min={filters.from}
          onChange={(event) => setFilter({ to: event.target.value || undefined })}
          data-testid="filter-to"
        />
        {filtered && (
          <Button
            variant="ghost"
            size="sm"
            onClick={() => setFilter({ side: undefined, outcome: undefined, from: undefined, to: undefined, symbol: undefined })}
          >
            <FilterXIcon />
            {t("backtests.clearFilters")}
          </Button>
        )}
        <div className={cn("ml-auto flex flex-wrap gap-2 print:hidden", readOnly && "hidden")}>
          <Button
            variant="outline"
            size="sm"
            onClick={() => void download("trips")}
            disabled={downloading !== null || total === 0}
            data-testid="export-trades"
          >
            {downloading === "trips" ? <Spinner /> : <FileSpreadsheetIcon />}
            {t("backtests.trades.exportCsv")}
          </Button>
          <Button
            variant="outline"
            size="sm"
            onClick={() => void download("fills")}
            disabled={downloading !== null}
            data-testid="download-fills"
          >
            {downloading === "fills" ? <Spinner /> : <DownloadIcon />}
            {t("backtests.trades.fillsCsv")}
          </Button>
        </div>
      </div>
      <CardContent className="px-0">
        {query.isError ? (
          <ErrorState error={query.error} onRetry={() => void query.refetch()} className="mx-5" />
        ) : query.isPending ? (
          <LoadingRows count={5} rowClassName="h-9" className="px-5" />
        ) : withOpen.length === 0 ? (
          <EmptyState
            icon={ListXIcon}
            title={t(filtered ? "backtests.trades.noMatchTitle" : "backtests.trades.emptyTitle")}
            description={t(filtered ? "backtests.trades.noMatchDescription" : "backtests.trades.emptyDescription")}
          />
        ) : (
          <>
            <div className="max-h-[36rem] overflow-auto border-y">
              <PagedTable
                table={table}
                label={t("backtests.trades.title")}
                sort={{ field: "", direction: "asc" }}
                onSort={() => {}}
                query={query}
                columnClassName={(id) => cn(NUMERIC.has(id) && "text-right", HIDDEN_ON_SMALL[id])}
                rowData={(row) => ({ "data-open": row.open ? "true" : undefined })}
              />
            </div>
            <PaginationBar
              className="px-5 pt-3"
              label={t("backtests.trades.pagination")}
              page={page}
              size={size}
              totalItems={total}
              totalPages={query.data?.total_pages ?? 0}
              pageSizes={TRADE_PAGE_SIZES}
              onPageChange={setPage}
              onSizeChange={(next) => {
                setSize(next);
                setPage(0);
              }}
            />
          </>
        )}
      </CardContent>
    </Card>
  );
}
