"use client";

import { FlaskConicalIcon, PlayIcon, SlidersHorizontalIcon, TrophyIcon, ZapIcon } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useMemo } from "react";
import { toast } from "sonner";
import { RunStatusBadge } from "@/components/layouts/run-status-badge";
import { LinkList } from "@/components/layouts/link-list";
import { EmptyState, LoadingRows, QueryState } from "@/components/layouts/states";
import { ViewAllAction } from "@/components/layouts/view-all-action";
import { Button } from "@/components/ui/button";
import { Card, CardAction, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Spinner } from "@/components/ui/spinner";
import { isApiError } from "@/lib/api/errors";
import type { SchemaBacktestSummary } from "@/lib/api/schema";
import { formatRelativeTime } from "@/lib/format";
import { useLanguage, useLocale, useT } from "@/lib/i18n";
import { runSymbolText } from "@/lib/run-symbol";
import { formatMetric, metricTone, signTone, toneClass } from "@/lib/metrics";
import { cn } from "@/lib/utils";
import { useBacktests } from "../api/get-backtests";
import { useSymbolOptions } from "../api/get-form-options";
import { QUICK_RUNS, useQuickRun, useQuickRunStrategy, type QuickRunPreset } from "../api/quick-run";
import { newBacktestHref } from "../lib/backtest-form";

function Metric({ name, run, label }: { name: string; run: SchemaBacktestSummary; label: string }) {
  const t = useT();
  const locale = useLocale();
  const value = run.key_metrics?.[name];
  const tone = metricTone(name, value);
  return (
    <div className="grid text-right">
      <span className="text-[11px] text-muted-foreground">{label}</span>
      <span className={cn("text-sm font-medium tabular-nums", toneClass(tone))}>
        {run.key_metrics ? formatMetric(name, value, { currency: run.currency, locale, t, metrics: run.key_metrics }) : "—"}
      </span>
    </div>
  );
}

/** The dashboard's latest runs, each with its state and key metrics, linking to its result. */
export function RecentRuns() {
  const t = useT();
  const locale = useLocale();
  const runs = useBacktests({ page: 0, size: 6, sort: "created_at,desc" });
  const items = runs.data?.items ?? [];
  return (
    <Card className="gap-3" data-testid="recent-runs">
      <CardHeader>
        <CardTitle className="text-base">{t("dashboardRuns.recentTitle")}</CardTitle>
        <CardDescription>
          {runs.data ? t("dashboardRuns.runCount", { count: runs.data.total_items ?? 0 }) : t("dashboardRuns.recentDescription")}
        </CardDescription>
        <ViewAllAction href="/backtests" />
      </CardHeader>
      <CardContent className="px-2">
        <QueryState
          query={runs}
          loading={<LoadingRows count={3} rowClassName="h-12" className="px-3" />}
          empty={
            items.length === 0 && (
              <EmptyState
                icon={FlaskConicalIcon}
                title={t("dashboardRuns.emptyTitle")}
                description={t("dashboardRuns.emptyDescription")}
                action={
                  <Button asChild size="sm">
                    <Link href="/backtests/new">
                      <PlayIcon />
                      {t("backtests.new")}
                    </Link>
                  </Button>
                }
                className="py-8"
              />
            )
          }
        >
          <LinkList
            items={items}
            itemKey={(run) => run.id}
            href={(run) => `/backtests/${run.id}`}
            linkClassName="grid grid-cols-[minmax(0,1fr)_auto] items-center gap-3 rounded-lg px-3 py-2.5 hover:bg-accent/50 sm:grid-cols-[minmax(0,1fr)_auto_auto]"
          >
            {(run) => (
              <>
                <span className="grid min-w-0 gap-0.5">
                  <span className="flex min-w-0 items-center gap-2">
                    <span className="truncate font-medium">{run.strategy_name ?? t("backtests.deletedStrategy")}</span>
                    <RunStatusBadge status={run.status} progress={run.status === "running" ? run.progress : undefined} />
                  </span>
                  <span className="truncate text-xs text-muted-foreground">
                    <span className="font-mono">{runSymbolText(run.symbol, run.symbol_count, t)}</span> · {run.interval} ·{" "}
                    {formatRelativeTime(run.created_at, locale)}
                  </span>
                </span>
                <span className="hidden gap-4 sm:flex">
                  <Metric name="sharpe_ratio" run={run} label={t("metrics.short.sharpe_ratio")} />
                  <Metric name="max_drawdown" run={run} label={t("metrics.short.max_drawdown")} />
                </span>
                <Metric name="total_return" run={run} label={t("metrics.short.total_return")} />
              </>
            )}
          </LinkList>
        </QueryState>
      </CardContent>
    </Card>
  );
}

