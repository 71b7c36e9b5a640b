package com.tradingbacktest.engine.lang;

import static com.tradingbacktest.engine.lang.Strategies.DAY;
import static com.tradingbacktest.engine.lang.Strategies.START;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.tradingbacktest.engine.portfolio.Rebalance;
import com.tradingbacktest.engine.series.BarSeries;
import com.tradingbacktest.engine.series.Interval;
import com.tradingbacktest.engine.series.MarketCalendar;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The portfolio templates: each compiles, is marked a portfolio template, and over a generated
 * universe sets the weights its comments describe.
 */
class PortfolioTemplateTests {

  private static final EvaluationLimits LIMITS = EvaluationLimits.defaults();
  private static final List<String> PORTFOLIO =
      List.of(
          "equal_weight",
          "momentum_rotation",
          "dual_momentum_rotation",
          "inverse_volatility",
          "krx_momentum");

  /**
   * Daily KRX-like bars on one calendar: symbol k's close grows by {@code drift[k]} a bar with
   * noise of {@code noise[k]} (log returns).
   */
  static List<BarSeries> universe(int bars, double[] drift, double[] noise, long seed) {
    Random r = new Random(seed);
    ZoneId seoul = ZoneId.of("Asia/Seoul");
    List<BarSeries> out = new ArrayList<>();
    for (int k = 0; k < drift.length; k++) {
      long[] t = new long[bars];
      double[] o = new double[bars];
      double[] h = new double[bars];
      double[] l = new double[bars];
      double[] c = new double[bars];
      double[] v = new double[bars];
      double price = 10_000;
      for (int i = 0; i < bars; i++) {
        t[i] = START + i * DAY;
        o[i] = price;
        price *= Math.exp(drift[k] + noise[k] * r.nextGaussian());
        c[i] = price;
        h[i] = Math.max(o[i], c[i]) * 1.001;
        l[i] = Math.min(o[i], c[i]) * 0.999;
        v[i] = 1_000_000;
      }
      out.add(
          BarSeries.of(
              String.format("%06d", k * 1_000 + 5_930),
              Interval.D1,
              MarketCalendar.STOCK,
              seoul,
              t,
              o,
              h,
              l,
              c,
              v));
    }
    return out;
  }

  @Test
  void everyPortfolioTemplateIsMarkedAndSetsWeightsThatNeverSumAboveOne() {
    double[] drift = new double[12];
    double[] noise = new double[12];
    for (int k = 0; k < drift.length; k++) {
      drift[k] = (k - 5) * 0.0004;
      noise[k] = 0.005 + 0.002 * k;
    }
    List<BarSeries> universe = universe(400, drift, noise, 7);
    for (StrategyTemplates.Template t : StrategyTemplates.all()) {
      assertThat(t.portfolio()).as(t.id()).isEqualTo(PORTFOLIO.contains(t.id()));
      if (!t.portfolio()) {
        continue;
      }
      CompiledStrategy s = Strategies.compile(t.source());
      UniverseEvaluation e = s.evaluateUniverse(universe, Map.of(), LIMITS);
      assertThat(e.rebalance()).as(t.id()).contains(Rebalance.MONTHLY);
      boolean invested = false;
      for (int i = 0; i < 400; i++) {
        double sum = 0;
        for (UniverseEvaluation.SymbolEvaluation part : e.symbols()) {
          double w = part.weight()[i];
          assertThat(Double.isNaN(w) || (w >= 0 && w <= 1)).as("%s weight %s", t.id(), w).isTrue();
          sum += Double.isNaN(w) ? 0 : w;
        }
        assertThat(sum).as("%s at bar %d", t.id(), i).isLessThanOrEqualTo(1 + 1e-12);
        invested |= sum > 0.5;
      }
      assertThat(invested).as("%s invests at some point", t.id()).isTrue();
    }
  }

  @Test
  void equalWeightGivesEverySymbolOneNth() {
    List<BarSeries> universe =
        universe(30, new double[] {0, 0.01, -0.01, 0.002}, new double[] {0.01, 0, 0, 0.02}, 1);
    UniverseEvaluation e = evaluate("equal_weight", universe, Map.of());

    for (UniverseEvaluation.SymbolEvaluation part : e.symbols()) {
      assertThat(part.weight()).containsOnly(0.25);
    }
  }

