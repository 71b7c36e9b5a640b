package com.tradingbacktest.bench;

import com.tradingbacktest.engine.Backtest;
import com.tradingbacktest.engine.BacktestResult;
import com.tradingbacktest.engine.indicator.Crosses;
import com.tradingbacktest.engine.indicator.Indicators;
import com.tradingbacktest.engine.series.BarSeries;
import com.tradingbacktest.engine.series.Interval;
import com.tradingbacktest.engine.series.MarketCalendar;
import com.tradingbacktest.engine.sim.BacktestConfig;
import com.tradingbacktest.engine.sim.CostModel;
import com.tradingbacktest.engine.sim.Signals;
import java.time.ZoneOffset;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/** Our engine's side of every benchmark: the SMA crossover, alone and as a parameter sweep. */
public final class OurEngine {

  private OurEngine() {}

  /**
   * Long only, 0.1% commission, market orders at the next open (the default FillMode), all-in. The
   * quantity step is tiny so that, like ta4j (which compounds position returns and never runs out
   * of money), every signal trades: over a million bars 0.2% of costs per round trip shrinks the
   * equity by many orders of magnitude, and whole units would stop the strategy early.
   */
  public static final BacktestConfig CONFIG =
      BacktestConfig.builder()
          .initialCapital(10_000)
          .costs(CostModel.ofCommissionRate(0.001))
          .quantityStep(1e-30)
          .build();

  /**
   * Daily bars around the clock (crypto calendar: 365 bars a year, as ta4j's Sharpe annualises by
   * time).
   */
  public static BarSeries series(MarketData d) {
    return BarSeries.of(
        "BENCH",
        Interval.D1,
        MarketCalendar.CRYPTO,
        ZoneOffset.UTC,
        d.times,
        d.open,
        d.high,
        d.low,
        d.close,
        d.volume);
  }

  /** One full backtest: both SMAs, both crosses, the simulation and all metrics. */
  public static BacktestResult smaCross(BarSeries bars, int fast, int slow) {
    double[] close = bars.close();
    return cross(bars, Indicators.sma(close, fast), Indicators.sma(close, slow));
  }

  /** The backtest of one combination whose SMAs are already computed. */
  public static BacktestResult cross(BarSeries bars, double[] fast, double[] slow) {
    Signals signals =
        Signals.builder(bars.size())
            .longEntry(Crosses.crossover(fast, slow))
            .longExit(Crosses.crossunder(fast, slow))
            .build();
    return Backtest.run(bars, signals, CONFIG);
  }

  /** The sweep's SMA lengths, computed once each and shared by every combination that uses them. */
  public static double[][] smas(BarSeries bars) {
    double[][] byLength = new double[Sweep.MAX_LENGTH + 1][];
    for (int length : Sweep.LENGTHS) {
      byLength[length] = Indicators.sma(bars.close(), length);
    }
    return byLength;
  }

  /** The sweep on one thread: returns a checksum of the results (so nothing is optimised away). */
  public static double sweepSequential(BarSeries bars) {
    double[][] sma = smas(bars);
    double sum = 0;
    for (int[] c : Sweep.COMBINATIONS) {
      sum += checksum(cross(bars, sma[c[0]], sma[c[1]]));
    }
    return sum;
  }

  /**
   * The sweep over {@code pool}'s threads: the SMAs first (in parallel too), then the combinations.
   */
  public static double sweepParallel(BarSeries bars, ForkJoinPool pool) {
    try {
      return pool.submit(
              () -> {
                double[][] sma = new double[Sweep.MAX_LENGTH + 1][];
                IntStream.of(Sweep.LENGTHS)
                    .parallel()
                    .forEach(l -> sma[l] = Indicators.sma(bars.close(), l));
                return IntStream.range(0, Sweep.COMBINATIONS.length)
                    .parallel()
                    .mapToDouble(
                        k ->
                            checksum(
                                cross(
                                    bars,
                                    sma[Sweep.COMBINATIONS[k][0]],
                                    sma[Sweep.COMBINATIONS[k][1]])))
                    .sum();
              })
          .get();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static double checksum(BacktestResult r) {
    return r.metrics().totalReturn()
        + r.metrics().maxDrawdown()
        + r.metrics().sharpeRatio()
        + r.metrics().tradeCount();
  }
}
