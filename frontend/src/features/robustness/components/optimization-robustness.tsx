"use client";

import { ArrowDownIcon } from "lucide-react";
import { useMemo } from "react";
import { ErrorState } from "@/components/layouts/states";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { Spinner } from "@/components/ui/spinner";
import { formatInteger, formatMoney, formatNumber, formatPercent } from "@/lib/format";
import { useLocale, useT } from "@/lib/i18n";
import { formatMetric, metricLabel, metricValue } from "@/lib/metrics";
import { cn } from "@/lib/utils";
import { stillComing, useOptimizationRobustness } from "../api/get-optimization-robustness";
import type { DeflatedSharpe, OptimizationWithRobustness, OutOfSample, Pbo, Plateau } from "../api/types";
import { equityPoints, histogramBars } from "../lib/charts";
import { deflatedSharpeReading, pboReading, plateauReading } from "../lib/readings";
import { EquityLineChart, HistogramChart } from "./robustness-charts";
import { CardHeading, ColumnHeader, Figure, ReadingNote, WideTable } from "./robustness-bits";

const params = (p: Record<string, number> | null | undefined, locale: string) =>
  Object.entries(p ?? {})
    .map(([name, value]) => `${name}=${formatNumber(value, locale, { maximumFractionDigits: 6 })}`)
    .join(", ");

function DeflatedSharpeCard({ dsr }: { dsr: DeflatedSharpe }) {
  const t = useT();
  const locale = useLocale();
  const reading = dsr.probability != null ? deflatedSharpeReading(dsr.probability) : null;
  const ratio = (v: number | null) => formatNumber(v, locale, { minimumFractionDigits: 2, maximumFractionDigits: 3 });
  return (
    <Card className="gap-3" data-testid="dsr-card">
      <CardHeading title={t("robustness.dsr.title")} description={t("robustness.dsr.description")} />
      <CardContent className="grid gap-3">
        <Figure
          label={t("robustness.dsr.probability")}
          value={formatPercent(dsr.probability, locale, { digits: 1 })}
          testId="dsr-probability"
        />
        {reading && (
          <ReadingNote
            verdict={reading.verdict}
            text={reading.key}
            vars={{ trials: formatInteger(dsr.trials, locale) }}
            testId="dsr-reading"
          />
        )}
        <details className="text-sm">
          <summary className="cursor-pointer text-muted-foreground">{t("robustness.inputs")}</summary>
          <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 tabular-nums">
            <dt className="text-muted-foreground">{t("robustness.dsr.trials")}</dt>
            <dd className="text-right">{formatInteger(dsr.trials, locale)}</dd>
            <dt className="text-muted-foreground">{t("robustness.dsr.observations")}</dt>
            <dd className="text-right">{formatInteger(dsr.observations, locale)}</dd>
            <dt className="text-muted-foreground">{t("robustness.dsr.observedSharpe")}</dt>
            <dd className="text-right">
              {ratio(dsr.observed_sharpe)} ({t("robustness.dsr.annualised", { value: ratio(dsr.annualised_observed_sharpe) })})
            </dd>
            <dt className="text-muted-foreground">{t("robustness.dsr.expectedMax")}</dt>
            <dd className="text-right">{ratio(dsr.expected_max_sharpe)}</dd>
            <dt className="text-muted-foreground">{t("robustness.dsr.skewness")}</dt>
            <dd className="text-right">{ratio(dsr.skewness)}</dd>
            <dt className="text-muted-foreground">{t("robustness.dsr.kurtosis")}</dt>
            <dd className="text-right">{ratio(dsr.kurtosis)}</dd>
            <dt className="text-muted-foreground">{t("robustness.dsr.variance")}</dt>
            <dd className="text-right">{formatNumber(dsr.trial_sharpe_variance, locale, { maximumSignificantDigits: 3 })}</dd>
          </dl>
        </details>
      </CardContent>
    </Card>
  );
}

function PboCard({ pbo }: { pbo: Pbo }) {
  const t = useT();
  const locale = useLocale();
  const reading = pbo.probability != null ? pboReading(pbo.probability) : null;
  return (
    <Card className="gap-3" data-testid="pbo-card">
      <CardHeading title={t("robustness.pbo.title")} description={t("robustness.pbo.description")} />
      <CardContent className="grid gap-3">
        <div className="grid grid-cols-2 gap-3">
          <Figure
            label={t("robustness.pbo.probability")}
            value={formatPercent(pbo.probability, locale, { digits: 1 })}
            testId="pbo-probability"
          />
          <Figure label={t("robustness.pbo.probabilityOfLoss")} value={formatPercent(pbo.probability_of_loss, locale, { digits: 1 })} />
          <Figure
            label={t("robustness.pbo.degradation")}
            value={formatNumber(pbo.degradation_slope, locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 })}
          />
          <Figure
            label={t("robustness.pbo.splits")}
            value={t("robustness.pbo.splitsValue", {
              splits: formatInteger(pbo.splits, locale),
              partitions: formatInteger(pbo.partitions, locale),
            })}
          />
        </div>
        {reading && <ReadingNote verdict={reading.verdict} text={reading.key} testId="pbo-reading" />}
        <HistogramChart
          bars={histogramBars(pbo.logits)}
          format={(v) => formatNumber(v, locale, { maximumFractionDigits: 1 })}
          label={t("robustness.pbo.logits")}
          testId="pbo-logits"
        />
        <p className="text-xs break-keep text-muted-foreground">{t("robustness.pbo.logitsHint")}</p>
      </CardContent>
    </Card>
  );
}

