package com.tradingbacktest.bench;

import com.tradingbacktest.engine.portfolio.PortfolioBacktest;
import com.tradingbacktest.engine.portfolio.PortfolioConfig;
import com.tradingbacktest.engine.portfolio.PortfolioLeg;
import com.tradingbacktest.engine.portfolio.PortfolioResult;
import com.tradingbacktest.engine.portfolio.Rebalance;
import com.tradingbacktest.engine.portfolio.TargetWeights;
import com.tradingbacktest.engine.series.BarSeries;
import com.tradingbacktest.engine.series.Interval;
import com.tradingbacktest.engine.series.MarketCalendar;
import com.tradingbacktest.engine.sim.CostModel;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * (issue 17) A portfolio of {@code symbols} generated stocks x 10 years of weekday daily bars
 * (2,520 each, one calendar): 12-1 month momentum, top 20, rebalanced monthly with KRX costs. One
 * op = the momentum weights of every symbol + the portfolio run with its metrics. The bars are
 * built (and validated) once, outside the op.
 */
public class PortfolioBench extends AveragedBench {

  static final int BARS = 2_520;

  @Param({"500"})
  public int symbols;

  List<BarSeries> universe;

  @Setup
  public void build() {
    universe = universe(symbols, BARS);
  }

  @Benchmark
  public PortfolioResult momentumTop20Monthly() {
    return momentum(universe);
  }

  static PortfolioResult momentum(List<BarSeries> universe) {
    double[][] weights = TargetWeights.momentumRotation(universe, 20, 12, 1);
    List<PortfolioLeg> legs = new ArrayList<>(universe.size());
    for (int s = 0; s < universe.size(); s++) {
      legs.add(
          PortfolioLeg.withWeights(universe.get(s), "KRW", CostModel.krxStock(), 1, weights[s]));
    }
    return PortfolioBacktest.run(
        legs,
        PortfolioConfig.builder().initialCapital(100_000_000).rebalance(Rebalance.MONTHLY).build());
  }

  /**
   * {@code count} random walks of {@code bars} weekday bars from 2015-01-01, each with its own
   * drift (-10% to +20% a year) and 1-3% daily volatility, from a fixed seed.
   */
  static List<BarSeries> universe(int count, int bars) {
    SplittableRandom random = new SplittableRandom(MarketData.SEED);
    long[] times = new long[bars];
    long t = Instant.parse("2015-01-01T00:00:00Z").toEpochMilli();
    for (int i = 0; i < bars; i++) {
      while (isWeekend(t)) {
        t += MarketData.DAY;
      }
      times[i] = t;
      t += MarketData.DAY;
    }
    List<BarSeries> universe = new ArrayList<>(count);
    for (int s = 0; s < count; s++) {
      double drift = (random.nextDouble() * 0.3 - 0.1) / 252;
      double vol = 0.01 + random.nextDouble() * 0.02;
      double[] open = new double[bars];
      double[] high = new double[bars];
      double[] low = new double[bars];
      double[] close = new double[bars];
      double[] volume = new double[bars];
      double price = 10_000 + random.nextInt(90_000);
      for (int i = 0; i < bars; i++) {
        double o = price * (1 + (random.nextDouble() - 0.5) * vol * 0.5);
        double c = o * Math.exp(drift + vol * gaussian(random));
        open[i] = o;
        close[i] = c;
        high[i] = Math.max(o, c) * (1 + random.nextDouble() * vol);
        low[i] = Math.min(o, c) * (1 - random.nextDouble() * vol);
        volume[i] = 1_000;
        price = c;
      }
      universe.add(
          BarSeries.of(
              String.format("S%03d", s),
              Interval.D1,
              MarketCalendar.STOCK,
              ZoneOffset.UTC,
              times,
              open,
              high,
              low,
              close,
              volume));
    }
    return universe;
  }

  private static boolean isWeekend(long t) {
    DayOfWeek day = Instant.ofEpochMilli(t).atZone(ZoneOffset.UTC).getDayOfWeek();
    return day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
  }

  private static double gaussian(SplittableRandom random) {
    // Box-Muller: SplittableRandom has no nextGaussian on Java 17.
    double u = 1 - random.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
  }

  /** Times one run outside JMH: {@code java -cp benchmarks.jar ...PortfolioBench}. */
  public static void main(String[] args) {
    List<BarSeries> universe = universe(500, BARS);
    for (int round = 0; round < 15; round++) {
      long start = System.nanoTime();
      PortfolioResult r = momentum(universe);
      System.out.printf(
          "run %d: %.1f ms, final equity %.0f, %d fills%n",
          round, (System.nanoTime() - start) / 1e6, r.finalEquity(), r.fills().size());
    }
  }
}
