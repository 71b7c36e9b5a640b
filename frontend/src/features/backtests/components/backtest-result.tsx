"use client";

import { AlertCircleIcon, AlertTriangleIcon, CircleSlashIcon, PencilLineIcon, RotateCwIcon, SquareIcon, Trash2Icon } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useMemo, useState, type ReactNode } from "react";
import { toast } from "sonner";
import { ConfirmDialog } from "@/components/layouts/confirm-dialog";
import { FullPageSpinner } from "@/components/layouts/full-page-spinner";
import { PageHeader } from "@/components/layouts/page-header";
import { isRunActive, RunStatusBadge } from "@/components/layouts/run-status-badge";
import { ErrorState, NotFoundState } from "@/components/layouts/states";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { Progress } from "@/components/ui/progress";
import { Spinner } from "@/components/ui/spinner";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { isApiError } from "@/lib/api/errors";
import type { SchemaBacktestResponse, SchemaMonthlyReturnsGrid, SchemaRunResult } from "@/lib/api/schema";
import { formatRelativeTime } from "@/lib/format";
import { useLanguage, useLocale, useT } from "@/lib/i18n";
import { symbolName } from "@/lib/symbol-name";
import { useDeleteBacktest } from "../api/delete-backtest";
import { useRerunBacktest } from "../api/rerun-backtest";
import { useBacktest } from "../api/get-backtest";
import { useSymbolOptions } from "../api/get-form-options";
import { useRunChart, type ChartRange } from "../api/get-run-chart";
import { isFinal, useRunProgress, type RunState } from "../api/watch-backtest";
import { newBacktestHref, prefillFromRun } from "../lib/backtest-form";
import { openTradeRow } from "../lib/trades";
import { BenchmarkMetrics } from "./benchmark-metrics";
import { EquityCharts } from "./equity-chart";
import { MetricCards } from "@/components/charts/metric-cards";
import { MonthlyReturns } from "./monthly-returns";
import { AllocationChart, ContributionTable, HoldingsAtDate, PortfolioFacts } from "./portfolio-result";
import { PriceChart } from "./price-chart";
import { RunDetails } from "./run-details";
import { RunStrategyVersion } from "./run-strategy-version";
import { RunNotes, RunTitle } from "./run-document";
import { ReportButton, ShareDialog } from "./share-dialog";
import { DividendsResult } from "./prices-result";
import { AccountResult, accountCostsOf } from "./account-result";
import { TradesTable } from "./trades-table";
import { PerformanceSummary } from "./performance-summary";
import { ReturnCharts } from "./return-charts";
import { DrawdownPeriods } from "./drawdown-periods";
import { RangeNote } from "./range-note";

/** The stored monthly returns as the chart endpoint's grid (used until, or if not, that answers). */
export function gridFromResult(result: SchemaRunResult | null | undefined): SchemaMonthlyReturnsGrid | undefined {
  const monthly = result?.monthly_returns ?? [];
  if (monthly.length === 0) return undefined;
  const first = Math.min(...monthly.map((m) => m.year ?? 0));
  const last = Math.max(...monthly.map((m) => m.year ?? 0));
  const years = Array.from({ length: last - first + 1 }, (_, i) => first + i);
  const months = years.map(() => Array.from({ length: 12 }, () => null as number | null));
  for (const m of monthly) {
    if (m.year != null && m.month != null && m.return != null) months[m.year - first]![m.month - 1] = m.return;
  }
  const yearly = years.map((y) => result?.yearly_returns?.find((r) => r.year === y)?.return ?? null);
  return { years, months: months as number[][], yearly: yearly as number[] };
}

/**
 * A queued or running run, followed live over the event stream. Its status line carries the stop
 * control, small and on the left: never where the new-backtest form's submit button was, so a double
 * click on that button cannot land on it.
 */
