package com.tradingbacktest.engine.optimize;

import com.tradingbacktest.engine.metrics.PerformanceMetrics;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Scalar metrics by their snake_case names, read as raw doubles. {@link PerformanceMetrics#toMap()}
 * has the names but turns infinities into null for JSON, which would make a run without losing
 * trades (profit factor +Infinity) fail {@code profit_factor >= 1.5}; so values come from the
 * record's accessors, whose names are the camelCase forms of the same names (a test keeps the two
 * sets equal).
 */
final class MetricValues {

  private static final Map<String, Method> ACCESSORS = accessors();

  private MetricValues() {}

  /** The scalar metric names in the order of docs/METRICS.md: the keys of {@code toMap()}. */
  static Set<String> names() {
    return ACCESSORS.keySet();
  }

  /**
   * The metric's value; NaN when undefined.
   *
   * @throws IllegalArgumentException for a name not in {@link #names()}
   */
  static double value(PerformanceMetrics m, String name) {
    Method accessor = ACCESSORS.get(name);
    if (accessor == null) {
      throw new IllegalArgumentException(
          "unknown metric '" + name + "'; use one of " + String.join(", ", names()));
    }
    try {
      return ((Number) accessor.invoke(m)).doubleValue();
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("cannot read " + name, e);
    }
  }

  /**
   * The same metrics without the per-bar and per-period series, which are as long as the bars and
   * would make a sweep's results hold gigabytes; rerun the chosen combination for its curves.
   */
  static PerformanceMetrics scalarsOnly(PerformanceMetrics m) {
    return new PerformanceMetrics(
        m.start(),
        m.end(),
        m.duration(),
        m.durationDays(),
        m.exposureTime(),
        m.initialCapital(),
        m.finalEquity(),
        m.peakEquity(),
        m.totalReturn(),
        m.buyAndHoldReturn(),
        m.cagr(),
        m.annualizedReturn(),
        m.annualizedVolatility(),
        m.sharpeRatio(),
        m.sortinoRatio(),
        m.calmarRatio(),
        m.maxDrawdown(),
        m.maxDrawdownDuration(),
        m.maxDrawdownDurationDays(),
        m.maxDrawdownDurationBars(),
        m.averageDrawdown(),
        m.averageDrawdownDuration(),
        m.averageDrawdownDurationDays(),
        m.averageDrawdownDurationBars(),
        m.tradeCount(),
        m.winRate(),
        m.bestTrade(),
        m.worstTrade(),
        m.averageTrade(),
        m.averageTradeDuration(),
        m.averageTradeDurationBars(),
        m.maxTradeDuration(),
        m.maxTradeDurationBars(),
        m.profitFactor(),
        m.expectancy(),
        m.expectancyPct(),
        m.sqn(),
        m.kellyCriterion(),
        m.commissions(),
        m.winningTrades(),
        m.losingTrades(),
        m.longTrades(),
        m.shortTrades(),
        new double[0],
        new double[0],
        List.of(),
        List.of());
  }

  /** Every numeric component (the series are arrays and lists), under its snake_case name. */
  private static Map<String, Method> accessors() {
    Map<String, Method> byName = new LinkedHashMap<>();
    for (RecordComponent c : PerformanceMetrics.class.getRecordComponents()) {
      if (c.getType().isPrimitive()) {
        byName.put(snakeCase(c.getName()), c.getAccessor());
      }
    }
    return Collections.unmodifiableMap(byName);
  }

  static String snakeCase(String camelCase) {
    StringBuilder out = new StringBuilder(camelCase.length() + 8);
    for (int i = 0; i < camelCase.length(); i++) {
      char ch = camelCase.charAt(i);
      if (Character.isUpperCase(ch)) {
        out.append('_').append(Character.toLowerCase(ch));
      } else {
        out.append(ch);
      }
    }
    return out.toString();
  }
}
