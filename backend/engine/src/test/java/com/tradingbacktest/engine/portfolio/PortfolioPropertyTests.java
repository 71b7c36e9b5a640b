package com.tradingbacktest.engine.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.tradingbacktest.engine.market.MarketRules;
import com.tradingbacktest.engine.series.BarColumns;
import com.tradingbacktest.engine.series.BarSeries;
import com.tradingbacktest.engine.series.Interval;
import com.tradingbacktest.engine.series.MarketCalendar;
import com.tradingbacktest.engine.sim.BacktestConfig;
import com.tradingbacktest.engine.sim.CostModel;
import com.tradingbacktest.engine.sim.Fill;
import com.tradingbacktest.engine.sim.Funding;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Invariants of any portfolio: symbols on their own calendars (some skip days), driven by signals
 * or by random weights (some summing above 1), some quoted in USD in a KRW account.
 */
class PortfolioPropertyTests {

  record Case(List<PortfolioLeg> legs, PortfolioConfig config, BarSeries fx) {}

  static Case randomCase(Random random, int n, boolean allowShort) {
    int symbols = 1 + random.nextInt(4);
    BacktestConfig single = Generated.config(random);
    BarSeries fx = Generated.bars(random, "USDKRW", n * 3, 1);
    List<PortfolioLeg> legs = new ArrayList<>();
    for (int s = 0; s < symbols; s++) {
      int every = 1 + random.nextInt(3);
      BarSeries bars = Generated.bars(random, "S" + s, n, every);
      String currency = random.nextInt(3) == 0 ? "USD" : "KRW";
      CostModel costs =
          switch (random.nextInt(3)) {
            case 0 -> CostModel.none();
            case 1 -> CostModel.krxStock();
            default -> CostModel.binanceSpot();
          };
      double step = random.nextBoolean() ? 1 : 0.001;
      if (random.nextBoolean()) {
        legs.add(
            new PortfolioLeg(
                "S" + s,
                bars,
                currency,
                costs,
                step,
                Generated.signals(random, n),
                null,
                Funding.none(),
                MarketRules.none()));
      } else {
        double[] weights = new double[n];
        for (int i = 0; i < n; i++) {
          weights[i] = random.nextInt(5) == 0 ? Double.NaN : random.nextDouble() * 0.7;
        }
        legs.add(
            new PortfolioLeg(
                "S" + s,
                bars,
                currency,
                costs,
                step,
                null,
                weights,
                Funding.none(),
                MarketRules.none()));
      }
    }
    Rebalance rebalance =
        Rebalance.parse(
            List.of("every_bar", "weekly", "monthly", "quarterly", "drift:0.05")
                .get(random.nextInt(5)));
    PortfolioConfig config =
        PortfolioBacktest.configOf(single.toBuilder().allowShort(allowShort).build(), rebalance);
    config =
        PortfolioConfig.builder()
            .initialCapital(config.initialCapital())
            .fillMode(config.fillMode())
            .sizing(config.sizing())
            .allowShort(allowShort)
            .closeAtEnd(config.closeAtEnd())
            .rebalance(rebalance)
            .baseCurrency("KRW")
            .fx(Map.of("USD", rescaled(fx, 1000)))
            .build();
    return new Case(legs, config, config.fx().get("USD"));
  }

  /** The series with every price times {@code factor} (an exchange rate around 1,000s). */
  private static BarSeries rescaled(BarSeries bars, double factor) {
    BarColumns columns = new BarColumns(bars.size());
    for (int i = 0; i < bars.size(); i++) {
      columns.bar(
          i,
          bars.times()[i],
          bars.open()[i] * factor,
          bars.high()[i] * factor,
          bars.low()[i] * factor,
          bars.close()[i] * factor,
          0);
    }
    return columns.build(bars.symbol(), Interval.D1, MarketCalendar.CRYPTO, ZoneOffset.UTC);
  }

