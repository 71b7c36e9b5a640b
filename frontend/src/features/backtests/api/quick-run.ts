import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useStore } from "zustand";
import { api, unwrap } from "@/lib/api/client";
import type { SchemaStrategyTemplateResponse } from "@/lib/api/schema";
import { sessionStore } from "@/lib/auth/session";
import { readPreference, writePreference } from "@/lib/stored-preference";
import { createBacktest } from "./create-backtest";
import { backtestKeys } from "./get-backtests";

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

/** A strategy a quick run can use: the user's own, with its own name. */
export interface QuickRunStrategy {
  id: string;
  name: string;
}

/** Where the id of the strategy a template's quick run made is kept, per user and template. */
export function quickRunStorageKey(userId: string | null | undefined, template: string): string {
  return `tb.quick-run.${userId ?? "anonymous"}.${template}`;
}

/**
 * The user's strategy a template's quick run uses, or null when it has none yet (the run then makes
 * one): the strategy it made before, by id (whatever it has been renamed or edited to), or else an
 * unedited copy of the template (same code, from before quick runs remembered their strategy). A
 * strategy that is gone or not the user's is forgotten.
 */
export async function findQuickRunStrategy(template: SchemaStrategyTemplateResponse, storageKey: string): Promise<QuickRunStrategy | null> {
  const remembered = readPreference(storageKey);
  if (remembered) {
    const { data } = await api.GET("/api/v1/strategies/{id}", { params: { path: { id: remembered } } });
    if (data?.mine) return { id: data.id, name: data.name };
  }
  const mine = await unwrap(api.GET("/api/v1/strategies", { params: { query: { scope: "mine", size: 100, sort: "updated_at,desc" } } }));
  const names = new Set([template.name, template.name_ko]);
  for (const candidate of mine.items.filter((s) => names.has(s.name))) {
    const { data } = await api.GET("/api/v1/strategies/{id}", { params: { path: { id: candidate.id } } });
    if (data?.mine && data.code.trim() === template.code.trim()) {
      writePreference(storageKey, data.id);
      return { id: data.id, name: data.name };
    }
  }
  return null;
}

/**
 * Queues the preset's run with the template's strategy of the user ({@link findQuickRunStrategy}), made
 * from the template first when there is none; the strategy made is remembered by its id. Resolves to
 * the run's id.
 */
export async function quickRun(preset: QuickRunPreset, storageKey: string, language: "en" | "ko" = "en"): Promise<string> {
  const templates = await unwrap(api.GET("/api/v1/strategies/templates"));
  const template = templates.find((candidate) => candidate.id === preset.template);
  if (!template) throw new Error(`no template ${preset.template}`);
  let strategyId = (await findQuickRunStrategy(template, storageKey))?.id;
  if (!strategyId) {
    const created = await unwrap(
      api.POST("/api/v1/strategies", {
        body: {
          name: language === "ko" ? template.name_ko : template.name,
          description: language === "ko" ? template.description_ko : template.description,
          code: template.code,
        },
      }),
    );
    strategyId = created.id;
    writePreference(storageKey, strategyId);
  }
  const run = await createBacktest({
    strategy_id: strategyId,
    symbol: preset.symbol,
    interval: preset.interval,
    start_date: preset.start_date,
    end_date: preset.end_date,
    initial_capital: preset.initial_capital,
  });
  return run.id!;
}

/** The strategy the preset's quick run would use, for its label (null: none yet, one will be made). */
export function useQuickRunStrategy(preset: QuickRunPreset) {
  const userId = useStore(sessionStore, (s) => s.user?.id);
  const storageKey = quickRunStorageKey(userId, preset.template);
  const templates = useQuery({
    queryKey: [...backtestKeys.all, "templates"] as const,
    queryFn: ({ signal }) => unwrap(api.GET("/api/v1/strategies/templates", { signal })),
    staleTime: 60 * 60_000,
  });
  const template = templates.data?.find((candidate) => candidate.id === preset.template);
  const strategy = useQuery({
    queryKey: [...backtestKeys.all, "quick-run", storageKey] as const,
    queryFn: () => findQuickRunStrategy(template!, storageKey),
    enabled: !!template,
  });
  return { template, strategy: strategy.data, storageKey };
}

export function useQuickRun() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ preset, storageKey, language }: { preset: QuickRunPreset; storageKey: string; language: "en" | "ko" }) =>
      quickRun(preset, storageKey, language),
    // A strategy may have been made from the template too: everything cached is marked stale.
    onSuccess: () => void queryClient.invalidateQueries(),
  });
}
