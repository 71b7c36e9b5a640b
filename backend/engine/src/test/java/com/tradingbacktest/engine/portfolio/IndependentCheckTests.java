package com.tradingbacktest.engine.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.tradingbacktest.engine.series.BarSeries;
import com.tradingbacktest.engine.sim.CostModel;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The exact semantics of {@code equal_weight} with a monthly rebalance, computed the plain
 * way, for symbols with identical calendars: decide at the first bar of each month (and the first
 * bar), fill every symbol at the next bar's open at floor(1/N x equity / open) with a tiny step, no
 * costs, equity at each close. The engine's final equity must agree to 1e-6 relative.
 */
class IndependentCheckTests {

  @Property(tries = 200)
  void equalWeightMonthlyMatchesAPlainComputation(
      @ForAll long seed,
      @ForAll @IntRange(min = 2, max = 4) int symbols,
      @ForAll @IntRange(min = 2, max = 250) int n) {
    Random random = new Random(seed);
    List<BarSeries> universe = new ArrayList<>();
    List<PortfolioLeg> legs = new ArrayList<>();
    for (int s = 0; s < symbols; s++) {
      BarSeries bars = Generated.bars(random, "S" + s, n, 1);
      universe.add(bars);
    }
    double[][] weights = TargetWeights.equalWeight(universe);
    for (int s = 0; s < symbols; s++) {
      legs.add(
          PortfolioLeg.withWeights(universe.get(s), "KRW", CostModel.none(), 1e-9, weights[s]));
    }
    PortfolioResult r =
        PortfolioBacktest.run(legs, PortfolioConfig.builder().initialCapital(1_000_000).build());

    double expected = plainEqualWeightMonthly(universe, 1_000_000);
    assertThat(r.finalEquity()).isCloseTo(expected, within(expected * 1e-6));
  }

  /** The reference: no engine code, just the rule. */
  static double plainEqualWeightMonthly(List<BarSeries> universe, double capital) {
    int n = universe.get(0).size();
    int symbols = universe.size();
    double cash = capital;
    double[] held = new double[symbols];
    boolean decided = false;
    YearMonth month = null;
    for (int i = 0; i < n; i++) {
      if (decided) {
        double equity = cash;
        for (int s = 0; s < symbols; s++) {
          equity += held[s] * universe.get(s).open()[i];
        }
        for (int s = 0; s < symbols; s++) {
          double open = universe.get(s).open()[i];
          double target = Math.floor(equity / symbols / open / 1e-9) * 1e-9;
          cash -= (target - held[s]) * open;
          held[s] = target;
        }
        decided = false;
      }
      YearMonth now =
          YearMonth.from(Instant.ofEpochMilli(universe.get(0).times()[i]).atZone(ZoneOffset.UTC));
      if (!now.equals(month)) {
        month = now;
        decided = i + 1 < n;
      }
    }
    double equity = cash;
    for (int s = 0; s < symbols; s++) {
      equity += held[s] * universe.get(s).close()[n - 1];
    }
    return equity;
  }
}
