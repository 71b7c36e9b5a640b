package com.tradingbacktest.engine.metrics;

import static com.tradingbacktest.engine.metrics.Inputs.HOUR;
import static com.tradingbacktest.engine.metrics.Inputs.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.tradingbacktest.engine.sim.ExitReason;
import com.tradingbacktest.engine.sim.Side;
import com.tradingbacktest.engine.sim.Trade;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Scale;

/**
 * Invariants over random equity curves, with bars 1 to 12 days apart so that months and years vary.
 */
class MetricsPropertyTests {

  /** An equity curve (cents, positive), its bar times, and some trades on it. */
  record Run(double[] equity, long[] times, List<Trade> trades) {
    Inputs inputs(double capital) {
      return Inputs.equity(equity).times(times).capital(capital).trades(trades);
    }
  }

  @Provide
  Arbitrary<Run> runs() {
    Arbitrary<double[]> equity =
        Arbitraries.doubles()
            .between(1, 1_000_000)
            .ofScale(2)
            .array(double[].class)
            .ofMinSize(1)
            .ofMaxSize(300);
    return equity.flatMap(
        e ->
            Combinators.combine(
                    Arbitraries.integers().between(1, 12).array(int[].class).ofSize(e.length),
                    trades(e.length))
                .as(
                    (steps, trades) -> {
                      long[] times = new long[e.length];
                      long t = T0;
                      for (int i = 0; i < e.length; i++) {
                        t += steps[i] * HOUR * 24; // up to 12 days a bar: several months per run
                        times[i] = t;
                      }
                      return new Run(e, times, trades);
                    }));
  }

  private Arbitrary<List<Trade>> trades(int bars) {
    Arbitrary<Trade> trade =
        Combinators.combine(
                Arbitraries.of(Side.class),
                Arbitraries.integers().between(0, bars - 1),
                Arbitraries.doubles().between(-500, 500).ofScale(2),
                Arbitraries.doubles().between(-0.9, 2).ofScale(4))
            .as(
                (side, entry, pnl, ret) ->
                    new Trade(
                        side,
                        1,
                        entry,
                        T0 + entry * HOUR,
                        100,
                        entry,
                        T0 + entry * HOUR,
                        100,
                        pnl,
                        ret,
                        0.5,
                        0,
                        0,
                        ExitReason.SIGNAL,
                        0,
                        0,
                        0));
    return trade.list().ofMaxSize(20);
  }

  @Property(tries = 300)
  void maxDrawdownIsTheDeepestPointOfTheSeriesWithinMinusOneAndZero(@ForAll("runs") Run run) {
    PerformanceMetrics m = run.inputs(run.equity()[0]).compute();
    double deepest = 0;
    for (double d : m.drawdown()) {
      assertThat(d).isBetween(-1.0, 0.0);
      deepest = Math.min(deepest, d);
    }
    assertThat(m.maxDrawdown()).isBetween(-1.0, 0.0).isEqualTo(deepest);
    if (m.maxDrawdown() == 0) {
      assertThat(m.maxDrawdownDurationBars()).isZero();
    } else {
      // A mean of equal troughs may round one ulp below them.
      assertThat(m.averageDrawdown()).isBetween(m.maxDrawdown() - 1e-12, 0.0);
      assertThat(m.averageDrawdownDurationBars())
          .isBetween(1.0, (double) m.maxDrawdownDurationBars());
    }
  }

