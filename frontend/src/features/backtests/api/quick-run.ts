import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api/client";
import { createBacktest } from "./create-backtest";

/** A one-click run: a template strategy on a symbol's stored range. */
export interface QuickRunPreset {
  id: string;
  template: string;
  symbol: string;
  interval: "1m" | "5m" | "15m" | "1h" | "4h" | "1d" | "1w";
  start_date: string;
  end_date: string;
  initial_capital: number;
}

/** Runs on the sample data every installation has (AAPL daily 2013, Bitcoin minutes of late 2013). */
export const QUICK_RUNS: QuickRunPreset[] = [
  {
    id: "sma-aapl",
    template: "sma_crossover",
    symbol: "AAPL",
    interval: "1d",
    start_date: "2013-01-01",
    end_date: "2013-12-31",
    initial_capital: 10_000,
  },
  {
    id: "rsi-aapl",
    template: "rsi_mean_reversion",
    symbol: "AAPL",
    interval: "1d",
    start_date: "2013-01-01",
    end_date: "2013-12-31",
    initial_capital: 10_000,
  },
  {
    id: "ema-btc",
    template: "ema_crossover",
    symbol: "BTCUSD.BITSTAMP",
    interval: "1m",
    start_date: "2013-11-25",
    end_date: "2013-12-01",
    initial_capital: 10_000,
  },
];

/**
 * The user's strategy made from the template (found by the template's name, in either language), or
 * a new one made from it; then the run is queued. Resolves to the run's id.
 */
export async function quickRun(preset: QuickRunPreset, language: "en" | "ko" = "en"): Promise<string> {
  const templates = await unwrap(api.GET("/api/v1/strategies/templates"));
  const template = templates.find((candidate) => candidate.id === preset.template);
  if (!template?.code || !template.name) throw new Error(`no template ${preset.template}`);
  const mine = await unwrap(api.GET("/api/v1/strategies", { params: { query: { scope: "mine", size: 100, sort: "updated_at,desc" } } }));
  const names = new Set([template.name, template.name_ko].filter(Boolean));
  let strategyId = mine.items?.find((s) => names.has(s.name))?.id;
  if (!strategyId) {
    const created = await unwrap(
      api.POST("/api/v1/strategies", {
        body: {
          name: (language === "ko" && template.name_ko) || template.name,
          description: (language === "ko" && template.description_ko) || template.description,
          code: template.code,
        },
      }),
    );
    strategyId = created.id;
  }
  const run = await createBacktest({
    strategy_id: strategyId!,
    symbol: preset.symbol,
    interval: preset.interval,
    start_date: preset.start_date,
    end_date: preset.end_date,
    initial_capital: preset.initial_capital,
  });
  return run.id!;
}

export function useQuickRun() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ preset, language }: { preset: QuickRunPreset; language: "en" | "ko" }) => quickRun(preset, language),
    // A strategy may have been made from the template too: everything cached is marked stale.
    onSuccess: () => void queryClient.invalidateQueries(),
  });
}