function LiveProgress({ run, onStop }: { run: SchemaBacktestResponse; onStop: () => void }) {
  const t = useT();
  const live = useRunProgress(run.id!, {
    status: (run.status ?? "pending") as RunState,
    progress: run.progress ?? 0,
    error: run.error ?? null,
  });
  const finished = isFinal(live.status);
  return (
    <Card className="gap-3" data-testid="run-progress" data-status={live.status} aria-live="polite">
      <CardContent className="grid gap-3">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
            <span className="flex items-center gap-2">
              <Spinner className="text-primary" />
              <span className="font-medium">
                {finished
                  ? t("backtests.live.loadingResult")
                  : live.status === "pending"
                    ? t("backtests.live.pending")
                    : t("backtests.live.running")}
              </span>
            </span>
            {!finished && (
              <Button variant="ghost" size="sm" className="text-muted-foreground" onClick={onStop} data-testid="cancel-run">
                <SquareIcon />
                {t("stop.run")}
              </Button>
            )}
          </div>
          <span className="text-2xl font-semibold tabular-nums" data-testid="run-progress-percent">
            {live.progress}%
          </span>
        </div>
        <Progress value={live.progress} aria-label={t("backtests.progress")} />
        <p className="text-xs text-muted-foreground">
          {live.status === "pending" ? t("backtests.live.pendingHint") : t("backtests.live.runningHint")}
        </p>
      </CardContent>
    </Card>
  );
}

/** What another feature adds to a completed run's page, composed by the route: its robustness tab. */
export type RunRobustness = (run: SchemaBacktestResponse) => ReactNode;

function CompletedRun({ run, robustness }: { run: SchemaBacktestResponse; robustness?: RunRobustness }) {
  const t = useT();
  const [range, setRange] = useState<ChartRange>({});
  const chart = useRunChart(run.id!, range, true);
  const result = run.result;
  const openTrade = useMemo(() => openTradeRow(result, run.symbol ?? ""), [result, run.symbol]);
  const portfolio = result?.portfolio ?? null;
  const [holdingsDate, setHoldingsDate] = useState(run.end_date ?? "");
  const zone = portfolio?.time_zone ?? run.settings?.time_zone ?? "UTC";
  const currency = portfolio?.base_currency ?? run.settings?.currency;
  const zoomed = !!(range.from || range.to);
  const equity = chart.data?.equity ?? (zoomed ? undefined : result?.equity);
  const grid = chart.data?.monthly_returns ?? gridFromResult(result);
  const accountCosts = useMemo(() => accountCostsOf(result), [result]);
  const stem = `${run.symbol}-${run.interval}-${run.start_date}-${run.id?.slice(0, 8)}`.replace(/[^\w.-]+/g, "_");
  const sections = (
    <>
      <MetricCards metrics={result?.metrics} currency={currency} />
      <EquityCharts
        equity={equity}
        currency={currency}
        timeZone={zone}
        interval={run.interval}
        benchmark={run.benchmark}
        range={range}
        onRangeChange={setRange}
        fetching={chart.isFetching}
      />
      <BenchmarkMetrics metrics={result?.metrics} benchmark={result?.benchmark} />
      <PerformanceSummary runId={run.id!} />
      <ReturnCharts chart={chart.data} timeZone={zone} interval={run.interval} />
      <DrawdownPeriods periods={chart.data?.drawdown_periods} loading={chart.isPending} timeZone={zone} interval={run.interval} />
      <AccountResult result={result} currency={currency} timeZone={zone} />
      <DividendsResult result={result} currency={currency} />
      {portfolio ? (
        <>
          <AllocationChart run={run} onPickDate={setHoldingsDate} />
          <div className="grid grid-cols-1 gap-4 xl:grid-cols-2">
            <HoldingsAtDate run={run} date={holdingsDate} onDateChange={setHoldingsDate} />
            <ContributionTable portfolio={portfolio} />
          </div>
          <PortfolioFacts run={run} />
        </>
      ) : (
        <PriceChart run={run} />
      )}
      <MonthlyReturns grid={grid} loading={chart.isPending} />
      <TradesTable
        symbols={portfolio ? (run.symbols ?? []) : undefined}
        openTrade={portfolio ? null : openTrade}
        runId={run.id!}
        currency={currency}
        timeZone={zone}
        interval={run.interval}
        tickSize={run.settings?.costs?.tick_size}
        fileStem={stem}
        accountCosts={accountCosts}
      />
    </>
  );
  return (
    <div className="grid grid-cols-1 gap-4" data-testid="run-completed">
      {robustness ? (
        <Tabs defaultValue="results" className="gap-4">
          <TabsList aria-label={t("backtests.resultSections")}>
            <TabsTrigger value="results" data-testid="run-tab-results">
              {t("backtests.resultsTab")}
            </TabsTrigger>
            <TabsTrigger value="robustness" data-testid="run-tab-robustness">
              {t("backtests.robustnessTab")}
            </TabsTrigger>
          </TabsList>
          <TabsContent value="results" className="grid grid-cols-1 gap-4">
            {sections}
          </TabsContent>
          <TabsContent value="robustness">{robustness(run)}</TabsContent>
        </Tabs>
      ) : (
        sections
      )}
    </div>
  );
}