  @Property(tries = 300)
  void scalingEquityCapitalAndPnlLeavesEveryRatioUnchanged(
      @ForAll("runs") Run run,
      @ForAll @DoubleRange(min = 0.001, max = 1000) @Scale(6) double k,
      @ForAll @DoubleRange(min = 0.5, max = 2) double capitalShare) {
    double capital = run.equity()[0] * capitalShare;
    PerformanceMetrics a = run.inputs(capital).compute();
    double[] scaled = run.equity().clone();
    for (int i = 0; i < scaled.length; i++) {
      scaled[i] *= k;
    }
    List<Trade> scaledTrades = new ArrayList<>();
    for (Trade t : run.trades()) {
      scaledTrades.add(
          new Trade(
              t.side(),
              t.quantity() * k,
              t.entryIndex(),
              t.entryTime(),
              t.entryPrice(),
              t.exitIndex(),
              t.exitTime(),
              t.exitPrice(),
              t.pnl() * k,
              t.returnPct(),
              t.costs() * k,
              t.mae(),
              t.mfe(),
              t.exitReason(),
              t.funding() * k,
              t.borrowCost() * k,
              0));
    }
    PerformanceMetrics b = new Run(scaled, run.times(), scaledTrades).inputs(capital * k).compute();

    List<ToDoubleFunction<PerformanceMetrics>> ratios =
        List.of(
            PerformanceMetrics::totalReturn,
            PerformanceMetrics::cagr,
            PerformanceMetrics::annualizedVolatility,
            PerformanceMetrics::sharpeRatio,
            PerformanceMetrics::sortinoRatio,
            PerformanceMetrics::calmarRatio,
            PerformanceMetrics::maxDrawdown,
            PerformanceMetrics::averageDrawdown,
            PerformanceMetrics::averageDrawdownDurationBars,
            PerformanceMetrics::exposureTime,
            PerformanceMetrics::winRate,
            PerformanceMetrics::averageTrade,
            PerformanceMetrics::profitFactor,
            PerformanceMetrics::expectancyPct,
            PerformanceMetrics::sqn,
            PerformanceMetrics::kellyCriterion,
            m -> m.maxDrawdownDurationBars());
    for (ToDoubleFunction<PerformanceMetrics> ratio : ratios) {
      assertSame(ratio.applyAsDouble(a), ratio.applyAsDouble(b));
    }
    assertThat(b.monthlyReturns()).hasSameSizeAs(a.monthlyReturns());
    for (int i = 0; i < a.monthlyReturns().size(); i++) {
      assertSame(a.monthlyReturns().get(i).value(), b.monthlyReturns().get(i).value());
    }
  }

  @Property(tries = 100)
  void flatEquityHasNoReturnNoRiskAndNoDrawdown(
      @ForAll @IntRange(min = 1, max = 500) int bars,
      @ForAll @DoubleRange(min = 1, max = 1e9) double level) {
    double[] e = new double[bars];
    Arrays.fill(e, level);
    PerformanceMetrics m = Inputs.equity(e).times(Inputs.spaced(T0, 7 * HOUR, bars)).compute();

    assertThat(m.totalReturn()).isZero();
    assertThat(m.maxDrawdown()).isZero();
    assertThat(m.drawdown()).containsOnly(0.0);
    assertThat(m.sharpeRatio()).isNaN();
    if (bars > 2) {
      assertThat(m.annualizedVolatility()).isZero();
    }
    assertThat(m.monthlyReturns()).allSatisfy(r -> assertThat(r.value()).isZero());
    assertThat(m.yearlyReturns()).allSatisfy(r -> assertThat(r.value()).isZero());
  }

  @Property(tries = 300)
  void monthlyAndYearlyReturnsCompoundToTheTotalReturn(
      @ForAll("runs") Run run, @ForAll @DoubleRange(min = 0.5, max = 2) double capitalShare) {
    PerformanceMetrics m = run.inputs(run.equity()[0] * capitalShare).compute();
    double months = 1;
    for (MonthlyReturn r : m.monthlyReturns()) {
      months *= 1 + r.value();
    }
    double years = 1;
    for (YearlyReturn r : m.yearlyReturns()) {
      years *= 1 + r.value();
    }
    assertSame(months - 1, m.totalReturn());
    assertSame(years - 1, m.totalReturn());
  }

  /** Equal within rounding (relative 1e-9), or both NaN, or the same infinity. */
  private static void assertSame(double expected, double actual) {
    if (Double.isNaN(expected)) {
      assertThat(actual).isNaN();
    } else if (Double.isInfinite(expected)) {
      assertThat(actual).isEqualTo(expected);
    } else {
      assertThat(actual).isCloseTo(expected, within(1e-9 * Math.max(1, Math.abs(expected))));
    }
  }
}