  @Test
  void momentumRotationHoldsTheTopNByTheReturnThatSkipsTheLastMonth() {
    // Ten symbols growing at 0.1% x k a bar without noise: the ranking is k descending.
    double[] drift = new double[10];
    for (int k = 0; k < 10; k++) {
      drift[k] = 0.001 * k;
    }
    List<BarSeries> universe = universe(300, drift, new double[10], 2);
    UniverseEvaluation e =
        evaluate("momentum_rotation", universe, Map.of("top_n", 3.0, "lookback", 252.0));

    // Before bar 252 there is no 12-month return: all cash.
    for (UniverseEvaluation.SymbolEvaluation part : e.symbols()) {
      assertThat(part.weight()[251]).isZero();
    }
    // From bar 252 the three fastest (k = 9, 8, 7) at a third each.
    for (int k = 0; k < 10; k++) {
      assertThat(e.symbols().get(k).weight()[299])
          .as("symbol %d", k)
          .isCloseTo(k >= 7 ? 1.0 / 3 : 0, within(1e-15));
    }
  }

  @Test
  void dualMomentumGoesToCashWhenNoReturnBeatsTheThreshold() {
    // Three symbols that all fall, then three of which two rise.
    List<BarSeries> universe =
        universe(120, new double[] {-0.002, -0.001, -0.003}, new double[3], 3);
    UniverseEvaluation falling =
        evaluate("dual_momentum_rotation", universe, Map.of("lookback", 21.0));
    List<BarSeries> mixed = universe(120, new double[] {-0.002, 0.001, 0.003}, new double[3], 3);
    UniverseEvaluation rising = evaluate("dual_momentum_rotation", mixed, Map.of("lookback", 21.0));

    for (UniverseEvaluation.SymbolEvaluation part : falling.symbols()) {
      assertThat(part.weight()).containsOnly(0);
    }
    // relative momentum: only the fastest riser is held, with all the equity
    assertThat(rising.symbols().get(2).weight()[100]).isEqualTo(1);
    assertThat(rising.symbols().get(1).weight()[100]).isZero();
  }

  @Test
  void inverseVolatilityGivesTheCalmerSymbolMoreInProportion() {
    List<BarSeries> universe = universe(200, new double[] {0, 0}, new double[] {0.01, 0.03}, 4);
    UniverseEvaluation e = evaluate("inverse_volatility", universe, Map.of("length", 60.0));

    double calm = e.symbols().get(0).weight()[150];
    double wild = e.symbols().get(1).weight()[150];
    assertThat(calm + wild).isCloseTo(1, within(1e-12));
    assertThat(calm / wild).isBetween(2.0, 4.5); // volatilities about 1% and 3%
    assertThat(e.symbols().get(0).weight()[59]).isNaN(); // warm-up: no volatility yet
  }

  @Test
  void krxMomentumHoldsOnlyStocksAboveTheirAverage() {
    // Four stocks rising at different speeds, a fifth falling: with top_n 3 the three fastest; the
    // falling one is never above its 200-day average, so it is never held.
    List<BarSeries> universe =
        universe(
            260,
            new double[] {0.001, 0.002, 0.003, 0.004, -0.004},
            new double[] {0, 0, 0, 0, 0},
            5);
    UniverseEvaluation e = evaluate("krx_momentum", universe, Map.of());

    assertThat(e.symbols().get(3).weight()[259]).isCloseTo(1.0 / 3, within(1e-15));
    assertThat(e.symbols().get(1).weight()[259]).isCloseTo(1.0 / 3, within(1e-15));
    assertThat(e.symbols().get(0).weight()[259]).isZero();
    assertThat(e.symbols().get(4).weight()).containsOnly(0);
  }

  private static UniverseEvaluation evaluate(
      String id, List<BarSeries> universe, Map<String, Double> params) {
    return Strategies.compile(StrategyTemplates.byId(id).orElseThrow().source())
        .evaluateUniverse(universe, params, LIMITS);
  }
}