/** Whether the bars the run read are still the stored ones, and for a rerun whether they were the original's. */
function DataNotices({ run }: { run: SchemaBacktestResponse }) {
  const t = useT();
  return (
    <>
      {run.data_changed === true && (
        <Alert data-testid="data-changed">
          <AlertTriangleIcon />
          <AlertTitle>{t("backtests.dataChangedTitle")}</AlertTitle>
          <AlertDescription>{t("backtests.dataChangedDescription", { symbol: run.symbol ?? "" })}</AlertDescription>
        </Alert>
      )}
      {run.same_data_as_original === false && (
        <Alert data-testid="rerun-data-different">
          <AlertTriangleIcon />
          <AlertTitle>{t("backtests.rerunDataDifferentTitle")}</AlertTitle>
          <AlertDescription>{t("backtests.rerunDataDifferentDescription")}</AlertDescription>
        </Alert>
      )}
      {run.same_data_as_original === true && (
        <p className="text-sm text-muted-foreground" data-testid="rerun-data-same">
          {t("backtests.rerunDataSame")}
        </p>
      )}
    </>
  );
}

function RunView({ run, robustness }: { run: SchemaBacktestResponse; robustness?: RunRobustness }) {
  const t = useT();
  const locale = useLocale();
  const router = useRouter();
  const remove = useDeleteBacktest();
  const rerun = useRerunBacktest();
  const [confirm, setConfirm] = useState(false);
  const active = isRunActive(run.status);
  const title = run.name ?? run.strategy_name ?? t("backtests.deletedStrategy");

  const onRerun = () =>
    rerun.mutate(run.id!, {
      onSuccess: (started) => router.push(`/backtests/${started.id}`),
      onError: () => toast.error(t("backtests.rerunFailed")),
    });

  const onConfirm = () =>
    remove.mutate(run.id!, {
      onSuccess: () => {
        setConfirm(false);
        if (active) {
          toast.success(t("stop.runStopped"));
        } else {
          toast.success(t("backtests.deleted"));
          router.replace("/backtests");
        }
      },
      onError: () => toast.error(t("errors.unexpected")),
    });

  return (
    <>
      <PageHeader
        title={
          <span className="flex flex-wrap items-center gap-3">
            {/* Renamed once it has finished: while it runs the header holds no control at all (see actions). */}
            <RunTitle run={run} editable={!active} />
            <RunStrategyVersion run={run} />
            <RunStatusBadge status={run.status} progress={run.status === "running" ? run.progress : undefined} className="text-sm" />
          </span>
        }
        description={
          <>
            {(run.symbols?.length ?? 0) > 1 || run.result?.portfolio ? (
              <span className="font-medium text-foreground" data-testid="run-symbols" title={run.symbols?.join(", ")}>
                {t("portfolio.result.symbolsCount", { count: run.symbols?.length ?? 0 })}{" "}
                <span className="font-mono font-normal text-muted-foreground">
                  ({run.symbols?.slice(0, 4).join(", ")}
                  {(run.symbols?.length ?? 0) > 4 ? ", …" : ""})
                </span>
              </span>
            ) : (
              <RunSymbolName symbol={run.symbol ?? ""} />
            )}{" "}
            <Badge variant={run.dataset === "own" ? "secondary" : "outline"} data-testid="run-dataset">
              {t(run.dataset === "own" ? "backtests.datasetOwn" : "backtests.datasetShared")}
            </Badge>{" "}
            · {run.interval} · {run.start_date} → {run.end_date} · {run.result?.portfolio?.base_currency ?? run.settings?.currency}
            {run.benchmark && <span data-testid="run-benchmark"> · {t("backtests.chart.benchmark", { symbol: run.benchmark })}</span>}
            <span className="ml-1">· {t("backtests.createdWhen", { when: formatRelativeTime(run.created_at, locale) })}</span>
          </>
        }
        // While the run is queued or running the header has no buttons: the form's submit button sat
        // here, and a second click of a double click must land on nothing. Stopping is in the status card.
        actions={
          !active && (
            <>
              {run.status === "completed" && (
                <>
                  <ShareDialog run={run} />
                  <ReportButton run={run} />
                </>
              )}
              <Button variant="outline" onClick={onRerun} disabled={rerun.isPending} data-testid="rerun">
                {rerun.isPending ? <Spinner /> : <RotateCwIcon />}
                {t("backtests.rerun")}
              </Button>
              <Button asChild variant="outline">
                <Link href={newBacktestHref(prefillFromRun(run))} data-testid="run-again">
                  <PencilLineIcon />
                  {t("backtests.runAgainWithChanges")}
                </Link>
              </Button>
              <Button variant="outline" onClick={() => setConfirm(true)} data-testid="delete-run">
                <Trash2Icon />
                {t("common.delete")}
              </Button>
            </>
          )
        }
      />
      <div className="grid grid-cols-1 gap-4">
        {active && <LiveProgress key={`${run.id}-${run.status}`} run={run} onStop={() => setConfirm(true)} />}
        <DataNotices run={run} />
        <RangeNote run={run} />
        {run.status === "failed" && (
          <Alert variant="destructive" data-testid="run-failed">
            <AlertCircleIcon />
            <AlertTitle>{t("backtests.failedTitle")}</AlertTitle>
            <AlertDescription>
              <p>{run.error ?? t("errors.unexpected")}</p>
            </AlertDescription>
          </Alert>
        )}
        {run.status === "cancelled" && (
          <Alert data-testid="run-cancelled">
            <CircleSlashIcon />
            <AlertTitle>{t("backtests.cancelledTitle")}</AlertTitle>
            <AlertDescription>{t("backtests.cancelledDescription")}</AlertDescription>
          </Alert>
        )}
        {run.status === "completed" && <CompletedRun run={run} robustness={robustness} />}
        <RunNotes run={run} />
        <RunDetails run={run} />
      </div>
      <ConfirmDialog
        open={confirm}
        onOpenChange={setConfirm}
        title={t(active ? "stop.runTitle" : "backtests.deleteTitle")}
        description={t(active ? "stop.runDescription" : "backtests.deleteDescription", {
          name: title,
          symbol: run.symbol ?? "",
        })}
        confirmLabel={t(active ? "stop.run" : "common.delete")}
        cancelLabel={active ? t("stop.keepRunning") : undefined}
        destructive
        pending={remove.isPending}
        onConfirm={onConfirm}
      />
    </>
  );
}