function QuickRunButton({ preset, available }: { preset: QuickRunPreset; available: boolean }) {
  const t = useT();
  const router = useRouter();
  const language = useLanguage();
  const run = useQuickRun();
  const { template, strategy, storageKey } = useQuickRunStrategy(preset);
  const start = () =>
    run.mutate(
      { preset, storageKey, language },
      {
        onSuccess: (id) => router.push(`/backtests/${id}`),
        onError: (error) =>
          toast.error(
            isApiError(error) && error.status === 429
              ? t("backtests.form.tooManyRuns")
              : isApiError(error)
                ? (error.detail ?? error.title)
                : t("errors.unexpected"),
          ),
      },
    );
  // The strategy's own name (an edited or renamed copy runs under its name), else the template's.
  const strategyName = strategy?.name ?? (template && (language === "ko" ? template.name_ko : template.name));
  const data = t(`dashboardRuns.quick.${preset.id}` as Parameters<typeof t>[0]);
  const label = strategyName ? `${strategyName} · ${data}` : data;
  return (
    <li className="flex items-center justify-between gap-2 rounded-lg border px-3 py-2.5">
      <span className="grid min-w-0 gap-0.5">
        <span className="truncate text-sm font-medium" data-testid={`quick-run-label-${preset.id}`}>
          {label}
        </span>
        <span className="truncate text-xs text-muted-foreground">
          <span className="font-mono">{preset.symbol}</span> · {preset.interval} · {preset.start_date} → {preset.end_date}
        </span>
      </span>
      <span className="flex shrink-0 items-center gap-1">
        <Button asChild variant="ghost" size="icon-sm" aria-label={t("dashboardRuns.customize", { name: label })}>
          <Link
            href={newBacktestHref({
              symbol: preset.symbol,
              interval: preset.interval,
              start_date: preset.start_date,
              end_date: preset.end_date,
            })}
          >
            <SlidersHorizontalIcon />
          </Link>
        </Button>
        <Button size="sm" onClick={start} disabled={run.isPending || !available} data-testid={`quick-run-${preset.id}`}>
          {run.isPending ? <Spinner /> : <ZapIcon />}
          {t("dashboardRuns.runNow")}
        </Button>
      </span>
    </li>
  );
}

/** One-click runs of template strategies on the sample data, and the way to a run of one's own. */
export function QuickRuns() {
  const t = useT();
  const symbols = useSymbolOptions();
  const have = (preset: QuickRunPreset) =>
    !!symbols.data?.some((s) => s.symbol === preset.symbol && s.intervals?.some((i) => i.interval === preset.interval));
  return (
    <Card className="gap-3" data-testid="quick-runs">
      <CardHeader>
        <CardTitle className="text-base">{t("dashboardRuns.quickTitle")}</CardTitle>
        <CardDescription>{t("dashboardRuns.quickDescription")}</CardDescription>
        <CardAction>
          <Button asChild size="sm" variant="outline">
            <Link href="/backtests/new">
              <PlayIcon />
              {t("backtests.new")}
            </Link>
          </Button>
        </CardAction>
      </CardHeader>
      <CardContent>
        <ul className="grid gap-2">
          {QUICK_RUNS.filter((p) => symbols.isPending || have(p)).map((preset) => (
            <QuickRunButton key={preset.id} preset={preset} available={!symbols.isPending} />
          ))}
        </ul>
      </CardContent>
    </Card>
  );
}

