"use client";

import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { ErrorState, LoadingRows } from "@/components/layouts/states";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { SchemaTradeSummaryColumn, SchemaTradeSummaryResponse } from "@/lib/api/schema";
import { formatInteger, formatMoney, formatNumber, formatPercent } from "@/lib/format";
import { useLocale, useT } from "@/lib/i18n";
import { signTone, toneClass } from "@/lib/metrics";
import { cn } from "@/lib/utils";
import type { enResults } from "@/lib/i18n/en-results";
import { useTradeSummary } from "../api/get-trade-summary";
import { useRunAccess } from "../lib/run-access";

type Column = SchemaTradeSummaryColumn;
type Side = "all" | "long" | "short";
const SIDES: readonly Side[] = ["all", "long", "short"];

/** How a row is written: money with its fraction under it, a ratio, a count, a fraction or a number of bars. */
type RowKind = "money" | "ratio" | "count" | "percent" | "bars";

/** A row's name: a figure of the column that has a label. */
type RowName = keyof (typeof enResults)["results"]["summary"]["rows"];

interface ColumnRow {
  key: RowName & keyof Column;
  kind: RowKind;
  /** The money row's fraction (of the initial capital, or the trades' mean return). */
  pct?: keyof Column & string;
  /** Coloured by its sign (profit and loss), not as a plain figure. */
  signed?: boolean;
}

interface EquityRow {
  key: "max_run_up" | "max_drawdown" | "buy_and_hold_return";
  pct: "max_run_up_pct" | "max_drawdown_pct" | "buy_and_hold_return_pct";
}

/** TradingView's order: profit first, then the account's extremes, then the trades. */
const ROWS: (ColumnRow | EquityRow)[] = [
  { key: "net_profit", kind: "money", pct: "net_profit_pct", signed: true },
  { key: "gross_profit", kind: "money", pct: "gross_profit_pct", signed: true },
  { key: "gross_loss", kind: "money", pct: "gross_loss_pct", signed: true },
  { key: "commission_paid", kind: "money" },
  { key: "max_run_up", pct: "max_run_up_pct" },
  { key: "max_drawdown", pct: "max_drawdown_pct" },
  { key: "buy_and_hold_return", pct: "buy_and_hold_return_pct" },
  { key: "profit_factor", kind: "ratio" },
  { key: "trade_count", kind: "count" },
  { key: "winning_trades", kind: "count" },
  { key: "losing_trades", kind: "count" },
  { key: "even_trades", kind: "count" },
  { key: "percent_profitable", kind: "percent" },
  { key: "average_trade", kind: "money", pct: "average_trade_pct", signed: true },
  { key: "average_winning_trade", kind: "money", pct: "average_winning_trade_pct", signed: true },
  { key: "average_losing_trade", kind: "money", pct: "average_losing_trade_pct", signed: true },
  { key: "win_loss_ratio", kind: "ratio" },
  { key: "largest_winning_trade", kind: "money", pct: "largest_winning_trade_pct", signed: true },
  { key: "largest_losing_trade", kind: "money", pct: "largest_losing_trade_pct", signed: true },
  { key: "average_bars", kind: "bars" },
  { key: "average_bars_winning", kind: "bars" },
  { key: "average_bars_losing", kind: "bars" },
  { key: "max_consecutive_wins", kind: "count" },
  { key: "max_consecutive_losses", kind: "count" },
];

const isEquityRow = (row: ColumnRow | EquityRow): row is EquityRow => !("kind" in row);
const num = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);

function Money({
  value,
  pct,
  currency,
  locale,
  signed,
}: {
  value: number | null;
  pct: number | null;
  currency: string | undefined;
  locale: string;
  signed: boolean;
}) {
  if (value === null) return <span className="text-muted-foreground">—</span>;
  return (
    <span className="inline-grid justify-items-end leading-tight">
      <span className={cn("whitespace-nowrap tabular-nums", signed && toneClass(signTone(value)))}>
        {formatMoney(value, currency, locale)}
      </span>
      {pct !== null && (
        <span className="text-xs whitespace-nowrap text-muted-foreground tabular-nums">
          {formatPercent(pct, locale, { signed: signed })}
        </span>
      )}
    </span>
  );
}

/**
 * TradingView's "Performance summary": the closed trades' figures in three columns (all, long, short)
 * from `GET /backtests/{id}/summary`; the account's max run-up, max drawdown and buy & hold once, across
 * the three (they are measured on the equity, not on trades). On a phone the table scrolls inside its
 * own box with the figure names pinned.
 */
export function PerformanceSummary({ runId }: { runId: string }) {
  // A shared run's page reads only the shared link's endpoints, which have no summary.
  return useRunAccess().kind === "shared" ? null : <OwnersSummary runId={runId} />;
}

function OwnersSummary({ runId }: { runId: string }) {
  const t = useT();
  const query = useTradeSummary(runId);
  return (
    <Card className="gap-3" data-testid="performance-summary">
      <CardHeader>
        <CardTitle className="text-base">{t("results.summary.title")}</CardTitle>
        <CardDescription className="break-keep">{t("results.summary.description")}</CardDescription>
      </CardHeader>
      <CardContent className="px-0">
        {query.isError ? (
          <ErrorState error={query.error} onRetry={() => void query.refetch()} className="mx-5" />
        ) : query.isPending ? (
          <LoadingRows count={6} rowClassName="h-8" className="px-5" />
        ) : (
          <SummaryTable summary={query.data} />
        )}
      </CardContent>
    </Card>
  );
}

export function SummaryTable({ summary }: { summary: SchemaTradeSummaryResponse }) {
  const t = useT();
  const locale = useLocale();
  const currency = summary.currency;
  const cell = (row: ColumnRow, column: Column) => {
    const value = num(column[row.key]);
    switch (row.kind) {
      case "money":
        return (
          <Money value={value} pct={row.pct ? num(column[row.pct]) : null} currency={currency} locale={locale} signed={!!row.signed} />
        );
      case "ratio":
        return value === null ? "—" : formatNumber(value, locale, { minimumFractionDigits: 2, maximumFractionDigits: 3 });
      case "count":
        return formatInteger(value, locale);
      case "percent":
        return value === null ? "—" : formatPercent(value, locale);
      case "bars":
        return value === null ? "—" : formatNumber(value, locale, { maximumFractionDigits: 1 });
    }
  };
  return (
    <Table containerClassName="border-y" aria-label={t("results.summary.title")} data-testid="summary-table">
      <TableHeader>
        <TableRow>
          <TableHead className="sticky left-0 z-10 bg-card">{t("results.summary.figure")}</TableHead>
          {SIDES.map((side) => (
            <TableHead key={side} className="text-right" data-testid={`summary-column-${side}`}>
              {t(`results.summary.${side}`)}
            </TableHead>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody>
        {ROWS.map((row) => (
          <TableRow key={row.key} data-testid={`summary-row-${row.key}`}>
            <TableCell className="sticky left-0 z-10 bg-card text-sm break-keep text-muted-foreground">
              {t(`results.summary.rows.${row.key}`)}
            </TableCell>
            {isEquityRow(row) ? (
              <TableCell colSpan={3} className="text-right" title={t("results.summary.equityOnly")}>
                <Money
                  value={num(summary[row.key])}
                  pct={num(summary[row.pct])}
                  currency={currency}
                  locale={locale}
                  signed={row.key !== "max_run_up"}
                />
              </TableCell>
            ) : (
              SIDES.map((side) => (
                <TableCell key={side} className="text-right tabular-nums">
                  {cell(row, summary[side]!)}
                </TableCell>
              ))
            )}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
