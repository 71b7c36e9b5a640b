"use client";

import { PlayIcon, SearchCodeIcon, SquareIcon, Trash2Icon } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, type ReactNode } from "react";
import { toast } from "sonner";
import { HeatmapGrid } from "@/components/charts/heatmap-grid";
import { ConfirmDialog } from "@/components/layouts/confirm-dialog";
import { RunStatusBadge } from "@/components/layouts/run-status-badge";
import { EmptyState, ErrorState } from "@/components/layouts/states";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardAction, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Label } from "@/components/ui/label";
import { Progress } from "@/components/ui/progress";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Skeleton } from "@/components/ui/skeleton";
import { Spinner } from "@/components/ui/spinner";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { isApiError } from "@/lib/api/errors";
import type { SchemaHeatmap, SchemaOptimizationResponse, SchemaRankedResult } from "@/lib/api/schema";
import { formatInteger, formatNumber, formatRelativeTime } from "@/lib/format";
import { finiteRange, isStrong, sequentialColor, sequentialStrength } from "@/lib/heatmap";
import { useLocale, useT } from "@/lib/i18n";
import { formatMetric, metricLabel, metricTone, metricValue, toneClass } from "@/lib/metrics";
import { cn } from "@/lib/utils";
import { useDeleteOptimization } from "../api/delete-optimization";
import { useOptimization } from "../api/get-optimization";
import { isActive } from "../api/get-optimizations";
import { useRerunCombination } from "../api/rerun-combination";
import { useAnalyticsStore } from "../stores/analytics-store";

const RESULT_METRICS = ["total_return", "sharpe_ratio", "max_drawdown", "win_rate", "trade_count"] as const;

/** The heatmap's scores as rows of y by columns of x, nulls kept; the best cell's position. */
export function heatmapCells(heatmap: SchemaHeatmap | null | undefined) {
  const xs = heatmap?.x_values ?? [];
  const ys = heatmap?.y_values ?? [];
  const values = ys.map((_, y) =>
    xs.map((_, x) => {
      const v = heatmap?.scores?.[y]?.[x];
      return typeof v === "number" && Number.isFinite(v) ? v : null;
    }),
  );
  let best: { row: number; column: number } | null = null;
  let bestValue = -Infinity;
  values.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v !== null && v > bestValue) {
        bestValue = v;
        best = { row: r, column: c };
      }
    }),
  );
  return { xs, ys, values, best: best as { row: number; column: number } | null };
}

/** The ranked result whose parameters put it in a heatmap cell (the best one, as results are ranked). */
export function resultAt(results: readonly SchemaRankedResult[], x: string, xValue: number, y: string, yValue: number) {
  return results.find((r) => r.parameters?.[x] === xValue && r.parameters?.[y] === yValue);
}

function RunButton({
  optimizationId,
  result,
  size = "sm",
}: {
  optimizationId: string;
  result: SchemaRankedResult;
  size?: "sm" | "icon-sm";
}) {
  const t = useT();
  const router = useRouter();
  const rerun = useRerunCombination();
  const label = t("optimize.runFull");
  return (
    <Button
      size={size}
      variant="outline"
      disabled={rerun.isPending || result.combination == null}
      aria-label={size === "icon-sm" ? label : undefined}
      data-testid="run-combination"
      onClick={() =>
        rerun.mutate(
          { id: optimizationId, combination: result.combination! },
          {
            onSuccess: (run) => router.push(`/backtests/${run.id}`),
            onError: (error) =>
              toast.error(isApiError(error) && error.status === 429 ? t("backtests.form.tooManyRuns") : t("errors.unexpected")),
          },
        )
      }
    >
      {rerun.isPending ? <Spinner /> : <PlayIcon />}
      {size === "sm" && label}
    </Button>
  );
}

