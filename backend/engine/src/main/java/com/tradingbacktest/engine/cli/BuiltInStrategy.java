package com.tradingbacktest.engine.cli;

import com.tradingbacktest.engine.indicator.Crosses;
import com.tradingbacktest.engine.indicator.Indicators;
import com.tradingbacktest.engine.series.BarSeries;
import com.tradingbacktest.engine.sim.Signals;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Strategies the command-line runner knows by name, each with its parameters and defaults.
 * (Strategy files in the strategy language arrive with the language.)
 */
public enum BuiltInStrategy {

  /**
   * Long when the fast SMA crosses above the slow one, out when it crosses below; with shorts,
   * always in.
   */
  SMA_CROSS("sma_cross", Map.of("fast", 10.0, "slow", 30.0)) {
    @Override
    Signals signals(BarSeries bars, Map<String, Double> p, boolean allowShort) {
      return averageCross(bars, p, allowShort, Indicators::sma);
    }
  },

  /** The same with exponential averages. */
  EMA_CROSS("ema_cross", Map.of("fast", 12.0, "slow", 26.0)) {
    @Override
    Signals signals(BarSeries bars, Map<String, Double> p, boolean allowShort) {
      return averageCross(bars, p, allowShort, Indicators::ema);
    }
  },

  /** Long when RSI falls below {@code lower}, out when it rises above {@code upper}. */
  RSI_REVERSION("rsi_reversion", Map.of("length", 14.0, "lower", 30.0, "upper", 70.0)) {
    @Override
    Signals signals(BarSeries bars, Map<String, Double> p, boolean allowShort) {
      double[] rsi = Indicators.rsi(bars.close(), length(p, "length"));
      return Signals.builder(bars.size())
          .longEntry(Crosses.crossunder(rsi, p.get("lower")))
          .longExit(Crosses.crossover(rsi, p.get("upper")))
          .build();
    }
  },

  /**
   * Larry Williams' volatility breakout: buy when the price rises {@code k} times the previous
   * bar's range above the open, inside the bar; sell at the next open.
   */
  VOLATILITY_BREAKOUT("volatility_breakout", Map.of("k", 0.5)) {
    @Override
    Signals signals(BarSeries bars, Map<String, Double> p, boolean allowShort) {
      int n = bars.size();
      double k = p.get("k");
      double[] level = new double[n];
      boolean[] exit = new boolean[n];
      level[0] = Double.NaN;
      for (int i = 1; i < n; i++) {
        level[i] = bars.open()[i] + k * (bars.high()[i - 1] - bars.low()[i - 1]);
      }
      Arrays.fill(exit, true);
      return Signals.builder(n).longEntryStop(level).longExit(exit).build();
    }
  },

  /** Buy on the first bar and hold: the benchmark every strategy must beat. */
  BUY_AND_HOLD("buy_and_hold", Map.of()) {
    @Override
    Signals signals(BarSeries bars, Map<String, Double> p, boolean allowShort) {
      boolean[] entry = new boolean[bars.size()];
      if (entry.length > 0) {
        entry[0] = true;
      }
      return Signals.builder(bars.size()).longEntry(entry).build();
    }
  };

  private final String id;

  @SuppressWarnings("ImmutableEnumChecker") // always a Map.of(...): unmodifiable
  private final Map<String, Double> defaults;

  BuiltInStrategy(String id, Map<String, Double> defaults) {
    this.id = id;
    this.defaults = defaults;
  }

  abstract Signals signals(BarSeries bars, Map<String, Double> params, boolean allowShort);

  public String id() {
    return id;
  }

  /**
   * Builds the signals with {@code overrides} on top of the defaults; unknown names are an error.
   */
  public Signals build(BarSeries bars, Map<String, Double> overrides, boolean allowShort) {
    Map<String, Double> params = BuiltInParams.merge(id, defaults, overrides, "");
    return signals(bars, params, allowShort);
  }

  public static BuiltInStrategy byId(String id) {
    return Arrays.stream(values())
        .filter(s -> s.id.equals(id))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "Unknown strategy '"
                        + id
                        + "'; built in: "
                        + Arrays.stream(values())
                            .map(BuiltInStrategy::id)
                            .collect(Collectors.joining(", "))));
  }

  /** A moving average of the closes over a length, such as {@link Indicators#sma}. */
  @FunctionalInterface
  private interface Average {
    double[] of(double[] x, int length);
  }

  /** {@link #SMA_CROSS} with any average. */
  private static Signals averageCross(
      BarSeries bars, Map<String, Double> p, boolean allowShort, Average average) {
    if (p.get("fast") >= p.get("slow")) {
      throw new IllegalArgumentException(
          "fast (" + p.get("fast") + ") must be less than slow (" + p.get("slow") + ")");
    }
    double[] fast = average.of(bars.close(), length(p, "fast"));
    double[] slow = average.of(bars.close(), length(p, "slow"));
    boolean[] up = Crosses.crossover(fast, slow);
    boolean[] down = Crosses.crossunder(fast, slow);
    Signals.Builder b = Signals.builder(bars.size()).longEntry(up).longExit(down);
    if (allowShort) {
      b.shortEntry(down).shortExit(up);
    }
    return b.build();
  }

  private static int length(Map<String, Double> params, String name) {
    double v = params.get(name);
    if (v != Math.rint(v) || v < 1) {
      throw new IllegalArgumentException(name + " must be a whole number >= 1, got " + v);
    }
    return (int) v;
  }
}
