import { describe, expect, it } from "vitest";
import { translate } from "@/lib/i18n";
import { bestIndex, formatMetric, metricLabel, metricTone, signTone, toneClass, type MetricMap } from "./metrics";

const t = (key: string, vars?: Record<string, string | number>) => translate("en", key, vars);
const f = (name: string, value: number | null, currency = "USD", metrics?: MetricMap) =>
  formatMetric(name, value, { currency, locale: "en-US", t: t as never, metrics });

describe("metrics as people read them", () => {
  it("writes returns as signed percentages, shares and volatility without a sign", () => {
    expect(f("total_return", 0.024124999)).toBe("+2.41%");
    expect(f("max_drawdown", -0.164946)).toBe("-16.49%");
    expect(f("win_rate", 0.3333)).toBe("33.33%");
    expect(f("annualized_volatility", 0.1678)).toBe("16.78%");
  });

  it("writes money in the run's currency: KRW without decimals", () => {
    expect(f("final_equity", 10241.25)).toBe("$10,241.25");
    expect(f("final_equity", 12345678.9, "KRW")).toBe("₩12,345,679");
    expect(f("expectancy", -366.3433, "USD")).toBe("-$366.34");
  });

  it("writes ratios with two decimals, counts whole, durations in days", () => {
    expect(f("sharpe_ratio", 0.22613971)).toBe("0.23");
    expect(f("trade_count", 3)).toBe("3");
    expect(f("max_drawdown_duration", 12_700_800_000)).toBe("147 days");
    expect(f("max_trade_duration_bars", 42)).toBe("42 bars");
  });

  it("shows undefined values as a dash, and a profit factor with no losing trade as infinite", () => {
    expect(f("sharpe_ratio", null)).toBe("—");
    expect(f("profit_factor", null, "USD", { winning_trades: 2, losing_trades: 0 })).toBe("∞");
    expect(f("profit_factor", null, "USD", { winning_trades: 0, losing_trades: 0 })).toBe("—");
  });

  it("labels known metrics from the dictionary and unknown ones by their name", () => {
    expect(metricLabel("cagr", t as never)).toBe("CAGR");
    expect(metricLabel("omega_ratio", t as never)).toBe("omega ratio");
    expect(translate("ko", "metrics.names.max_drawdown")).toBe("최대 낙폭 (MDD)");
  });

  it("colours gains and losses, and finds the best run of a row", () => {
    expect(metricTone("total_return", 0.1)).toBe("gain");
    expect(metricTone("max_drawdown", -0.2)).toBe("loss");
    expect(metricTone("sharpe_ratio", 2)).toBeNull();
    expect(metricTone("max_drawdown", 0.1)).toBeNull();
    expect(signTone(-3)).toBe("loss");
    expect(signTone(null)).toBeNull();
    expect(toneClass("gain")).toBe("text-gain");
    expect(toneClass(null)).toBeUndefined();
    expect(bestIndex("sharpe_ratio", [0.2, 1.1, null])).toBe(1);
    expect(bestIndex("max_drawdown", [-0.3, -0.1])).toBe(1);
    expect(bestIndex("annualized_volatility", [0.3, 0.1])).toBe(1);
    expect(bestIndex("total_return", [0.1, 0.1])).toBe(-1);
    expect(bestIndex("trade_count", [3, 7])).toBe(-1);
  });
});