function ScoreHeatmap({ data }: { data: SchemaOptimizationResponse }) {
  const t = useT();
  const locale = useLocale();
  const axes = useAnalyticsStore((s) => s.axes);
  const setAxes = useAnalyticsStore((s) => s.setAxes);
  const [picked, setPicked] = useState<{ row: number; column: number } | null>(null);
  const varying = (data.ranges ?? []).filter((r) => (r.count ?? 0) > 1).map((r) => r.name ?? "");
  const heatmap = data.heatmap;
  const { xs, ys, values, best } = heatmapCells(heatmap);
  const scale = finiteRange(values.flat());
  const x = heatmap?.x ?? "";
  const y = heatmap?.y ?? "";
  const cell = picked ?? best;
  const cellResult =
    cell && x && y && xs[cell.column] !== undefined && ys[cell.row] !== undefined
      ? resultAt(data.results ?? [], x, xs[cell.column]!, y, ys[cell.row]!)
      : undefined;
  const format = (v: number) => formatNumber(v, locale, { maximumFractionDigits: 2, minimumFractionDigits: 2 });

  if (varying.length < 2 || !heatmap?.y) {
    return (
      <p className="text-sm text-muted-foreground" data-testid="heatmap-one-parameter">
        {t("optimize.heatmapNeedsTwo")}
      </p>
    );
  }
  return (
    <div className="grid gap-3">
      <div className="flex flex-wrap items-end gap-3">
        {(["x", "y"] as const).map((axis) => (
          <div key={axis} className="grid gap-1">
            <Label className="text-xs text-muted-foreground" htmlFor={`heatmap-${axis}`}>
              {t(axis === "x" ? "optimize.heatmapX" : "optimize.heatmapY")}
            </Label>
            <Select
              value={axis === "x" ? x : y}
              onValueChange={(value) => {
                setPicked(null);
                const next = { x: axes.x ?? x, y: axes.y ?? y, [axis]: value };
                // Choosing the other axis's parameter swaps the two.
                if (next.x === next.y) next[axis === "x" ? "y" : "x"] = axis === "x" ? x : y;
                setAxes(next);
              }}
            >
              <SelectTrigger id={`heatmap-${axis}`} size="sm" className="min-w-28 font-mono">
                <SelectValue />
              </SelectTrigger>
              <SelectContent>
                {varying.map((name) => (
                  <SelectItem key={name} value={name} className="font-mono">
                    {name}
                  </SelectItem>
                ))}
              </SelectContent>
            </Select>
          </div>
        ))}
      </div>
      <HeatmapGrid
        label={t("optimize.heatmapLabel", { x, y })}
        corner={
          <span className="font-mono">
            {y} ↓ {x} →
          </span>
        }
        rowLabels={ys.map((v) => formatNumber(v, locale, { maximumFractionDigits: 6 }))}
        columnLabels={xs.map((v) => formatNumber(v, locale, { maximumFractionDigits: 6 }))}
        values={values}
        format={format}
        color={(v) => (scale ? sequentialColor(v, scale.min, scale.max) : "transparent")}
        strong={(v) => !!scale && isStrong(sequentialStrength(v, scale.min, scale.max))}
        onSelect={(row, column) => setPicked({ row, column })}
        selected={cell}
        cellLabel={(r, c, text) => `${x} ${xs[c]}, ${y} ${ys[r]}: ${text}`}
        testId="optimization-heatmap"
      />
      {cell && (
        <div className="flex flex-wrap items-center justify-between gap-2 rounded-lg border bg-muted/30 px-3 py-2 text-sm">
          <span data-testid="heatmap-cell">
            <span className="font-mono">
              {x}={formatNumber(xs[cell.column], locale, { maximumFractionDigits: 6 })}, {y}=
              {formatNumber(ys[cell.row], locale, { maximumFractionDigits: 6 })}
            </span>{" "}
            · {metricLabel(data.objective ?? "", t)}{" "}
            <span className="font-semibold tabular-nums">
              {values[cell.row]?.[cell.column] != null ? format(values[cell.row]![cell.column]!) : "—"}
            </span>
          </span>
          {cellResult && data.id ? (
            <RunButton optimizationId={data.id} result={cellResult} />
          ) : (
            <span className="text-xs text-muted-foreground">{t("optimize.cellNotRanked")}</span>
          )}
        </div>
      )}
    </div>
  );
}

