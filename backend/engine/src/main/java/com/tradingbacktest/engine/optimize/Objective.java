package com.tradingbacktest.engine.optimize;

import com.tradingbacktest.engine.metrics.PerformanceMetrics;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * What a grid search maximises: one metric of docs/METRICS.md, higher is better for every one of
 * them (drawdowns are negative fractions, so the shallowest drawdown scores highest).
 */
public enum Objective {
  SHARPE_RATIO("sharpe_ratio", PerformanceMetrics::sharpeRatio),
  SORTINO_RATIO("sortino_ratio", PerformanceMetrics::sortinoRatio),
  CALMAR_RATIO("calmar_ratio", PerformanceMetrics::calmarRatio),
  TOTAL_RETURN("total_return", PerformanceMetrics::totalReturn),
  CAGR("cagr", PerformanceMetrics::cagr),
  PROFIT_FACTOR("profit_factor", PerformanceMetrics::profitFactor),
  WIN_RATE("win_rate", PerformanceMetrics::winRate),
  SQN("sqn", PerformanceMetrics::sqn),
  EXPECTANCY("expectancy", PerformanceMetrics::expectancy),
  MAX_DRAWDOWN("max_drawdown", PerformanceMetrics::maxDrawdown),
  FINAL_EQUITY("final_equity", PerformanceMetrics::finalEquity);

  private final String jsonName;

  @SuppressWarnings("ImmutableEnumChecker") // a stateless accessor reference
  private final ToDoubleFunction<PerformanceMetrics> metric;

  Objective(String jsonName, ToDoubleFunction<PerformanceMetrics> metric) {
    this.jsonName = jsonName;
    this.metric = metric;
  }

  /** The metric's snake_case name, as in {@link PerformanceMetrics#toMap()}. */
  public String jsonName() {
    return jsonName;
  }

  /**
   * The metric's value: NaN when it is undefined for the run (no trades, no volatility...), which
   * ranks last; +Infinity for a profit factor without losing trades (or an overflowing CAGR), which
   * ranks first.
   */
  public double score(PerformanceMetrics m) {
    return metric.applyAsDouble(m);
  }

  /**
   * The objective named {@code name} in snake_case, ignoring case and surrounding blanks.
   *
   * @throws IllegalArgumentException naming the valid names when there is no such objective
   */
  public static Objective parse(String name) {
    String wanted = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
    for (Objective o : values()) {
      if (o.jsonName.equals(wanted)) {
        return o;
      }
    }
    throw new IllegalArgumentException(
        "unknown objective '"
            + name
            + "'; use one of "
            + Arrays.stream(values()).map(Objective::jsonName).collect(Collectors.joining(", ")));
  }
}
