import type { TranslationKey } from "@/lib/i18n";
import type { MonteCarloSummary, Percentiles } from "../api/types";

/**
 * Plain-language readings of the robustness numbers. Each reading is a verdict (good, caution, bad)
 * and the dictionary key that says it; the thresholds are the conventional ones of docs/ROBUSTNESS.md,
 * kept here in one place so the words and the colours always agree with the numbers.
 */
export type Verdict = "good" | "caution" | "bad";

export interface Reading {
  verdict: Verdict;
  key: TranslationKey;
}

/** A Deflated Sharpe Ratio of 0.95 is the usual confidence that a Sharpe is not luck among the trials. */
export const DSR_CONFIDENT = 0.95;
/** Below an even chance, the best Sharpe is more likely luck than skill. */
export const DSR_LUCK = 0.5;
/** Above 0.5 the in-sample best is more likely than not below the median out of sample. */
export const PBO_LIKELY = 0.5;
export const PBO_LOW = 0.2;
/** The best score kept by less than half around it is an isolated peak. */
export const PLATEAU_ISOLATED = 0.5;
export const PLATEAU_BROAD = 0.8;
/** Walk-forward efficiency above one half keeps most of what the optimisation found in sample. */
export const EFFICIENCY_GOOD = 0.5;

export function deflatedSharpeReading(probability: number): Reading {
  if (probability >= DSR_CONFIDENT) return { verdict: "good", key: "robustness.dsr.good" };
  if (probability >= DSR_LUCK) return { verdict: "caution", key: "robustness.dsr.caution" };
  return { verdict: "bad", key: "robustness.dsr.bad" };
}

export function pboReading(probability: number): Reading {
  if (probability > PBO_LIKELY) return { verdict: "bad", key: "robustness.pbo.bad" };
  if (probability > PBO_LOW) return { verdict: "caution", key: "robustness.pbo.caution" };
  return { verdict: "good", key: "robustness.pbo.good" };
}

export function plateauReading(ratio: number): Reading {
  if (ratio < PLATEAU_ISOLATED) return { verdict: "bad", key: "robustness.plateau.bad" };
  if (ratio < PLATEAU_BROAD) return { verdict: "caution", key: "robustness.plateau.caution" };
  return { verdict: "good", key: "robustness.plateau.good" };
}

export function efficiencyReading(efficiency: number): Reading {
  if (efficiency > EFFICIENCY_GOOD) return { verdict: "good", key: "robustness.walkForward.efficiencyGood" };
  if (efficiency >= 0) return { verdict: "caution", key: "robustness.walkForward.efficiencyCaution" };
  return { verdict: "bad", key: "robustness.walkForward.efficiencyBad" };
}

/** Where the run's own value sits among the paths': "lucky" when better than three in four of them. */
export type Luck = "lucky" | "typical" | "unlucky";

/**
 * The run's luck on a statistic where higher is better (equity, CAGR, and drawdown as a negative
 * fraction, where a shallower one is higher): above the 75th percentile lucky, below the 25th unlucky.
 */
export function luckOf(value: number, percentiles: { p25: number; p75: number }): Luck {
  if (value > percentiles.p75) return "lucky";
  if (value < percentiles.p25) return "unlucky";
  return "typical";
}

const LUCK_KEYS: Record<Luck, TranslationKey> = {
  lucky: "robustness.monteCarlo.lucky",
  typical: "robustness.monteCarlo.typical",
  unlucky: "robustness.monteCarlo.unlucky",
};

/** A sentence for the drawdown, one for the final equity and one for ruin, with what to fill them with. */
export interface MonteCarloReading {
  drawdown: { luck: Luck; luckKey: TranslationKey; p5: number; original: number } | null;
  finalEquity: { luck: Luck; luckKey: TranslationKey; p5: number; p50: number; original: number } | null;
  ruin: { probability: number; verdict: Verdict } | null;
}

/** More than one path in a hundred reaching the ruin level is a real risk; any at all deserves a look. */
export const RUIN_RISKY = 0.01;

type Defined = { p5: number; p25: number; p50: number; p75: number };

/** Percentiles a sentence can be made of: the ones it quotes and the quartiles luck is judged by. */
function defined(p: Percentiles | null): p is Percentiles & Defined {
  return !!p && [p.p5, p.p25, p.p50, p.p75].every((v) => typeof v === "number" && Number.isFinite(v));
}

export function monteCarloReading(analysis: MonteCarloSummary): MonteCarloReading {
  const { max_drawdown: drawdown, final_equity: finalEquity, original, probability_of_ruin: ruin } = analysis;
  const ownDrawdown = original?.max_drawdown ?? null;
  const ownEquity = original?.final_equity ?? null;
  const drawdownLuck = defined(drawdown) && ownDrawdown !== null ? luckOf(ownDrawdown, drawdown) : null;
  const equityLuck = defined(finalEquity) && ownEquity !== null ? luckOf(ownEquity, finalEquity) : null;
  return {
    drawdown:
      defined(drawdown) && ownDrawdown !== null && drawdownLuck
        ? { luck: drawdownLuck, luckKey: LUCK_KEYS[drawdownLuck], p5: drawdown.p5, original: ownDrawdown }
        : null,
    finalEquity:
      defined(finalEquity) && ownEquity !== null && equityLuck
        ? { luck: equityLuck, luckKey: LUCK_KEYS[equityLuck], p5: finalEquity.p5, p50: finalEquity.p50, original: ownEquity }
        : null,
    ruin: ruin == null ? null : { probability: ruin, verdict: ruin > RUIN_RISKY ? "bad" : ruin > 0 ? "caution" : "good" },
  };
}

export const VERDICT_CLASS: Record<Verdict, string> = {
  good: "border-emerald-500/40 bg-emerald-500/5 text-emerald-700 dark:text-emerald-400",
  caution: "border-amber-500/40 bg-amber-500/5 text-amber-700 dark:text-amber-400",
  bad: "border-destructive/40 bg-destructive/5 text-destructive",
};