function PlateauCard({ plateau, data }: { plateau: Plateau; data: OptimizationWithRobustness }) {
  const t = useT();
  const locale = useLocale();
  const reading = plateau.ratio != null ? plateauReading(plateau.ratio) : null;
  const best = (data.results ?? []).find((r) => r.combination === plateau.best_combination)?.parameters;
  const score = (v: number | null) => formatMetric(data.objective ?? "", v, { currency: data.settings?.currency, locale, t });
  return (
    <Card className="gap-3" data-testid="plateau-card">
      <CardHeading title={t("robustness.plateau.title")} description={t("robustness.plateau.description")} />
      <CardContent className="grid gap-3">
        <div className="grid grid-cols-2 gap-3">
          <Figure
            label={t("robustness.plateau.ratio")}
            value={formatNumber(plateau.ratio, locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 })}
            testId="plateau-ratio"
          />
          <Figure label={t("robustness.plateau.neighbours")} value={formatInteger(plateau.neighbours, locale)} />
        </div>
        {reading && <ReadingNote verdict={reading.verdict} text={reading.key} testId="plateau-reading" />}
        <div className="overflow-x-auto">
          <table className="w-full text-sm" data-testid="plateau-table">
            <thead className="text-xs text-muted-foreground">
              <tr>
                <th scope="col" className="py-1 text-left font-medium" />
                <ColumnHeader align="left" compact>
                  {t("robustness.plateau.parameters")}
                </ColumnHeader>
                <ColumnHeader compact>{metricLabel(data.objective ?? "", t)}</ColumnHeader>
                <ColumnHeader compact>{t("robustness.plateau.neighbourhood")}</ColumnHeader>
              </tr>
            </thead>
            <tbody>
              <tr className="border-t">
                <th scope="row" className="py-1 pr-2 text-left font-medium break-keep">
                  {t("robustness.plateau.best")}
                </th>
                <td className="py-1 font-mono text-xs">{best ? params(best, locale) : `#${plateau.best_combination}`}</td>
                <td className="py-1 text-right tabular-nums">{score(plateau.best_score)}</td>
                <td className="py-1 text-right tabular-nums">{score(plateau.neighbourhood_mean)}</td>
              </tr>
              <tr className="border-t">
                <th scope="row" className="py-1 pr-2 text-left font-medium break-keep">
                  {t("robustness.plateau.plateau")}
                </th>
                <td className="py-1 font-mono text-xs" data-testid="plateau-parameters">
                  {params(plateau.plateau_parameters, locale)}
                </td>
                <td className="py-1 text-right tabular-nums">—</td>
                <td className="py-1 text-right tabular-nums">{score(plateau.plateau_mean)}</td>
              </tr>
            </tbody>
          </table>
        </div>
      </CardContent>
    </Card>
  );
}

/** The top ten in-sample combinations beside their held-out scores; a held-out score below the in-sample one is marked. */
function SplitTable({ split, data }: { split: OutOfSample; data: OptimizationWithRobustness }) {
  const t = useT();
  const locale = useLocale();
  const currency = data.settings?.currency;
  const objective = data.objective ?? "";
  const fmt = (metric: string, v: number | null | undefined) => formatMetric(metric, v, { currency, locale, t });
  return (
    <WideTable
      label={t("robustness.optimization.splitTable")}
      testId="oos-table"
      className="min-w-[48rem]"
      head={
        <>
          <ColumnHeader>#</ColumnHeader>
          <ColumnHeader align="left">{t("robustness.plateau.parameters")}</ColumnHeader>
          <ColumnHeader>{t("robustness.optimization.isScore")}</ColumnHeader>
          <ColumnHeader>{t("robustness.optimization.oosScore")}</ColumnHeader>
          {(["total_return", "max_drawdown", "trade_count"] as const).map((m) => (
            <ColumnHeader key={m}>
              {t(`metrics.short.${m}`)} {t("robustness.optimization.isOos")}
            </ColumnHeader>
          ))}
        </>
      }
    >
      {split.results.map((r) => {
        const worse = r.in_sample_score != null && r.out_of_sample_score != null && r.out_of_sample_score < r.in_sample_score;
        return (
          <tr key={r.combination} className="border-t" data-worse={worse}>
            <td className="px-2 py-1.5 text-right tabular-nums">{r.rank}</td>
            <td className="px-2 py-1.5 font-mono text-xs whitespace-nowrap">{params(r.parameters, locale)}</td>
            <td className="px-2 py-1.5 text-right tabular-nums">{fmt(objective, r.in_sample_score)}</td>
            <td className={cn("px-2 py-1.5 text-right font-semibold tabular-nums", worse && "text-destructive")}>
              {worse && <ArrowDownIcon className="mr-0.5 inline size-3.5" aria-label={t("robustness.optimization.worse")} />}
              {fmt(objective, r.out_of_sample_score)}
            </td>
            {(["total_return", "max_drawdown", "trade_count"] as const).map((m) => {
              const is = metricValue(r.in_sample_metrics, m);
              const oos = metricValue(r.out_of_sample_metrics, m);
              return (
                <td key={m} className="px-2 py-1.5 text-right whitespace-nowrap tabular-nums">
                  {fmt(m, is)} <span className="text-muted-foreground">/</span>{" "}
                  <span className={cn(m !== "trade_count" && is != null && oos != null && oos < is && "text-destructive")}>
                    {fmt(m, oos)}
                  </span>
                </td>
              );
            })}
          </tr>
        );
      })}
    </WideTable>
  );
}

