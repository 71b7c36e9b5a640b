"use client";

import { DownloadCloudIcon, SparklesIcon } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import { errorMessage } from "@/lib/api/errors";
import type { SchemaBenchmarkDefaults, SchemaBenchmarkSuggestion } from "@/lib/api/schema";
import { isTranslationKey, useT } from "@/lib/i18n";
import { useFetchBenchmark } from "../api/fetch-benchmark";
import { useBenchmarkDefaults } from "../api/get-benchmark-defaults";

/** An index a run can be measured against: a suggestion with a ticker (crypto has none). */
type IndexSuggestion = SchemaBenchmarkSuggestion & { symbol: string };

/**
 * The indices to offer, the one suggested for the run's symbol first, then the other markets'; a
 * market without an index (crypto) offers nothing.
 */
export function benchmarkChoices(defaults: SchemaBenchmarkDefaults | undefined): IndexSuggestion[] {
  if (!defaults) return [];
  const withIndex = (s: SchemaBenchmarkSuggestion | null): s is IndexSuggestion => !!s?.symbol;
  const first = withIndex(defaults.suggested) ? [defaults.suggested] : [];
  const rest = defaults.markets.filter(withIndex).filter((s) => !first.some((f) => f.symbol === s.symbol));
  return [...first, ...rest];
}

/**
 * The index benchmarks suggested for the run's symbol (GET /backtests/benchmark-defaults: KOSPI for
 * KRX symbols, the S&P 500 total return for US ones), offered first under the benchmark field. One
 * whose bars are not stored yet says so and can be fetched from Yahoo for the run's interval and dates.
 */
export function BenchmarkSuggestions({
  symbol,
  interval,
  start,
  current,
  onPick,
}: {
  symbol: string | undefined;
  interval: string;
  start: string;
  current: string;
  onPick: (symbol: string) => void;
}) {
  const t = useT();
  const defaults = useBenchmarkDefaults(symbol);
  const fetch = useFetchBenchmark();
  const [fetching, setFetching] = useState<string | null>(null);
  const suggestions = benchmarkChoices(defaults.data);
  const label = (s: IndexSuggestion) => {
    const key = `prices.benchmarks.names.${s.market}${s.total_return ? "_tr" : ""}`;
    return `${isTranslationKey(key) ? t(key) : (s.name ?? s.symbol)} (${s.symbol})`;
  };
  if (suggestions.length === 0) return null;
  return (
    <div className="grid gap-1.5" data-testid="benchmark-suggestions">
      <p className="flex items-center gap-1 text-xs font-medium text-muted-foreground">
        <SparklesIcon className="size-3" aria-hidden />
        {t("prices.benchmarks.suggested")}
      </p>
      <ul className="flex flex-wrap gap-2">
        {suggestions.map((suggestion) => (
          <li key={suggestion.symbol} className="flex items-center gap-1">
            <Button
              type="button"
              size="sm"
              variant={current.toUpperCase() === suggestion.symbol.toUpperCase() ? "secondary" : "outline"}
              disabled={!suggestion.stored}
              onClick={() => onPick(suggestion.symbol)}
              className="h-auto min-h-8 py-1 break-keep whitespace-normal"
              data-testid={`benchmark-suggestion-${suggestion.symbol}`}
            >
              {label(suggestion)}
              {!suggestion.stored && (
                <span className="text-xs font-normal text-muted-foreground">· {t("prices.benchmarks.notStored")}</span>
              )}
            </Button>
            {!suggestion.stored && interval && start && (
              <Button
                type="button"
                size="sm"
                variant="ghost"
                disabled={fetch.isPending}
                onClick={() => {
                  setFetching(suggestion.symbol);
                  fetch.mutate({ symbol: suggestion.symbol, interval, start });
                }}
                data-testid={`fetch-benchmark-${suggestion.symbol}`}
              >
                {fetch.isPending && fetching === suggestion.symbol ? <Spinner /> : <DownloadCloudIcon />}
                {t("prices.benchmarks.fetch")}
              </Button>
            )}
          </li>
        ))}
      </ul>
      <div aria-live="polite" className="text-xs break-keep">
        {fetch.isSuccess && fetching && (
          <p className="text-muted-foreground">{t("prices.benchmarks.fetchStarted", { symbol: fetching })}</p>
        )}
        {fetch.isError && <p className="text-destructive">{errorMessage(fetch.error, t)}</p>}
      </div>
    </div>
  );
}