export interface StrategyBest {
  strategyId: string;
  name: string;
  runs: number;
  best: SchemaBacktestSummary;
}

/** Each strategy's best completed run by total return, best strategies first. */
export function bestRunPerStrategy(runs: readonly SchemaBacktestSummary[]): StrategyBest[] {
  const byStrategy = new Map<string, StrategyBest>();
  for (const run of runs) {
    if (run.status !== "completed" || !run.strategy_id) continue;
    const value = run.key_metrics?.total_return;
    const entry = byStrategy.get(run.strategy_id);
    if (!entry) {
      byStrategy.set(run.strategy_id, { strategyId: run.strategy_id, name: run.strategy_name ?? "", runs: 1, best: run });
      continue;
    }
    entry.runs += 1;
    const current = entry.best.key_metrics?.total_return;
    if (typeof value === "number" && (typeof current !== "number" || value > current)) entry.best = run;
  }
  return [...byStrategy.values()].sort(
    (a, b) => (b.best.key_metrics?.total_return ?? -Infinity) - (a.best.key_metrics?.total_return ?? -Infinity),
  );
}

/** The dashboard's strategy overview: each strategy's best run among the latest completed ones. */
export function StrategyPerformance() {
  const t = useT();
  const locale = useLocale();
  const runs = useBacktests({ page: 0, size: 100, sort: "created_at,desc", status: "completed" });
  const rows = useMemo(() => bestRunPerStrategy(runs.data?.items ?? []).slice(0, 6), [runs.data]);
  const top = Math.max(0.0001, ...rows.map((r) => Math.abs(r.best.key_metrics?.total_return ?? 0)));
  return (
    <Card className="gap-3" data-testid="strategy-performance">
      <CardHeader>
        <CardTitle className="text-base">{t("dashboardRuns.performanceTitle")}</CardTitle>
        <CardDescription>{t("dashboardRuns.performanceDescription")}</CardDescription>
      </CardHeader>
      <CardContent className="px-2">
        <QueryState
          query={runs}
          loading={<LoadingRows count={3} rowClassName="h-10" className="px-3" />}
          empty={
            rows.length === 0 && (
              <EmptyState
                icon={TrophyIcon}
                title={t("dashboardRuns.performanceEmpty")}
                description={t("dashboardRuns.performanceEmptyHint")}
                className="py-8"
              />
            )
          }
        >
          <LinkList
            items={rows}
            itemKey={(row) => row.strategyId}
            href={(row) => `/backtests/${row.best.id}`}
            linkClassName="grid gap-1.5 rounded-lg px-3 py-2 hover:bg-accent/50"
          >
            {(row) => {
              const value = row.best.key_metrics?.total_return;
              const width = typeof value === "number" ? (Math.abs(value) / top) * 100 : 0;
              return (
                <>
                  <span className="flex items-baseline justify-between gap-3">
                    <span className="min-w-0 truncate text-sm font-medium">{row.name}</span>
                    <span className={cn("text-sm font-semibold tabular-nums", toneClass(signTone(value)))}>
                      {formatMetric("total_return", value, { locale, t })}
                    </span>
                  </span>
                  <span className="h-1.5 overflow-hidden rounded-full bg-muted" aria-hidden>
                    <span
                      className={cn("block h-full rounded-full", (value ?? 0) >= 0 ? "bg-gain/70" : "bg-loss/70")}
                      style={{ width: `${width}%` }}
                    />
                  </span>
                  <span className="text-xs text-muted-foreground">
                    {t("dashboardRuns.bestOf", { count: row.runs })} ·{" "}
                    <span className="font-mono">{runSymbolText(row.best.symbol, row.best.symbol_count, t)}</span> ·{" "}
                    {t("metrics.short.sharpe_ratio")} {formatMetric("sharpe_ratio", row.best.key_metrics?.sharpe_ratio, { locale, t })}
                  </span>
                </>
              );
            }}
          </LinkList>
        </QueryState>
      </CardContent>
    </Card>
  );
}
