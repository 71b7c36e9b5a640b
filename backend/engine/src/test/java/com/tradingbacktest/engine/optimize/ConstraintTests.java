package com.tradingbacktest.engine.optimize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tradingbacktest.engine.metrics.PerformanceMetrics;
import com.tradingbacktest.engine.optimize.Constraint.Comparison;
import org.junit.jupiter.api.Test;

class ConstraintTests {

  /** total_return 0.1, trade_count 1, win_rate 1, profit_factor +Infinity, sqn NaN. */
  private static final PerformanceMetrics ONE_WIN = Fixtures.oneWinningTrade();

  @Test
  void comparesTheNamedMetricWithTheBound() {
    assertThat(Constraint.parse("trade_count", ">=", 1).test(ONE_WIN)).isTrue();
    assertThat(Constraint.parse("trade_count", ">", 1).test(ONE_WIN)).isFalse();
    assertThat(Constraint.parse("win_rate", "<=", 1).test(ONE_WIN)).isTrue();
    assertThat(Constraint.parse("win_rate", "<", 1).test(ONE_WIN)).isFalse();
    assertThat(Constraint.parse("total_return", ">", 0.09).test(ONE_WIN)).isTrue();
    assertThat(Constraint.parse("total_return", "<", 0.09).test(ONE_WIN)).isFalse();
    assertThat(Constraint.parse("max_drawdown", ">=", -0.2).test(ONE_WIN)).isTrue();
  }

  @Test
  void anUndefinedMetricFailsAndAnInfiniteOneComparesAsANumber() {
    assertThat(Constraint.parse("sqn", ">", 0).test(ONE_WIN)).isFalse();
    assertThat(Constraint.parse("sqn", "<", 0).test(ONE_WIN)).isFalse();
    assertThat(Constraint.parse("profit_factor", ">=", 1.5).test(ONE_WIN)).isTrue();
    assertThat(Constraint.parse("profit_factor", "<", 1e300).test(ONE_WIN)).isFalse();
  }

  @Test
  void parsesComparisonSymbolsAndMetricNamesInAnyCase() {
    assertThat(Constraint.parse(" Sharpe_Ratio ", " >= ", 1))
        .isEqualTo(new Constraint("sharpe_ratio", Comparison.GE, 1));
    assertThat(Comparison.parse(">")).isEqualTo(Comparison.GT);
    assertThat(Comparison.parse("<")).isEqualTo(Comparison.LT);
    assertThat(Comparison.parse("<=")).isEqualTo(Comparison.LE);
    assertThat(new Constraint("max_drawdown", Comparison.GE, -0.2))
        .hasToString("max_drawdown >= -0.2");
  }

  @Test
  void rejectsUnknownMetricsAndComparisons() {
    assertThatThrownBy(() -> Constraint.parse("sharpe", ">", 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(
            "unknown metric 'sharpe'; use one of start, end, duration, duration_days,")
        .hasMessageContaining("sharpe_ratio");
    // Series are not scalar metrics.
    assertThatThrownBy(() -> new Constraint("drawdown", Comparison.GT, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Constraint.parse("sqn", "=>", 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown comparison '=>'; use >, >=, < or <=");
    assertThatThrownBy(() -> Constraint.parse("sqn", ">", Double.NaN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the bound of sqn must be a finite number, got NaN");
  }

  @Test
  void knowsExactlyTheMetricsOfTheJsonView() {
    assertThat(PerformanceMetrics.scalarNames())
        .containsExactlyElementsOf(ONE_WIN.toMap().keySet());
    for (String name : PerformanceMetrics.scalarNames()) {
      Object json = ONE_WIN.toMap().get(name);
      double raw = ONE_WIN.scalar(name);
      if (json == null) {
        assertThat(Double.isFinite(raw)).as(name).isFalse(); // JSON's null for NaN and infinities
      } else {
        assertThat(raw).as(name).isEqualTo(((Number) json).doubleValue());
      }
    }
  }

  @Test
  void dropsOnlyTheSeriesWhenKeepingScalars() {
    PerformanceMetrics scalars = ONE_WIN.withoutSeries();

    assertThat(scalars.toMap()).isEqualTo(ONE_WIN.toMap());
    assertThat(scalars.drawdown()).isEmpty();
    assertThat(scalars.buyAndHoldEquity()).isEmpty();
    assertThat(scalars.monthlyReturns()).isEmpty();
    assertThat(scalars.yearlyReturns()).isEmpty();
    assertThat(ONE_WIN.drawdown()).hasSize(3);
  }
}
