"use client";

import type { ColumnDef } from "@tanstack/react-table";
import { ChevronRightIcon, DownloadIcon, FileSpreadsheetIcon, FilterXIcon, ListXIcon } from "lucide-react";
import { useMemo, useState, type ReactNode } from "react";
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
const NUMERIC = new Set(["pnl", "return_pct", "cumulative_pnl", "run_up", "drawdown"]);
/**
 * What always shows (#, side, P&L, return, entry, exit) and what joins it as the page widens; every
 * figure of a trade is in its expanded row too, so nothing needs the page to scroll sideways.
 */
const HIDDEN_ON_SMALL: Record<string, string> = {
  cumulative_pnl: "hidden md:table-cell",
  run_up: "hidden xl:table-cell",
  drawdown: "hidden xl:table-cell",
  exit_reason: "hidden 2xl:table-cell",
};
/** The first column stays in view while the table scrolls inside its box. */
const STICKY = "sticky left-0 z-10 bg-card";

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

function columns(
  { t, locale, currency, zone, interval, tick, withSymbol }: Context,
  expanded: ReadonlySet<string>,
  toggle: (id: string) => void,
): ColumnDef<TradeRow>[] {
  const money = (v: number | undefined) => formatMoney(v, currency, locale);
  const pnlClass = (v: number | undefined) => cn("num whitespace-nowrap", toneClass(signTone(v)));
  const symbol: ColumnDef<TradeRow>[] = withSymbol
    ? [
        {
          accessorKey: "symbol",
          header: () => t("portfolio.result.symbol"),
          cell: ({ row }) => <span className="font-mono text-xs whitespace-nowrap">{row.original.symbol}</span>,
        },
      ]
    : [];
  const when = (time: string | undefined, price: number | undefined) => (
    <span className="inline-grid leading-tight">
      <span className="whitespace-nowrap tabular-nums">{formatBarTime(time, interval, zone)}</span>
      <span className="hidden text-xs whitespace-nowrap text-muted-foreground tabular-nums sm:inline">
        {formatPrice(price, currency, locale, tick)}
      </span>
    </span>
  );
  const withFraction = (value: number | undefined, fraction: number | null | undefined, className: string | undefined) => (
    <span className="inline-grid justify-items-end leading-tight">
      <span className={cn("whitespace-nowrap tabular-nums", className)}>{money(value)}</span>
      <span className="text-xs whitespace-nowrap text-muted-foreground tabular-nums">
        {formatPercent(fraction, locale, { signed: true })}
      </span>
    </span>
  );
  return [
    {
      accessorKey: "number",
      header: () => "#",
      cell: ({ row }) => {
        const id = rowKey(row.original);
        const open = expanded.has(id);
        return (
          <button
            type="button"
            className="inline-flex items-center gap-0.5 text-muted-foreground tabular-nums hover:text-foreground"
            aria-expanded={open}
            aria-label={t(open ? "results.trades.hideDetails" : "results.trades.showDetails", { number: row.original.number ?? "" })}
            onClick={() => toggle(id)}
            data-testid="trade-expand"
          >
            <ChevronRightIcon className={cn("size-3.5 transition-transform", open && "rotate-90")} aria-hidden />
            {row.original.number}
          </button>
        );
      },
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
      accessorKey: "entry_time",
      header: () => t("backtests.trades.entry"),
      cell: ({ row }) => when(row.original.entry_time, row.original.entry_price),
    },
    {
      accessorKey: "exit_time",
      header: () => t("backtests.trades.exit"),
      cell: ({ row }) => when(row.original.exit_time, row.original.exit_price),
    },
    {
      accessorKey: "cumulative_pnl",
      header: () => <span title={t("results.trades.cumulativeHint")}>{t("results.trades.cumulative")}</span>,
      cell: ({ row }) =>
        row.original.open
          ? "—"
          : withFraction(row.original.cumulative_pnl, row.original.cumulative_pnl_pct, toneClass(signTone(row.original.cumulative_pnl))),
    },
    {
      accessorKey: "run_up",
      header: () => t("results.trades.runUp"),
      cell: ({ row }) => (row.original.open ? "—" : withFraction(row.original.run_up, row.original.mfe, "text-gain")),
    },
    {
      accessorKey: "drawdown",
      header: () => t("results.trades.drawdown"),
      cell: ({ row }) => (row.original.open ? "—" : withFraction(row.original.drawdown, row.original.mae, "text-loss")),
    },
    {
      accessorKey: "exit_reason",
      header: () => t("backtests.trades.reason"),
      cell: ({ row }) => <ExitReason row={row.original} t={t} />,
    },
  ];
}