  @Property(tries = 300)
  void equityIsCashPlusEveryPositionAtItsLastCloseOnEveryBar(
      @ForAll long seed, @ForAll @IntRange(min = 2, max = 60) int n) {
    Random random = new Random(seed);
    Case c = randomCase(random, n, random.nextBoolean());
    PortfolioResult r = PortfolioBacktest.run(c.legs(), c.config());

    double capital = c.config().initialCapital();
    double cash = capital;
    int f = 0;
    List<PortfolioFill> fills = r.fills();
    for (int k = 0; k < r.times().length; k++) {
      long t = r.times()[k];
      while (f < fills.size() && fills.get(f).fill().time() <= t) {
        PortfolioFill pf = fills.get(f++);
        Fill fill = pf.fill();
        double flow = fill.buy() ? -(fill.value() + fill.costs()) : fill.value() - fill.costs();
        cash += flow * pf.fxRate();
      }
      double positions = 0;
      for (int l = 0; l < c.legs().size(); l++) {
        PortfolioLeg leg = c.legs().get(l);
        double q = r.quantity()[l][k];
        if (q != 0) {
          double fx = leg.currency().equals("USD") ? lastClose(c.fx(), t) : 1;
          positions += q * lastClose(leg.bars(), t) * fx;
        }
        double value =
            q == 0
                ? 0
                : q
                    * lastClose(leg.bars(), t)
                    * (leg.currency().equals("USD") ? lastClose(c.fx(), t) : 1);
        assertThat(r.value()[l][k]).isCloseTo(value, within(1e-9 * Math.max(1, Math.abs(value))));
      }
      double tolerance = 1e-7 * Math.max(capital, Math.abs(r.equity()[k]));
      assertThat(r.cash()[k]).isCloseTo(cash, within(tolerance));
      assertThat(r.equity()[k]).isCloseTo(cash + positions, within(tolerance));
    }
    assertThat(f).isEqualTo(fills.size());
    double contributions = 0;
    for (double x : r.contribution()) {
      contributions += x;
    }
    assertThat(contributions)
        .isCloseTo(r.finalEquity() - capital, within(1e-7 * Math.max(capital, r.finalEquity())));
  }

  @Property(tries = 300)
  void withoutShortsCashNeverGoesNegativeAndWeightsSumToAtMostOne(
      @ForAll long seed, @ForAll @IntRange(min = 2, max = 60) int n) {
    Random random = new Random(seed);
    Case c = randomCase(random, n, false);
    PortfolioResult r = PortfolioBacktest.run(c.legs(), c.config());

    for (int k = 0; k < r.times().length; k++) {
      double equity = r.equity()[k];
      assertThat(r.cash()[k]).isGreaterThanOrEqualTo(-1e-9 * equity);
      double held = 0;
      for (int l = 0; l < c.legs().size(); l++) {
        assertThat(r.quantity()[l][k]).isNotNegative();
        held +=
            r.quantity()[l][k]
                * lastClose(c.legs().get(l).bars(), r.times()[k])
                * (c.legs().get(l).currency().equals("USD") ? lastClose(c.fx(), r.times()[k]) : 1);
      }
      // The held weights are the positions over the equity: at most 1 with no cash borrowed.
      assertThat(held / equity).isLessThanOrEqualTo(1 + 1e-9);
    }
  }

  @Property(tries = 200)
  void weightDrivenSymbolsNeverFillBeforeADecisionsNextOpen(
      @ForAll long seed, @ForAll @IntRange(min = 2, max = 60) int n) {
    // Legs driven by weights only trade on a bar right after a decision (next open), so no fill
    // of a weight-driven leg is on its first bar.
    Random random = new Random(seed);
    Case c = randomCase(random, n, false);
    PortfolioResult r = PortfolioBacktest.run(c.legs(), c.config());
    for (PortfolioFill f : r.fills()) {
      PortfolioLeg leg = c.legs().get(f.leg());
      if (leg.targetWeight() != null
          && c.config().fillMode() == com.tradingbacktest.engine.sim.FillMode.NEXT_OPEN) {
        assertThat(f.fill().barIndex()).isPositive();
      }
      assertThat(f.fill().quantity()).isPositive();
    }
  }

  private static double lastClose(BarSeries bars, long t) {
    int i = java.util.Arrays.binarySearch(bars.times(), t);
    if (i < 0) {
      i = -i - 2;
    }
    return bars.close()[i];
  }
}
