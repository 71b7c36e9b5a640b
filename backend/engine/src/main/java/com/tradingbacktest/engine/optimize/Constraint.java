package com.tradingbacktest.engine.optimize;

import com.tradingbacktest.engine.metrics.PerformanceMetrics;
import java.util.Locale;
import java.util.Objects;

/**
 * A condition a result must meet to be feasible, such as {@code max_drawdown >= -0.2} or {@code
 * trade_count >= 30}: optimising a ratio alone tends to pick a lucky handful of trades.
 *
 * @param metric a scalar metric's snake_case name, a key of {@link PerformanceMetrics#toMap()}
 * @param op how the metric compares with {@code value}
 * @param value the bound, finite, in the metric's units (fractions for returns and drawdowns)
 */
public record Constraint(String metric, Comparison op, double value) {

  /** The comparisons a constraint can make, with the symbols users write. */
  public enum Comparison {
    GT(">"),
    GE(">="),
    LT("<"),
    LE("<=");

    private final String symbol;

    Comparison(String symbol) {
      this.symbol = symbol;
    }

    public String symbol() {
      return symbol;
    }

    /** {@code left op right}; false when either is NaN. */
    public boolean test(double left, double right) {
      return switch (this) {
        case GT -> left > right;
        case GE -> left >= right;
        case LT -> left < right;
        case LE -> left <= right;
      };
    }

    /**
     * The comparison written {@code symbol}: {@code >}, {@code >=}, {@code <} or {@code <=}.
     *
     * @throws IllegalArgumentException for anything else
     */
    public static Comparison parse(String symbol) {
      String wanted = symbol == null ? "" : symbol.strip();
      for (Comparison c : values()) {
        if (c.symbol.equals(wanted)) {
          return c;
        }
      }
      throw new IllegalArgumentException("unknown comparison '" + symbol + "'; use >, >=, < or <=");
    }
  }

  /**
   * @throws IllegalArgumentException for a name that is not a scalar metric (listing the valid
   *     ones) or a non-finite bound
   */
  public Constraint {
    Objects.requireNonNull(metric, "metric");
    Objects.requireNonNull(op, "op");
    if (!PerformanceMetrics.scalarNames().contains(metric)) {
      throw new IllegalArgumentException(
          "unknown metric '"
              + metric
              + "'; use one of "
              + String.join(", ", PerformanceMetrics.scalarNames()));
    }
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(
          "the bound of " + metric + " must be a finite number, got " + value);
    }
  }

  /** As written by a user: the metric name in any case, the comparison as a symbol. */
  public static Constraint parse(String metric, String op, double value) {
    Objects.requireNonNull(metric, "metric");
    return new Constraint(metric.strip().toLowerCase(Locale.ROOT), Comparison.parse(op), value);
  }

  /**
   * Whether the run meets the condition. An undefined metric (NaN, e.g. a Sharpe ratio without
   * volatility) fails it: a constraint asks for evidence. Infinities compare as numbers, so a
   * profit factor of +Infinity passes {@code profit_factor >= 1.5}.
   */
  public boolean test(PerformanceMetrics m) {
    return op.test(m.scalar(metric), value);
  }

  @Override
  public String toString() {
    return metric + " " + op.symbol() + " " + value;
  }
}
