"use client";

import { InfoIcon } from "lucide-react";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Tooltip, TooltipContent, TooltipTrigger } from "@/components/ui/tooltip";
import type { SchemaBenchmarkSummary } from "@/lib/api/schema";
import { formatInteger } from "@/lib/format";
import { useLocale, useT } from "@/lib/i18n";
import {
  BENCHMARK_METRICS,
  formatMetric,
  metricHint,
  metricLabel,
  metricTone,
  metricValue,
  toneClass,
  type MetricMap,
} from "@/lib/metrics";
import { cn } from "@/lib/utils";

/**
 * The run measured against its benchmark: alpha, beta, correlation, tracking error, information
 * ratio, up and down capture and the benchmark's own return, each label explaining its formula in a
 * tooltip. Nothing without a benchmark.
 */
export function BenchmarkMetrics({
  metrics,
  benchmark,
}: {
  metrics: MetricMap | null | undefined;
  benchmark: SchemaBenchmarkSummary | null | undefined;
}) {
  const t = useT();
  const locale = useLocale();
  if (!benchmark) return null;
  return (
    <Card className="gap-3" data-testid="benchmark-metrics">
      <CardHeader>
        <CardTitle className="text-base">{t("backtests.benchmarkTitle", { symbol: benchmark.symbol })}</CardTitle>
        <CardDescription>
          {benchmark.returns < 2
            ? t("backtests.benchmarkTooFew")
            : t("backtests.benchmarkDescription", { count: formatInteger(benchmark.returns, locale) })}
        </CardDescription>
      </CardHeader>
      <CardContent>
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
          {BENCHMARK_METRICS.map((name) => {
            const value = metricValue(metrics, name);
            const hint = metricHint(name, t);
            return (
              <div key={name} className="grid gap-0.5 rounded-lg border px-3 py-2" data-metric={name}>
                <dt className="flex items-center gap-1 text-xs font-medium text-muted-foreground">
                  {metricLabel(name, t)}
                  {hint && (
                    <Tooltip>
                      <TooltipTrigger
                        type="button"
                        className="rounded-full text-muted-foreground/70 outline-none hover:text-foreground focus-visible:ring-[3px] focus-visible:ring-ring/50"
                        aria-label={hint}
                      >
                        <InfoIcon className="size-3.5" />
                      </TooltipTrigger>
                      <TooltipContent>{hint}</TooltipContent>
                    </Tooltip>
                  )}
                </dt>
                <dd
                  className={cn("text-lg font-semibold tabular-nums", toneClass(metricTone(name, value)))}
                  data-testid={`benchmark-${name}`}
                >
                  {formatMetric(name, value, { locale, t, metrics })}
                </dd>
              </div>
            );
          })}
        </dl>
      </CardContent>
    </Card>
  );
}
