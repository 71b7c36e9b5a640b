"use client";

import { Card } from "@/components/ui/card";
import { formatNumber } from "@/lib/format";
import { useLocale, useT, type TranslationKey } from "@/lib/i18n";
import {
  BENCHMARK_METRICS,
  formatMetric,
  metricLabel,
  metricTone,
  metricValue,
  TIME_METRICS,
  toneClass,
  type MetricMap,
} from "@/lib/metrics";
import { cn } from "@/lib/utils";

type Metrics = MetricMap | null | undefined;

interface CardSpec {
  name: string;
  /** A second line under the value: another metric or a sentence about it. */
  detail?: (m: Metrics, f: (name: string) => string, t: (key: TranslationKey, vars?: Record<string, string | number>) => string) => string;
}

const CARDS: CardSpec[] = [
  { name: "total_return", detail: (_, f, t) => t("backtests.cards.finalEquity", { value: f("final_equity") }) },
  { name: "cagr", detail: (_, f, t) => t("backtests.cards.buyAndHold", { value: f("buy_and_hold_return") }) },
  { name: "max_drawdown", detail: (_, f, t) => t("backtests.cards.longestDrawdown", { value: f("max_drawdown_duration_days") }) },
  { name: "sharpe_ratio", detail: (_, f, t) => t("backtests.cards.volatility", { value: f("annualized_volatility") }) },
  { name: "sortino_ratio", detail: (_, f, t) => t("backtests.cards.calmar", { value: f("calmar_ratio") }) },
  {
    name: "win_rate",
    detail: (m, _, t) =>
      t("backtests.cards.winsLosses", {
        wins: metricValue(m, "winning_trades") ?? 0,
        losses: metricValue(m, "losing_trades") ?? 0,
      }),
  },
  { name: "profit_factor", detail: (_, f, t) => t("backtests.cards.expectancy", { value: f("expectancy") }) },
  {
    name: "trade_count",
    detail: (m, _, t) =>
      t("backtests.cards.longShort", { long: metricValue(m, "long_trades") ?? 0, short: metricValue(m, "short_trades") ?? 0 }),
  },
];

/** The six a trader reads first: what the strategy workbench shows beside the code. */
export const KEY_METRICS = ["total_return", "cagr", "max_drawdown", "sharpe_ratio", "trade_count", "win_rate"] as const;

/**
 * The headline metrics as cards (each with a related figure under it), then every other metric in a
 * list. `compact` shows only the {@link KEY_METRICS}, smaller, for the workbench's narrow column.
 */
export function MetricCards({ metrics, currency, compact = false }: { metrics: Metrics; currency: string | undefined; compact?: boolean }) {
  const t = useT();
  const locale = useLocale();
  const f = (name: string) => formatMetric(name, metricValue(metrics, name), { currency, locale, t, metrics });
  const cards = compact ? KEY_METRICS.map((name) => CARDS.find((c) => c.name === name)!) : CARDS;
  // The benchmark's metrics have a card of their own on the result page.
  const shown = new Set<string>([...CARDS.map((c) => c.name), ...BENCHMARK_METRICS]);
  const rest = compact ? [] : Object.keys(metrics ?? {}).filter((name) => !shown.has(name) && !TIME_METRICS.has(name));
  return (
    <div className="grid grid-cols-1 gap-4">
      <div className={cn("grid grid-cols-2 gap-3", compact ? "sm:grid-cols-3" : "md:grid-cols-4")} data-testid="metric-cards">
        {cards.map((card) => {
          const value = metricValue(metrics, card.name);
          const tone = metricTone(card.name, value);
          return (
            <Card key={card.name} className={cn("gap-1", compact ? "px-3 py-2.5" : "px-4 py-3.5")} data-metric={card.name}>
              <p className="text-xs font-medium text-muted-foreground">{metricLabel(card.name, t)}</p>
              <p
                className={cn("num font-semibold tracking-tight", compact ? "text-lg" : "text-xl sm:text-2xl", toneClass(tone))}
                data-testid={`metric-${card.name}`}
              >
                {f(card.name)}
              </p>
              {card.detail && <p className="truncate text-xs text-muted-foreground tabular-nums">{card.detail(metrics, f, t)}</p>}
            </Card>
          );
        })}
      </div>
      {rest.length > 0 && (
        <details className="group rounded-xl border bg-card">
          <summary className="cursor-pointer list-none rounded-xl px-4 py-3 text-sm font-medium outline-none select-none focus-visible:ring-[3px] focus-visible:ring-ring/50 [&::-webkit-details-marker]:hidden">
            <span className="inline-block transition-transform group-open:rotate-90" aria-hidden>
              ›
            </span>{" "}
            {t("backtests.allMetrics", { count: formatNumber(rest.length, locale) })}
          </summary>
          <dl className="grid gap-x-8 gap-y-1.5 border-t px-4 py-3 text-sm sm:grid-cols-2 lg:grid-cols-3" data-testid="all-metrics">
            {rest.map((name) => (
              <div key={name} className="flex items-baseline justify-between gap-3 border-b border-dashed py-1 last:border-0">
                <dt className="text-muted-foreground">{metricLabel(name, t)}</dt>
                <dd className="num font-medium">{f(name)}</dd>
              </div>
            ))}
          </dl>
        </details>
      )}
    </div>
  );
}