function RankedResults({ data }: { data: SchemaOptimizationResponse }) {
  const t = useT();
  const locale = useLocale();
  const results = data.results ?? [];
  const names = (data.ranges ?? []).filter((r) => (r.count ?? 0) > 1).map((r) => r.name ?? "");
  const currency = data.settings?.currency;
  if (results.length === 0) {
    return (
      <p className="px-5 text-sm text-muted-foreground">{isActive(data.status) ? t("optimize.noResultsYet") : t("optimize.noResults")}</p>
    );
  }
  return (
    <div className="max-h-[32rem] overflow-auto border-y">
      <table className="w-full text-sm" aria-label={t("optimize.rankedTitle")} data-testid="ranked-results">
        <thead className="sticky top-0 z-10 bg-card text-xs whitespace-nowrap text-muted-foreground uppercase shadow-[0_1px_0_var(--border)]">
          <tr>
            <th scope="col" className="px-3 py-2 text-right font-medium">
              #
            </th>
            {names.map((name) => (
              <th key={name} scope="col" className="px-3 py-2 text-right font-mono font-medium normal-case">
                {name}
              </th>
            ))}
            <th scope="col" className="px-3 py-2 text-right font-medium">
              {metricLabel(data.objective ?? "", t)}
            </th>
            {RESULT_METRICS.filter((m) => m !== data.objective).map((metric) => (
              <th key={metric} scope="col" className="hidden px-3 py-2 text-right font-medium md:table-cell">
                {t(`metrics.short.${metric}`)}
              </th>
            ))}
            <th scope="col" className="px-3 py-2">
              <span className="sr-only">{t("backtests.actions")}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {results.map((result) => (
            <tr
              key={result.combination}
              className={cn("border-b last:border-0 hover:bg-muted/40", !result.feasible && "text-muted-foreground")}
            >
              <td className="px-3 py-1.5 text-right tabular-nums">{result.rank}</td>
              {names.map((name) => (
                <td key={name} className="px-3 py-1.5 text-right font-mono tabular-nums">
                  {formatNumber(result.parameters?.[name], locale, { maximumFractionDigits: 6 })}
                </td>
              ))}
              <td className="px-3 py-1.5 text-right font-semibold tabular-nums">
                {formatMetric(data.objective ?? "", result.score, { currency, locale, t })}
                {!result.feasible && (
                  <Badge variant="outline" className="ml-1.5 font-normal">
                    {t("optimize.infeasible")}
                  </Badge>
                )}
              </td>
              {RESULT_METRICS.filter((m) => m !== data.objective).map((metric) => {
                const value = metricValue(result.metrics, metric);
                const tone = metricTone(metric, value);
                return (
                  <td key={metric} className={cn("hidden px-3 py-1.5 text-right tabular-nums md:table-cell", toneClass(tone))}>
                    {formatMetric(metric, value, { currency, locale, t, metrics: result.metrics })}
                  </td>
                );
              })}
              <td className="px-3 py-1 text-right">{data.id && <RunButton optimizationId={data.id} result={result} size="icon-sm" />}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** One optimisation: its progress while it runs, then the ranked results and the two-parameter heatmap. */
export function OptimizationView({ id, robustness }: { id: string; robustness?: ReactNode }) {
  const t = useT();
  const locale = useLocale();
  const axes = useAnalyticsStore((s) => s.axes);
  const show = useAnalyticsStore((s) => s.showOptimization);
  const query = useOptimization(id, axes);
  const remove = useDeleteOptimization();
  const [confirm, setConfirm] = useState(false);
  const data = query.data;
  if (query.isError && !data) {
    return (
      <Card>
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      </Card>
    );
  }
  if (!data) return <Skeleton className="h-96" />;
  const active = isActive(data.status);
  return (
    <div className="grid grid-cols-1 gap-4" data-testid="optimization-view" data-status={data.status}>
      <Card className="gap-3">
        <CardHeader>
          <CardTitle className="flex flex-wrap items-center gap-2 text-base">
            {data.strategy_name} · <span className="font-mono">{data.symbol}</span>
            <RunStatusBadge status={data.status} progress={active ? data.progress : undefined} />
          </CardTitle>
          <CardDescription>
            {data.interval} · {data.start_date} → {data.end_date} ·{" "}
            {t("optimize.maximising", { objective: metricLabel(data.objective ?? "", t) })}
            {(data.constraints ?? []).length > 0 &&
              ` · ${(data.constraints ?? []).map((c) => `${metricLabel(c.metric ?? "", t)} ${c.op} ${formatNumber(c.value, locale)}`).join(", ")}`}
          </CardDescription>
          <CardAction>
            <Button
              variant="ghost"
              size="icon-sm"
              onClick={() => setConfirm(true)}
              aria-label={t(active ? "stop.optimization" : "optimize.delete")}
              title={t(active ? "stop.optimization" : "optimize.delete")}
            >
              {active ? <SquareIcon /> : <Trash2Icon />}
            </Button>
          </CardAction>
        </CardHeader>
        <CardContent className="grid gap-2">
          <div className="flex items-center justify-between text-sm">
            <span className="text-muted-foreground" data-testid="optimization-progress">
              {t("optimize.evaluated", {
                evaluated: formatInteger(data.evaluated, locale),
                combinations: formatInteger(data.combinations, locale),
              })}
            </span>
            <span className="font-medium tabular-nums">{data.progress ?? 0}%</span>
          </div>
          {(data.skipped_combinations ?? 0) > 0 && (
            <p className="text-xs text-muted-foreground" data-testid="optimization-skipped">
              {t("optimize.skipped", { count: formatInteger(data.skipped_combinations, locale) })}
              {data.param_constraints && data.param_constraints.length > 0 && (
                <span className="font-mono"> ({data.param_constraints.join(", ")})</span>
              )}
            </p>
          )}
          <Progress value={data.progress ?? 0} aria-label={t("backtests.progress")} />
          {data.status === "failed" && data.error && <p className="text-sm text-destructive">{data.error}</p>}
          {data.completed_at && (
            <p className="text-xs text-muted-foreground">
              {t("optimize.finished", {
                when: formatRelativeTime(data.completed_at, locale),
                seconds: formatNumber((data.duration_ms ?? 0) / 1000, locale, {
                  maximumFractionDigits: (data.duration_ms ?? 0) < 10_000 ? 2 : 0,
                }),
              })}
            </p>
          )}
        </CardContent>
      </Card>
      {robustness ? (
        <Tabs defaultValue="results" className="gap-4">
          <TabsList aria-label={t("optimize.viewSections")}>
            <TabsTrigger value="results" data-testid="optimization-tab-results">
              {t("optimize.resultsTab")}
            </TabsTrigger>
            <TabsTrigger value="robustness" data-testid="optimization-tab-robustness">
              {t("optimize.robustnessTab")}
            </TabsTrigger>
          </TabsList>
          <TabsContent value="results" className="grid grid-cols-1 gap-4">
            <Card className="gap-3">
              <CardHeader>
                <CardTitle className="text-base">{t("optimize.heatmapTitle")}</CardTitle>
                <CardDescription>{t("optimize.heatmapDescription", { objective: metricLabel(data.objective ?? "", t) })}</CardDescription>
              </CardHeader>
              <CardContent>
                <ScoreHeatmap data={data} />
              </CardContent>
            </Card>
            <Card className="gap-3">
              <CardHeader>
                <CardTitle className="text-base">{t("optimize.rankedTitle")}</CardTitle>
                <CardDescription>{t("optimize.rankedDescription", { count: data.results?.length ?? 0 })}</CardDescription>
              </CardHeader>
              <CardContent className="px-0">
                <RankedResults data={data} />
              </CardContent>
            </Card>
          </TabsContent>
          <TabsContent value="robustness">{robustness}</TabsContent>
        </Tabs>
      ) : (
        <>
          <Card className="gap-3">
            <CardHeader>
              <CardTitle className="text-base">{t("optimize.heatmapTitle")}</CardTitle>
              <CardDescription>{t("optimize.heatmapDescription", { objective: metricLabel(data.objective ?? "", t) })}</CardDescription>
            </CardHeader>
            <CardContent>
              <ScoreHeatmap data={data} />
            </CardContent>
          </Card>
          <Card className="gap-3">
            <CardHeader>
              <CardTitle className="text-base">{t("optimize.rankedTitle")}</CardTitle>
              <CardDescription>{t("optimize.rankedDescription", { count: data.results?.length ?? 0 })}</CardDescription>
            </CardHeader>
            <CardContent className="px-0">
              <RankedResults data={data} />
            </CardContent>
          </Card>
        </>
      )}
      <ConfirmDialog
        open={confirm}
        onOpenChange={setConfirm}
        title={t(active ? "stop.optimizationTitle" : "optimize.deleteTitle")}
        description={t(active ? "stop.optimizationDescription" : "optimize.deleteDescription", {
          name: data.strategy_name ?? "",
          symbol: data.symbol ?? "",
        })}
        confirmLabel={t(active ? "stop.optimization" : "optimize.delete")}
        cancelLabel={active ? t("stop.keepRunning") : undefined}
        destructive
        pending={remove.isPending}
        onConfirm={() =>
          remove.mutate(id, {
            onSuccess: () => {
              setConfirm(false);
              if (!active) show(null);
            },
            onError: () => toast.error(t("errors.unexpected")),
          })
        }
      />
    </div>
  );
}

export function NoOptimization() {
  const t = useT();
  return (
    <Card>
      <EmptyState icon={SearchCodeIcon} title={t("optimize.noneTitle")} description={t("optimize.noneDescription")} />
    </Card>
  );
}
