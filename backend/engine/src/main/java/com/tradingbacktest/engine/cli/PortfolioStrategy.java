package com.tradingbacktest.engine.cli;

import com.tradingbacktest.engine.portfolio.TargetWeights;
import com.tradingbacktest.engine.series.BarSeries;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Built-in strategies that give target weights across every {@code --data} symbol, for the
 * portfolio's rebalancer ({@code --rebalance}, monthly by default).
 */
enum PortfolioStrategy {

  /** 1/N in each symbol. */
  EQUAL_WEIGHT("equal_weight", Map.of()) {
    @Override
    double[][] weights(List<BarSeries> universe, Map<String, Double> p) {
      return TargetWeights.equalWeight(universe);
    }
  },

  /** The {@code top} symbols by 12-1 month momentum, 1/top each. */
  MOMENTUM_ROTATION("momentum_rotation", Map.of("top", 5.0, "lookback", 12.0, "skip", 1.0)) {
    @Override
    double[][] weights(List<BarSeries> universe, Map<String, Double> p) {
      return TargetWeights.momentumRotation(
          universe, whole(p, "top"), whole(p, "lookback"), whole(p, "skip"));
    }
  };

  private final String id;

  @SuppressWarnings("ImmutableEnumChecker") // always a Map.of(...): unmodifiable
  private final Map<String, Double> defaults;

  PortfolioStrategy(String id, Map<String, Double> defaults) {
    this.id = id;
    this.defaults = defaults;
  }

  abstract double[][] weights(List<BarSeries> universe, Map<String, Double> params);

  String id() {
    return id;
  }

  /** The weights with {@code overrides} on top of the defaults; unknown names are an error. */
  double[][] build(List<BarSeries> universe, Map<String, Double> overrides) {
    Map<String, Double> params =
        BuiltInParams.merge(id, defaults, overrides, " (its schedule is --rebalance)");
    return weights(universe, params);
  }

  /** The built-in of that name, or null. */
  static PortfolioStrategy find(String id) {
    return Arrays.stream(values()).filter(s -> s.id.equals(id)).findFirst().orElse(null);
  }

  private static int whole(Map<String, Double> params, String name) {
    double v = params.get(name);
    if (v != Math.rint(v) || v < 0 || v > 1_000_000) {
      throw new IllegalArgumentException(name + " must be a whole number >= 0, got " + v);
    }
    return (int) v;
  }
}
