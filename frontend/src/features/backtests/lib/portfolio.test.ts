import { describe, expect, it } from "vitest";
import type { SchemaHoldingsResponse, SchemaSymbolSummary } from "@/lib/api/schema";
import { allocationBands, allocationRows, contributionRows, holdingsBatches, mergeHoldings, OTHERS } from "./portfolio";

const holdings = (time: number[], symbols: Record<string, (number | null)[]>): SchemaHoldingsResponse => ({
  time,
  symbols: Object.entries(symbols).map(([symbol, weight]) => ({ symbol, weight, quantity: weight })),
  total_points: time.length,
  total_symbols: Object.keys(symbols).length,
});

const summary = (symbol: string, contribution: number): SchemaSymbolSummary => ({
  symbol,
  currency: "KRW",
  contribution,
  round_trips: 1,
  final_quantity: 1,
  final_price: 1,
  final_value: 1,
  final_weight: 0.1,
});

describe("allocation over time", () => {
  it("asks for the run's symbols twenty at a time, in order", () => {
    const symbols = Array.from({ length: 45 }, (_, i) => `S${i}`);
    const batches = holdingsBatches(symbols);
    expect(batches.map((b) => b.length)).toEqual([20, 20, 5]);
    expect(batches.flat()).toEqual(symbols);
  });

  it("puts later batches on the first batch's times, holding each weight until its next kept time", () => {
    const merged = mergeHoldings([holdings([10, 20, 30, 40], { A: [0.5, 0.5, null, 0.2] }), holdings([15, 30], { B: [0.1, 0.3] })]);
    expect(merged.time).toEqual([10, 20, 30, 40]);
    expect(merged.symbols).toEqual([
      { symbol: "A", weight: [0.5, 0.5, 0, 0.2] },
      // Before B's first kept time it was not held; after, its last kept weight holds.
      { symbol: "B", weight: [0, 0.1, 0.3, 0.3] },
    ]);
  });

  it("keeps the top symbols by mean weight and sums the rest into others, so every time's total is kept", () => {
    const columns = mergeHoldings([
      holdings([1, 2, 3], { A: [0.1, 0.1, 0.1], B: [0.4, 0.3, 0.2], C: [0.05, 0.05, 0.3], D: [0.2, 0.2, 0.2] }),
    ]);
    const bands = allocationBands(columns, 2);
    expect(bands.map((b) => b.key)).toEqual(["B", "D", OTHERS]);
    expect(bands[2]!.values.map((v) => +v.toFixed(10))).toEqual([0.15, 0.15, 0.4]);
    const total = (i: number) => bands.reduce((sum, b) => sum + b.values[i]!, 0);
    for (let i = 0; i < 3; i++) {
      expect(total(i)).toBeCloseTo(
        columns.symbols.reduce((sum, s) => sum + s.weight[i]!, 0),
        12,
      );
    }
    expect(allocationRows(columns.time, bands)[0]).toEqual({ time: 1, B: 0.4, D: 0.2, [OTHERS]: bands[2]!.values[0] });
  });

  it("draws no others band when every symbol fits", () => {
    const columns = mergeHoldings([holdings([1], { A: [0.5], B: [0.5] })]);
    expect(allocationBands(columns, 8).map((b) => b.key)).toEqual(["A", "B"]);
    expect(mergeHoldings([])).toEqual({ time: [], symbols: [] });
  });
});

describe("contribution by symbol", () => {
  it("sorts gains first and gives each a signed share of the absolute total", () => {
    const rows = contributionRows([summary("LOSS", -100), summary("BIG", 300), summary("SMALL", 100)]);
    expect(rows.map((r) => r.symbol)).toEqual(["BIG", "SMALL", "LOSS"]);
    expect(rows.map((r) => r.share)).toEqual([0.6, 0.2, -0.2]);
  });

  it("has no share when nothing contributed", () => {
    expect(contributionRows([summary("A", 0), summary("B", 0)]).map((r) => r.share)).toEqual([null, null]);
  });
});
