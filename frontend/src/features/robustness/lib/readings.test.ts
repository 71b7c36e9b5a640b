import { describe, expect, it } from "vitest";
import { monteCarlo } from "../test/fixtures";
import { deflatedSharpeReading, efficiencyReading, luckOf, monteCarloReading, pboReading, plateauReading } from "./readings";

describe("the robustness readings", () => {
  it("trusts a Deflated Sharpe from 0.95, doubts it from one half, calls it luck below", () => {
    expect(deflatedSharpeReading(0.95).verdict).toBe("good");
    expect(deflatedSharpeReading(0.9499).verdict).toBe("caution");
    expect(deflatedSharpeReading(0.5).verdict).toBe("caution");
    expect(deflatedSharpeReading(0.4999)).toEqual({ verdict: "bad", key: "robustness.dsr.bad" });
  });

  it("calls a PBO above one half overfitting, above 0.2 a caution", () => {
    expect(pboReading(0.51)).toEqual({ verdict: "bad", key: "robustness.pbo.bad" });
    expect(pboReading(0.5).verdict).toBe("caution");
    expect(pboReading(0.21).verdict).toBe("caution");
    expect(pboReading(0.2).verdict).toBe("good");
  });

  it("calls a plateau ratio below one half an isolated peak, from 0.8 a broad plateau", () => {
    expect(plateauReading(0.49)).toEqual({ verdict: "bad", key: "robustness.plateau.bad" });
    expect(plateauReading(0.5).verdict).toBe("caution");
    expect(plateauReading(0.8).verdict).toBe("good");
  });

  it("reads a walk-forward efficiency above 0.5 as good and below 0 as not carried out of sample", () => {
    expect(efficiencyReading(0.51).verdict).toBe("good");
    expect(efficiencyReading(0.5).verdict).toBe("caution");
    expect(efficiencyReading(0).verdict).toBe("caution");
    expect(efficiencyReading(-0.01)).toEqual({ verdict: "bad", key: "robustness.walkForward.efficiencyBad" });
  });

  it("places the run's own value among the paths' quartiles", () => {
    expect(luckOf(-0.09, { p25: -0.17, p75: -0.11 })).toBe("lucky");
    expect(luckOf(-0.11, { p25: -0.17, p75: -0.11 })).toBe("typical");
    expect(luckOf(-0.2, { p25: -0.17, p75: -0.11 })).toBe("unlucky");
  });

  it("reads a Monte Carlo analysis: the 5th percentile drawdown, the run's luck, and the ruin risk", () => {
    const reading = monteCarloReading(monteCarlo());
    expect(reading.drawdown).toEqual({ luck: "lucky", luckKey: "robustness.monteCarlo.lucky", p5: -0.23, original: -0.09 });
    expect(reading.finalEquity?.luck).toBe("typical");
    expect(reading.ruin).toEqual({ probability: 0.004, verdict: "caution" });
    expect(monteCarloReading(monteCarlo({ probability_of_ruin: 0.02 })).ruin?.verdict).toBe("bad");
    expect(monteCarloReading(monteCarlo({ probability_of_ruin: 0 })).ruin?.verdict).toBe("good");
  });

  it("reads nothing of an analysis not yet completed", () => {
    const reading = monteCarloReading(
      monteCarlo({ status: "running", final_equity: null, max_drawdown: null, original: null, probability_of_ruin: null }),
    );
    expect(reading).toEqual({ drawdown: null, finalEquity: null, ruin: null });
  });

  it("leaves out a sentence whose own value or percentiles are not defined", () => {
    const undefinedCagr = monteCarlo({ final_equity: { p5: null, p25: null, p50: null, p75: null, p95: null, mean: null } });
    expect(monteCarloReading(undefinedCagr).finalEquity).toBeNull();
    expect(monteCarloReading(undefinedCagr).drawdown).not.toBeNull();
    const reading = monteCarloReading(
      monteCarlo({ original: { final_equity: 12500, max_drawdown: null, cagr: null, longest_drawdown: 0 } }),
    );
    expect(reading.drawdown).toBeNull();
    expect(reading.finalEquity?.original).toBe(12500);
  });
});
