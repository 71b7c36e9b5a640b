"use client";

import { LockIcon, PrinterIcon } from "lucide-react";
import { useMemo, useState } from "react";
import { MetricCards } from "@/components/charts/metric-cards";
import { FullPageSpinner } from "@/components/layouts/full-page-spinner";
import { PageHeader } from "@/components/layouts/page-header";
import { ErrorState, NotFoundState } from "@/components/layouts/states";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { isApiError } from "@/lib/api/errors";
import type { SchemaBacktestResponse, SchemaEquityChart, SchemaSharedRunResponse } from "@/lib/api/schema";
import { useT } from "@/lib/i18n";
import { useSharedRun } from "../api/get-shared-run";
import type { ChartRange } from "../api/get-run-chart";
import { RunAccessProvider } from "../lib/run-access";
import { openTradeRow } from "../lib/trades";
import { accountCostsOf, AccountResult } from "./account-result";
import { gridFromResult } from "./backtest-result";
import { BenchmarkMetrics } from "./benchmark-metrics";
import { EquityCharts } from "./equity-chart";
import { MonthlyReturns } from "./monthly-returns";
import { DividendsResult } from "./prices-result";
import { RunDetails } from "./run-details";
import { TradesTable } from "./trades-table";

/** The part of a run's equity overview within `range` (a shared run zooms into the overview it has). */
export function equityWithin(equity: SchemaEquityChart | undefined, range: ChartRange): SchemaEquityChart | undefined {
  if (!equity?.time || (!range.from && !range.to)) return equity;
  const from = range.from ? Date.parse(range.from) : -Infinity;
  const to = range.to ? Date.parse(range.to) : Infinity;
  const keep = equity.time.map((time, i) => (time >= from && time <= to ? i : -1)).filter((i) => i >= 0);
  const pick = <T,>(values: T[] | null | undefined) => (values ? keep.map((i) => values[i]!) : values);
  return {
    ...equity,
    time: pick(equity.time) ?? [],
    equity: pick(equity.equity) ?? [],
    drawdown: pick(equity.drawdown) ?? [],
    buy_and_hold: pick(equity.buy_and_hold) ?? [],
    benchmark_equity: pick(equity.benchmark_equity) ?? null,
    total_points: keep.length,
  };
}

/** A shared run in the shape the run page's components read (they take only what both have). */
export function asRun(shared: SchemaSharedRunResponse): SchemaBacktestResponse {
  // RunDetails and the result components read only fields both responses have; the rest stay absent.
  return { ...shared, status: "completed", strategy_code: shared.strategy_code ?? undefined } as unknown as SchemaBacktestResponse;
}

function SharedResult({ token, shared }: { token: string; shared: SchemaSharedRunResponse }) {
  const t = useT();
  const run = useMemo(() => asRun(shared), [shared]);
  const result = shared.result;
  const [range, setRange] = useState<ChartRange>({});
  const portfolio = result?.portfolio ?? null;
  const zone = portfolio?.time_zone ?? shared.settings?.time_zone ?? "UTC";
  const currency = portfolio?.base_currency ?? shared.settings?.currency;
  const openTrade = useMemo(() => openTradeRow(result, shared.symbol ?? ""), [result, shared.symbol]);
  const accountCosts = useMemo(() => accountCostsOf(result), [result]);
  const equity = useMemo(() => equityWithin(result?.equity, range), [result, range]);
  return (
    <RunAccessProvider access={{ kind: "shared", token }}>
      <PageHeader
        title={
          <span className="flex flex-wrap items-center gap-3">
            <span className="break-keep" data-testid="shared-name">
              {shared.name}
            </span>
            <Badge variant="secondary" className="text-sm">
              <LockIcon />
              {t("share.page.badge")}
            </Badge>
          </span>
        }
        description={
          <>
            <span className="font-medium text-foreground">{shared.strategy_name}</span> ·{" "}
            <span className="font-mono">{(shared.symbols ?? [shared.symbol]).join(", ")}</span> · {shared.interval} · {shared.start_date} →{" "}
            {shared.end_date} · {currency}
            <span className="block text-xs break-keep">{t("share.page.readOnly")}</span>
          </>
        }
        actions={
          <Button variant="outline" onClick={() => window.print()} data-testid="shared-print">
            <PrinterIcon />
            {t("share.page.print")}
          </Button>
        }
      />
      <div className="grid grid-cols-1 gap-4" data-testid="shared-run">
        <MetricCards metrics={result?.metrics} currency={currency} />
        <EquityCharts
          equity={equity}
          currency={currency}
          timeZone={zone}
          interval={shared.interval}
          benchmark={shared.benchmark}
          range={range}
          onRangeChange={setRange}
          fetching={false}
        />
        <BenchmarkMetrics metrics={result?.metrics} benchmark={result?.benchmark} />
        <AccountResult result={result} currency={currency} timeZone={zone} />
        <DividendsResult result={result} currency={currency} />
        <MonthlyReturns grid={gridFromResult(result)} loading={false} />
        <TradesTable
          symbols={portfolio ? (shared.symbols ?? []) : undefined}
          openTrade={portfolio ? null : openTrade}
          runId={token}
          currency={currency}
          timeZone={zone}
          interval={shared.interval}
          tickSize={shared.settings?.costs?.tick_size}
          fileStem="shared"
          accountCosts={accountCosts}
        />
        <RunDetails run={run} shared />
        {!shared.include_code && (
          <p className="text-sm text-muted-foreground" data-testid="shared-no-code">
            {t("share.page.noCode")}
          </p>
        )}
      </div>
    </RunAccessProvider>
  );
}

/** A run read through its public link: results only, nothing to edit, rerun or delete. */
export function SharedRunView({ token }: { token: string }) {
  const t = useT();
  const shared = useSharedRun(token);
  if (!token || (isApiError(shared.error) && shared.error.status === 404)) {
    return (
      <NotFoundState
        title={t("share.page.notFoundTitle")}
        description={t("share.page.notFoundDescription")}
        backHref="/"
        backLabel={t("share.page.home")}
      />
    );
  }
  if (shared.isPending) return <FullPageSpinner />;
  if (shared.isError) return <ErrorState error={shared.error} onRetry={() => void shared.refetch()} />;
  return <SharedResult token={token} shared={shared.data} />;
}