function ExitReason({ row, t }: { row: TradeRow; t: Translate }) {
  const key = `backtests.exitReasons.${row.exit_reason}`;
  return (
    <span className="inline-flex items-center gap-1.5 whitespace-nowrap text-muted-foreground">
      {isTranslationKey(key) ? t(key) : row.exit_reason}
      <FillNoteBadge note={row.entry_note} />
      {row.exit_note !== row.entry_note && <FillNoteBadge note={row.exit_note} />}
    </span>
  );
}

const rowKey = (row: TradeRow) => `${row.open ? "open" : "closed"}-${row.number}`;

/** Every figure of one trade, under its row: what the narrower columns leave out, and the account's charges. */
function TradeDetails({ row, context }: { row: TradeRow; context: Context }) {
  const { t, locale, currency, tick, accountCosts } = context;
  const money = (v: number | undefined) => formatMoney(v, currency, locale);
  const item = (label: string, value: ReactNode, className?: string) => (
    <div className="grid gap-0.5">
      <dt className="text-xs text-muted-foreground">{label}</dt>
      <dd className={cn("tabular-nums", className)}>{value}</dd>
    </div>
  );
  const fraction = (v: number | null | undefined) => formatPercent(v, locale, { signed: true });
  return (
    <dl
      className="sticky left-0 grid max-w-[calc(100vw-3rem)] grid-cols-2 gap-x-6 gap-y-2 px-4 py-3 text-sm sm:grid-cols-3 lg:grid-cols-6"
      data-testid="trade-details"
    >
      {item(t("backtests.trades.entryPrice"), formatPrice(row.entry_price, currency, locale, tick))}
      {item(t("backtests.trades.exitPrice"), formatPrice(row.exit_price, currency, locale, tick))}
      {item(t("backtests.trades.quantity"), formatNumber(row.quantity, locale, { maximumFractionDigits: 8 }))}
      {item(t("backtests.trades.costs"), money(row.costs))}
      {accountCosts.funding && item(t("backtests.trades.funding"), money(row.funding))}
      {accountCosts.borrow && item(t("backtests.trades.borrowCost"), money(row.borrow_cost))}
      {accountCosts.dividends && item(t("prices.dividendsColumn"), money(row.dividends))}
      {!row.open &&
        item(
          t("results.trades.cumulative"),
          `${money(row.cumulative_pnl)} (${fraction(row.cumulative_pnl_pct)})`,
          toneClass(signTone(row.cumulative_pnl)),
        )}
      {!row.open && item(t("results.trades.runUp"), `${money(row.run_up)} (${fraction(row.mfe)})`, "text-gain")}
      {!row.open && item(t("results.trades.drawdown"), `${money(row.drawdown)} (${fraction(row.mae)})`, "text-loss")}
      {item(t("backtests.trades.bars"), formatInteger(row.bars_held, locale))}
      {item(t("backtests.trades.reason"), <ExitReason row={row} t={t} />)}
    </dl>
  );
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
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const context: Context = useMemo(
    () => ({ t, locale, currency, zone: timeZone, interval, tick: tickSize, withSymbol: !!symbols, accountCosts }),
    [t, locale, currency, timeZone, interval, tickSize, symbols, accountCosts],
  );
  const cols = useMemo(
    () =>
      columns(context, expanded, (id) =>
        setExpanded((current) => {
          const next = new Set(current);
          if (!next.delete(id)) next.add(id);
          return next;
        }),
      ),
    [context, expanded],
  );
  const table = usePagedTable({ data, columns: cols, page, setPage, rowId: rowKey });
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
                columnClassName={(id) => cn(NUMERIC.has(id) && "text-right", HIDDEN_ON_SMALL[id], id === "number" && STICKY)}
                rowData={(row) => ({ "data-open": row.open ? "true" : undefined })}
                expandedRow={(row) => (expanded.has(rowKey(row)) ? <TradeDetails row={row} context={context} /> : null)}
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
