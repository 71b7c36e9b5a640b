"use client";

import { comparisonRows } from "@/lib/comparison-order";
import { FlaskConicalIcon, GitCompareArrowsIcon, XIcon } from "lucide-react";
import Link from "next/link";
import { useMemo } from "react";
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { AXIS_STYLE, GRID_STYLE } from "@/components/charts/chart-style";
import { HeatmapGrid } from "@/components/charts/heatmap-grid";
import { EmptyState, ErrorState, LoadingRows, QueryState } from "@/components/layouts/states";
import { Button } from "@/components/ui/button";
import { Card, CardAction, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { Spinner } from "@/components/ui/spinner";
import type { SchemaRunComparisonResponse, SchemaRunOverview } from "@/lib/api/schema";
import { formatNumber, formatRelativeTime } from "@/lib/format";
import { divergingColor, intensity, isStrong } from "@/lib/heatmap";
import { useLocale, useT, type Translate } from "@/lib/i18n";
import { runSymbolText } from "@/lib/run-symbol";
import { bestIndex, formatMetric, metricLabel, metricTone, toneClass } from "@/lib/metrics";
import { cn } from "@/lib/utils";
import { useCompletedRuns } from "../api/get-completed-runs";
import { MAX_COMPARE, MIN_COMPARE, useComparison } from "../api/get-comparison";
import { runColor } from "../lib/palette";
import { useAnalyticsStore } from "../stores/analytics-store";

export function parameterText(parameters: Record<string, number> | undefined, locale: string): string {
  return Object.entries(parameters ?? {})
    .map(([name, value]) => `${name}=${formatNumber(value, locale, { maximumFractionDigits: 6 })}`)
    .join(", ");
}

function Swatch({ index }: { index: number }) {
  return <span className="inline-block size-2.5 shrink-0 rounded-full" style={{ backgroundColor: runColor(index) }} aria-hidden />;
}

/** The completed runs to pick from, as a list of checkboxes (at most ten). */
function RunPicker() {
  const t = useT();
  const locale = useLocale();
  const runs = useCompletedRuns();
  const selected = useAnalyticsStore((s) => s.selected);
  const toggle = useAnalyticsStore((s) => s.toggle);
  const setSelected = useAnalyticsStore((s) => s.setSelected);
  const items = runs.data?.items ?? [];
  return (
    <Card className="gap-3">
      <CardHeader>
        <CardTitle className="text-base">{t("analytics.pickTitle")}</CardTitle>
        <CardDescription aria-live="polite">{t("analytics.pickedCount", { count: selected.length, max: MAX_COMPARE })}</CardDescription>
        {selected.length > 0 && (
          <CardAction>
            <Button variant="ghost" size="sm" onClick={() => setSelected([])}>
              <XIcon />
              {t("analytics.clear")}
            </Button>
          </CardAction>
        )}
      </CardHeader>
      <CardContent className="px-2">
        <QueryState
          query={runs}
          loading={<LoadingRows count={4} rowClassName="h-12" className="px-3" />}
          empty={
            items.length === 0 && (
              <EmptyState
                icon={FlaskConicalIcon}
                title={t("analytics.noRunsTitle")}
                description={t("analytics.noRunsDescription")}
                action={
                  <Button asChild size="sm">
                    <Link href="/backtests/new">{t("backtests.new")}</Link>
                  </Button>
                }
                className="py-8"
              />
            )
          }
        >
          <fieldset className="grid max-h-96 gap-0.5 overflow-y-auto px-1" data-testid="run-picker">
            <legend className="sr-only">{t("analytics.pickTitle")}</legend>
            {items.map((run) => {
              const index = selected.indexOf(run.id ?? "");
              const checked = index >= 0;
              const full = !checked && selected.length >= MAX_COMPARE;
              const value = run.key_metrics?.total_return;
              return (
                <label
                  key={run.id}
                  className={cn(
                    "flex cursor-pointer items-center gap-3 rounded-lg px-2 py-2 hover:bg-accent/50 has-[:focus-visible]:ring-[3px] has-[:focus-visible]:ring-ring/50",
                    checked && "bg-accent/40",
                    full && "cursor-not-allowed opacity-60",
                  )}
                >
                  <input
                    type="checkbox"
                    className="size-4 shrink-0 accent-(--primary) outline-none"
                    checked={checked}
                    disabled={full}
                    onChange={() => toggle(run.id ?? "")}
                    data-testid="pick-run"
                  />
                  {checked ? <Swatch index={index} /> : <span className="size-2.5 shrink-0" aria-hidden />}
                  <span className="grid min-w-0 flex-1 gap-0.5">
                    <span className="truncate text-sm font-medium">{run.strategy_name ?? "—"}</span>
                    <span className="truncate text-xs text-muted-foreground">
                      <span className="font-mono">{runSymbolText(run.symbol, run.symbol_count, t)}</span> · {run.interval} ·{" "}
                      {parameterText(run.parameters, locale) || "—"} · {formatRelativeTime(run.completed_at ?? run.created_at, locale)}
                    </span>
                  </span>
                  <span className={cn("shrink-0 text-sm font-medium tabular-nums", toneClass(metricTone("total_return", value)))}>
                    {formatMetric("total_return", value, { locale, t })}
                  </span>
                </label>
              );
            })}
          </fieldset>
        </QueryState>
      </CardContent>
    </Card>
  );
}

function runTitle(run: SchemaRunOverview, locale: string, t: Translate) {
  const params = parameterText(run.parameters, locale);
  return `${run.strategy_name ?? "—"} · ${runSymbolText(run.symbol, run.symbol_count, t)}${params ? ` (${params})` : ""}`;
}

/** Each run's equity rebased to 100 on the union of their days. */
function RebasedEquity({ data }: { data: SchemaRunComparisonResponse }) {
  const t = useT();
  const locale = useLocale();
  const runs = data.runs ?? [];
  const points = useMemo(
    () =>
      (data.equity?.dates ?? []).map((date, d) => {
        const row: Record<string, string | number | null> = { date };
        (data.runs ?? []).forEach((_, r) => (row[`r${r}`] = data.equity?.values?.[r]?.[d] ?? null));
        return row;
      }),
    [data],
  );
  return (
    <Card className="gap-3" data-testid="rebased-equity">
      <CardHeader>
        <CardTitle className="text-base">{t("analytics.equityTitle")}</CardTitle>
        <CardDescription>{t("analytics.equityDescription")}</CardDescription>
      </CardHeader>
      <CardContent>
        <div className="h-80" role="img" aria-label={t("analytics.equityTitle")}>
          <ResponsiveContainer width="100%" height="100%">
            <LineChart data={points} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
              <CartesianGrid {...GRID_STYLE} />
              <XAxis
                dataKey="date"
                {...AXIS_STYLE}
                minTickGap={56}
                tickFormatter={(d: string) => (points.length > 730 ? d.slice(0, 7) : d)}
              />
              <YAxis
                {...AXIS_STYLE}
                width={48}
                domain={["auto", "auto"]}
                tickFormatter={(v: number) => formatNumber(v, locale, { maximumFractionDigits: 0 })}
              />
              <Tooltip
                contentStyle={{
                  background: "var(--popover)",
                  border: "1px solid var(--border)",
                  borderRadius: 8,
                  fontSize: 12,
                  color: "var(--popover-foreground)",
                }}
                formatter={(value) => formatNumber(Number(value), locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 })}
              />
              <Legend wrapperStyle={{ fontSize: 12 }} iconType="plainline" />
              {runs.map((run, r) => (
                <Line
                  key={run.id}
                  type="linear"
                  dataKey={`r${r}`}
                  name={`${r + 1}. ${runTitle(run, locale, t)}`}
                  stroke={runColor(r)}
                  strokeWidth={1.75}
                  dot={false}
                  connectNulls={false}
                  isAnimationActive={false}
                />
              ))}
            </LineChart>
          </ResponsiveContainer>
        </div>
      </CardContent>
    </Card>
  );
}