function SplitSection({ split, data }: { split: OutOfSample; data: OptimizationWithRobustness }) {
  const t = useT();
  const locale = useLocale();
  const points = useMemo(() => equityPoints(split.best_equity), [split.best_equity]);
  const splitAt = Date.parse(split.split_time);
  const currency = data.settings?.currency;
  return (
    <Card className="gap-3" data-testid="oos-section" data-status={split.status}>
      <CardHeader>
        <CardTitle className="text-base">{t("robustness.optimization.splitTitle")}</CardTitle>
        <CardDescription className="break-keep">
          {t("robustness.optimization.splitDescription", {
            is: formatInteger(split.in_sample_bars, locale),
            oos: formatInteger(split.out_of_sample_bars, locale),
            from: split.split_time.slice(0, 10),
          })}
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        {split.status === "pending" ? (
          <p className="flex items-center gap-2 text-sm text-muted-foreground" data-testid="oos-pending">
            <Spinner />
            {t("robustness.computing")}
          </p>
        ) : (
          <SplitTable split={split} data={data} />
        )}
        {points.length > 0 && (
          <section className="grid gap-1">
            <h3 className="text-sm font-medium">{t("robustness.optimization.bestEquity")}</h3>
            <EquityLineChart
              points={points}
              format={(v) => formatMoney(v, currency, locale, { compact: true })}
              label={t("robustness.optimization.bestEquity")}
              testId="oos-equity"
              timeZone={data.settings?.time_zone}
              heldOutFrom={Number.isFinite(splitAt) ? splitAt : null}
            />
          </section>
        )}
      </CardContent>
    </Card>
  );
}

/**
 * The robustness of one optimisation: whether its best could be luck among the trials (Deflated
 * Sharpe), how often the in-sample best falls below the median out of sample (PBO by CSCV), whether it
 * is a peak or a plateau, and with a held-out split the top ten in and out of sample.
 */
export function OptimizationRobustness({ id }: { id: string }) {
  const t = useT();
  const query = useOptimizationRobustness(id);
  const data = query.data;
  if (query.isError && !data) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (!data) return <Skeleton className="h-64" />;
  const pending = stillComing(data);
  const stats = data.statistics;
  if (data.status !== "completed" && !stats) {
    return (
      <p className="text-sm break-keep text-muted-foreground" data-testid="robustness-waiting">
        {data.status === "pending" || data.status === "running"
          ? t("robustness.optimization.afterSweep")
          : t("robustness.optimization.none")}
      </p>
    );
  }
  return (
    <div className="grid gap-4" data-testid="optimization-robustness" data-pending={pending}>
      {!stats &&
        (pending ? (
          <p className="flex items-center gap-2 text-sm text-muted-foreground" data-testid="statistics-pending">
            <Spinner />
            {t("robustness.computing")}
          </p>
        ) : (
          <p className="text-sm text-muted-foreground" data-testid="statistics-missing">
            {t("robustness.optimization.none")}
          </p>
        ))}
      {stats && (
        <div className="grid grid-cols-1 gap-4">
          {stats.deflated_sharpe ? <DeflatedSharpeCard dsr={stats.deflated_sharpe} /> : <Unavailable title={t("robustness.dsr.title")} />}
          {stats.pbo ? <PboCard pbo={stats.pbo} /> : <Unavailable title={t("robustness.pbo.title")} />}
          {stats.plateau ? <PlateauCard plateau={stats.plateau} data={data} /> : <Unavailable title={t("robustness.plateau.title")} />}
        </div>
      )}
      {data.out_of_sample && <SplitSection split={data.out_of_sample} data={data} />}
    </div>
  );
}

function Unavailable({ title }: { title: string }) {
  const t = useT();
  return (
    <Card className="gap-2">
      <CardHeader>
        <CardTitle className="text-base">{title}</CardTitle>
      </CardHeader>
      <CardContent>
        <p className="text-sm break-keep text-muted-foreground">{t("robustness.unavailable")}</p>
      </CardContent>
    </Card>
  );
}
