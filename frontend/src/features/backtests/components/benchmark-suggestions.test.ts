import { describe, expect, it } from "vitest";
import { benchmarkChoices } from "./benchmark-suggestions";

const market = (name: string, symbol: string | null, stored = true) => ({
  market: name,
  symbol,
  name: symbol,
  total_return: false,
  stored,
});
const MARKETS = [market("kospi", "^KS11"), market("kosdaq", "^KQ11", false), market("us", "^GSPC"), market("crypto", null, false)];

describe("the benchmarks a run is offered", () => {
  it("puts the index suggested for the symbol first, then the other markets' indices", () => {
    const choices = benchmarkChoices({ markets: MARKETS, suggested: MARKETS[2]! });
    expect(choices.map((c) => c.symbol)).toEqual(["^GSPC", "^KS11", "^KQ11"]);
  });

  it("offers every market's index without a suggestion (crypto has none), and nothing before the answer", () => {
    expect(benchmarkChoices({ markets: MARKETS, suggested: MARKETS[3]! }).map((c) => c.symbol)).toEqual(["^KS11", "^KQ11", "^GSPC"]);
    expect(benchmarkChoices({ markets: MARKETS, suggested: null })).toHaveLength(3);
    expect(benchmarkChoices(undefined)).toEqual([]);
  });
});
