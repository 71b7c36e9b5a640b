import { api, unwrap } from "@/lib/api/client";
import type { SchemaBacktestStatusResponse, SchemaSymbolView } from "@/lib/api/schema";
import { formatDate } from "@/lib/format";
import { compareIntervals } from "@/lib/intervals";

/** The sample a strategy is tested on by default: the AAPL daily bars of 2013 that every installation has. */
export const QUICK_TEST_SAMPLE = {
  symbol: "AAPL",
  interval: "1d" as const,
  start_date: "2013-01-01",
  end_date: "2013-12-31",
  initial_capital: 10_000,
};

export type QuickTestSample = Omit<typeof QUICK_TEST_SAMPLE, "interval"> & { interval: string };

/** AAPL 1d 2013 when stored; else the first symbol with data, on its longest stored interval and whole range. */
export function pickSample(symbols: readonly SchemaSymbolView[]): QuickTestSample | null {
  const aapl = symbols.find((s) => s.symbol === QUICK_TEST_SAMPLE.symbol && s.intervals?.some((i) => i.interval === "1d"));
  if (aapl) return QUICK_TEST_SAMPLE;
  for (const symbol of symbols) {
    const interval = [...(symbol.intervals ?? [])]
      .filter((i) => (i.bar_count ?? 0) > 0 && i.first_bar && i.last_bar)
      .sort((a, b) => compareIntervals(b.interval, a.interval))[0];
    if (symbol.symbol && interval?.interval) {
      return {
        symbol: symbol.symbol,
        interval: interval.interval,
        start_date: formatDate(interval.first_bar, symbol.time_zone),
        end_date: formatDate(interval.last_bar, symbol.time_zone),
        initial_capital: symbol.currency === "KRW" ? 10_000_000 : 10_000,
      };
    }
  }
  return null;
}

/** Queues the quick test of a saved strategy with its default parameters; resolves to the run id and sample. */
export async function startQuickTest(strategyId: string): Promise<{ runId: string; sample: QuickTestSample }> {
  const symbols = await unwrap(api.GET("/api/v1/data/symbols", { params: { query: { limit: 1000 } } }));
  const sample = pickSample(symbols);
  if (!sample) throw new Error("no market data");
  const run = await unwrap(
    api.POST("/api/v1/backtests", {
      body: { strategy_id: strategyId, ...sample, interval: sample.interval as typeof QUICK_TEST_SAMPLE.interval },
    }),
  );
  return { runId: run.id!, sample };
}

const FINAL = new Set(["completed", "failed", "cancelled"]);

/** Polls the run's status until it has finished, reporting progress; resolves to the final status. */
export async function waitForRun(
  id: string,
  onProgress: (status: SchemaBacktestStatusResponse) => void,
  signal: AbortSignal,
  intervalMs = 1000,
): Promise<SchemaBacktestStatusResponse | null> {
  while (!signal.aborted) {
    const status = await unwrap(api.GET("/api/v1/backtests/{id}/status", { params: { path: { id } }, signal }));
    onProgress(status);
    if (FINAL.has(status.status ?? "")) return status;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  return null;
}

/** The finished run's key figures. */
export function getQuickTestResult(id: string) {
  return unwrap(api.GET("/api/v1/backtests/{id}", { params: { path: { id } } }));
}