/** Every metric in a row, one column per run; the best of each comparable row stands out. */
function MetricsSideBySide({ data }: { data: SchemaRunComparisonResponse }) {
  const t = useT();
  const locale = useLocale();
  const runs = data.runs ?? [];
  const names = comparisonRows(data.metric_names ?? []);
  return (
    <Card className="gap-3" data-testid="compare-metrics">
      <CardHeader>
        <CardTitle className="text-base">{t("analytics.metricsTitle")}</CardTitle>
        <CardDescription>{t("analytics.metricsDescription")}</CardDescription>
      </CardHeader>
      <CardContent className="px-0">
        <div className="max-h-[36rem] overflow-auto border-y">
          <table className="w-full text-sm" aria-label={t("analytics.metricsTitle")}>
            <thead className="sticky top-0 z-10 bg-card shadow-[0_1px_0_var(--border)]">
              <tr>
                <th scope="col" className="px-4 py-2 text-left text-xs font-medium text-muted-foreground uppercase">
                  {t("analytics.metric")}
                </th>
                {runs.map((run, r) => (
                  <th key={run.id} scope="col" className="min-w-36 px-3 py-2 text-right align-bottom font-medium">
                    <Link href={`/backtests/${run.id}`} className="inline-grid justify-items-end gap-0.5 hover:underline">
                      <span className="flex items-center gap-1.5">
                        <Swatch index={r} />
                        {r + 1}. {run.strategy_name}
                      </span>
                      <span className="text-xs font-normal text-muted-foreground">
                        <span className="font-mono">{runSymbolText(run.symbol, run.symbol_count, t)}</span>{" "}
                        {parameterText(run.parameters, locale)}
                      </span>
                    </Link>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {names.map((name) => {
                const values = runs.map((run) => {
                  const v = run.metrics?.[name];
                  return typeof v === "number" && Number.isFinite(v) ? v : null;
                });
                const best = bestIndex(name, values);
                return (
                  <tr key={name} className="border-b last:border-0 hover:bg-muted/40">
                    <th scope="row" className="px-4 py-1.5 text-left font-normal text-muted-foreground">
                      {metricLabel(name, t)}
                    </th>
                    {runs.map((run, r) => (
                      <td
                        key={run.id}
                        className={cn("px-3 py-1.5 text-right tabular-nums", r === best && "font-semibold text-primary")}
                        data-metric={name}
                      >
                        {formatMetric(name, values[r], { currency: run.currency, locale, t, metrics: run.metrics })}
                      </td>
                    ))}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </CardContent>
    </Card>
  );
}

function Correlation({ data }: { data: SchemaRunComparisonResponse }) {
  const t = useT();
  const locale = useLocale();
  const runs = data.runs ?? [];
  const values = (data.correlation?.values ?? []).map((row) => row.map((v) => (typeof v === "number" ? v : null)));
  const labels = runs.map((run, r) => (
    <span key={run.id} className="inline-flex items-center gap-1.5" title={runTitle(run, locale, t)}>
      <Swatch index={r} />
      {r + 1}
    </span>
  ));
  return (
    <Card className="gap-3" data-testid="correlation">
      <CardHeader>
        <CardTitle className="text-base">{t("analytics.correlationTitle")}</CardTitle>
        <CardDescription>{t("analytics.correlationDescription")}</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-3">
        <HeatmapGrid
          label={t("analytics.correlationTitle")}
          rowLabels={labels}
          columnLabels={labels}
          values={values}
          format={(v) => formatNumber(v, locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 })}
          color={(v) => divergingColor(v, 1)}
          strong={(v) => isStrong(intensity(v, 1))}
          cellLabel={(r, c, text) => `${r + 1} × ${c + 1}: ${text}`}
          testId="correlation-matrix"
        />
        <ol className="grid gap-1 text-xs text-muted-foreground">
          {runs.map((run, r) => (
            <li key={run.id} className="flex items-center gap-1.5">
              <Swatch index={r} />
              {r + 1}. {runTitle(run, locale, t)}
            </li>
          ))}
        </ol>
      </CardContent>
    </Card>
  );
}

/** Compare tab: pick runs, then their metrics side by side, rebased equity curves and return correlation. */
export function CompareRuns() {
  const t = useT();
  const locale = useLocale();
  const selected = useAnalyticsStore((s) => s.selected);
  const comparison = useComparison(selected);
  const data = comparison.data;
  const enough = selected.length >= MIN_COMPARE;
  return (
    <div className="grid grid-cols-1 gap-4 xl:grid-cols-[minmax(0,24rem)_minmax(0,1fr)]">
      <div className="grid grid-cols-1 content-start gap-4">
        <RunPicker />
        {data && enough && <Correlation data={data} />}
      </div>
      <div className="grid min-w-0 grid-cols-1 content-start gap-4">
        {!enough ? (
          <Card>
            <EmptyState icon={GitCompareArrowsIcon} title={t("analytics.pickMoreTitle")} description={t("analytics.pickMoreDescription")} />
          </Card>
        ) : comparison.isError && !data ? (
          <Card>
            <ErrorState error={comparison.error} onRetry={() => void comparison.refetch()} />
          </Card>
        ) : !data ? (
          <Skeleton className="h-96" />
        ) : (
          <>
            <div className="flex items-center gap-2 text-sm text-muted-foreground" aria-live="polite">
              {comparison.isFetching && <Spinner className="size-3.5" />}
              {t("analytics.comparing", { count: data.runs?.length ?? 0 })}
              {data.equity?.total_points ? (
                <span>· {t("analytics.days", { count: formatNumber(data.equity.total_points, locale) })}</span>
              ) : null}
              {data.runs?.some((r) => r.currency !== data.runs?.[0]?.currency) && <span>· {t("analytics.mixedCurrencies")}</span>}
            </div>
            <RebasedEquity data={data} />
            <MetricsSideBySide data={data} />
          </>
        )}
      </div>
    </div>
  );
}
