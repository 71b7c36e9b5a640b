import { describe, expect, it } from "vitest";
import { bestRunPerStrategy } from "./dashboard-runs";
import { backtestSummary } from "@/test/fixtures";

const run = (id: string, strategy: string, total: number | undefined, status = "completed") =>
  backtestSummary({
    id,
    status: status as "completed",
    strategy_id: strategy,
    strategy_name: `Strategy ${strategy}`,
    key_metrics: total === undefined ? null : { total_return: total },
  });

describe("the strategy performance overview", () => {
  it("keeps each strategy's best completed run by total return, best strategy first", () => {
    const best = bestRunPerStrategy([
      run("a1", "A", 0.02),
      run("a2", "A", 0.19),
      run("b1", "B", -0.05),
      run("b2", "B", undefined, "failed"),
      run("c1", "C", 0.3, "running"),
    ]);
    expect(best.map((b) => [b.strategyId, b.best.id, b.runs])).toEqual([
      ["A", "a2", 2],
      ["B", "b1", 1],
    ]);
  });
});