/** The result page of one run: live while it runs, everything about it when it has finished. */
export function BacktestResult({ id, robustness }: { id: string | null; robustness?: RunRobustness }) {
  const t = useT();
  const run = useBacktest(id);
  if (!id || (isApiError(run.error) && run.error.status === 404)) {
    return (
      <NotFoundState
        title={t("backtests.notFoundTitle")}
        description={t("backtests.notFoundDescription")}
        backHref="/backtests"
        backLabel={t("backtests.backToList")}
      />
    );
  }
  if (run.isPending) return <FullPageSpinner />;
  if (run.isError) return <ErrorState error={run.error} onRetry={() => void run.refetch()} />;
  return <RunView run={run.data} robustness={robustness} />;
}

/** The run's symbol in the header with its name in the reader's language (삼성전자 (005930)), once the symbols are known. */
function RunSymbolName({ symbol }: { symbol: string }) {
  const language = useLanguage();
  const symbols = useSymbolOptions();
  const known = symbols.data?.find((s) => s.symbol === symbol);
  const name = known ? symbolName(known, language) : "";
  return (
    <span className="font-medium break-keep text-foreground" data-testid="run-symbol">
      {name && `${name} (`}
      <span className="font-mono">{symbol}</span>
      {name && ")"}
    </span>
  );
}
