package com.tradingbacktest.engine.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.tradingbacktest.engine.series.BarSeries;
import com.tradingbacktest.engine.series.MarketCalendar;
import com.tradingbacktest.engine.sim.CostModel;
import com.tradingbacktest.engine.sim.ExitReason;
import com.tradingbacktest.engine.sim.Fill;
import com.tradingbacktest.engine.sim.FillMode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Worked examples of the rebalancer, each computed by hand in the comments: decisions at the close
 * of the first bar of each month (and of the very first bar), fills at the next open, sizing equity
 * = cash + every position at the fill bar's open, target = floor(weight x equity / open), sells
 * first.
 */
class RebalancerTests {

  static final String[] DATES = {
    "2024-01-30", "2024-01-31", "2024-02-01", "2024-02-02", "2024-03-01"
  };
  static final double[][] A = {{100, 100}, {110, 120}, {120, 125}, {130, 130}, {140, 150}};
  static final double[][] B = {{50, 50}, {40, 45}, {45, 40}, {40, 44}, {44, 50}};

  static BarSeries a() {
    return Daily.bars("A", MarketCalendar.STOCK, DATES, A);
  }

  static BarSeries b() {
    return Daily.bars("B", MarketCalendar.STOCK, DATES, B);
  }

  static PortfolioLeg leg(BarSeries bars, CostModel costs, double step, double weight) {
    return PortfolioLeg.withWeights(bars, "KRW", costs, step, Daily.weights(bars.size(), weight));
  }

  static PortfolioConfig config() {
    return PortfolioConfig.builder().initialCapital(10_000).build();
  }

  @Test
  void equalWeightMonthlyInWholeUnits() {
    PortfolioResult r =
        PortfolioBacktest.run(
            List.of(leg(a(), CostModel.none(), 1, 0.5), leg(b(), CostModel.none(), 1, 0.5)),
            config());

    // 01-30 close: decide. 01-31 open: equity 10,000; A floor(5,000 / 110) = 45 (4,950),
    // B floor(5,000 / 40) = 125 (5,000); cash 50. Close: 45 x 120 + 125 x 45 + 50 = 11,075.
    // 02-01 close: 45 x 125 + 125 x 40 + 50 = 10,675, and a decision (first bar of February).
    // 02-02 open: equity 50 + 45 x 130 + 125 x 40 = 10,900; A floor(5,450 / 130) = 41 (sell 4 at
    // 130: cash 570), B floor(5,450 / 40) = 136 (buy 11 at 40: cash 130).
    // Close: 41 x 130 + 136 x 44 + 130 = 11,444. 03-01 decides, but has no next bar to fill:
    // 41 x 150 + 136 x 50 + 130 = 13,080.
    assertThat(r.equity()).containsExactly(10_000, 11_075, 10_675, 11_444, 13_080);
    assertThat(r.cash()).containsExactly(10_000, 50, 50, 130, 130);
    assertThat(r.quantity()[0]).containsExactly(0, 45, 45, 41, 41);
    assertThat(r.quantity()[1]).containsExactly(0, 125, 125, 136, 136);
    assertThat(r.value()[0]).containsExactly(0, 5_400, 5_625, 5_330, 6_150);
    assertThat(r.value()[1]).containsExactly(0, 5_625, 5_000, 5_984, 6_800);
    assertThat(r.fills())
        .extracting(f -> f.symbol() + (f.fill().buy() ? " buy " : " sell ") + f.fill().quantity())
        .containsExactly("A buy 45.0", "B buy 125.0", "A sell 4.0", "B buy 11.0");
    assertThat(r.fills().get(2).fill().time()).isEqualTo(Daily.time("2024-02-02"));
    assertThat(r.fills().get(2).fill().price()).isEqualTo(130);

    // The 4 A sold are a round trip at the entry price: (130 - 110) x 4.
    assertThat(r.trades()).hasSize(1);
    assertThat(r.trades().get(0).trade().pnl()).isEqualTo(80);
    assertThat(r.trades().get(0).trade().exitReason()).isEqualTo(ExitReason.REBALANCE);
    // Contributions: A -4,950 + 520 + 41 x 150 = 1,720; B -5,000 - 440 + 136 x 50 = 1,360.
    assertThat(r.contribution()).containsExactly(1_720, 1_360);
    assertThat(r.contribution()[0] + r.contribution()[1]).isEqualTo(r.finalEquity() - 10_000);
    assertThat(r.notes()).isEmpty();
    // Turnover: traded 4,950 + 5,000 + 520 + 440 = 10,910 over a mean equity of 11,254.8.
    assertThat(r.tradedValue()).isEqualTo(10_910);
    assertThat(r.turnover()).isCloseTo(10_910 / 11_254.8, within(1e-12));
    assertThat(r.metrics().finalEquity()).isEqualTo(13_080);
    // Buy and hold: half in each at the first close; A ends at 1.5, B at 1.0 of its first close.
    assertThat(r.metrics().buyAndHoldReturn()).isCloseTo(0.25, within(1e-12));
  }

  @Test
  void equalWeightMonthlyInFractionalUnitsMatchesTheFormula() {
    PortfolioResult r =
        PortfolioBacktest.run(
            List.of(leg(a(), CostModel.none(), 1e-9, 0.5), leg(b(), CostModel.none(), 1e-9, 0.5)),
            config());

    double a1 = 5_000 / 110.0;
    double b1 = 5_000 / 40.0;
    double equityAtFebOpen = a1 * 130 + b1 * 40;
    double a2 = equityAtFebOpen / 2 / 130;
    double b2 = equityAtFebOpen / 2 / 40;
    double expected = a2 * 150 + b2 * 50;
    assertThat(r.finalEquity()).isCloseTo(expected, within(expected * 1e-9));
    assertThat(r.quantity()[0][1]).isCloseTo(a1, within(1e-8));
    assertThat(r.quantity()[1][3]).isCloseTo(b2, within(1e-8));
    assertThat(r.cash()[4]).isBetween(-1e-6, 1e-6);
    assertThat(r.notes()).isEmpty();
  }

  @Test
  void buysThatCostMoreThanTheCashAreScaledDownWithANote() {
    CostModel onePercent = CostModel.ofCommissionRate(0.01);
    PortfolioResult r =
        PortfolioBacktest.run(
            List.of(leg(a(), onePercent, 1, 0.5), leg(b(), onePercent, 1, 0.5)), config());

    // 01-31 open: targets 45 A and 125 B cost (4,950 + 5,000) x 1.01 = 10,049.5 > 10,000: scaled
    // by 10,000 / 10,049.5: A floor(44.78) = 44 (4,840 + 48.4), B floor(124.38) = 124 (4,960 +
    // 49.6); cash 10,000 - 9,898 = 102.
    assertThat(r.quantity()[0][1]).isEqualTo(44);
    assertThat(r.quantity()[1][1]).isEqualTo(124);
    assertThat(r.cash()[1]).isCloseTo(102, within(1e-9));
    assertThat(r.notes()).isNotEmpty();
    PortfolioNote note = r.notes().get(0);
    assertThat(note.kind()).isEqualTo(PortfolioNote.Kind.BUYS_SCALED);
    assertThat(note.time()).isEqualTo(Daily.time("2024-01-31"));
    assertThat(note.message()).contains("2024-01-31").contains("10049.50");
    for (double cash : r.cash()) {
      assertThat(cash).isNotNegative();
    }
  }

  @Test
  void weightsSummingAboveOneAreScaledToOneWithANote() {
    PortfolioResult r =
        PortfolioBacktest.run(
            List.of(leg(a(), CostModel.none(), 1, 0.8), leg(b(), CostModel.none(), 1, 0.8)),
            config());

    // 0.8 + 0.8 scaled to 0.5 + 0.5: the whole-unit example exactly.
    assertThat(r.equity()).containsExactly(10_000, 11_075, 10_675, 11_444, 13_080);
    assertThat(r.notes())
        .extracting(PortfolioNote::kind, n -> n.message().substring(0, 10))
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(PortfolioNote.Kind.WEIGHTS_SCALED, "2024-01-30"),
            org.assertj.core.groups.Tuple.tuple(PortfolioNote.Kind.WEIGHTS_SCALED, "2024-02-01"),
            org.assertj.core.groups.Tuple.tuple(PortfolioNote.Kind.WEIGHTS_SCALED, "2024-03-01"));
    assertThat(r.notes().get(0).message()).contains("1.6000");
  }

  @Test
  void noOpinionHoldsThePosition() {
    // B says nothing in February (NaN): it keeps its 125 while A is resized.
    double[] bWeights = {0.5, 0.5, Double.NaN, Double.NaN, Double.NaN};
    PortfolioResult r =
        PortfolioBacktest.run(
            List.of(
                leg(a(), CostModel.none(), 1, 0.5),
                PortfolioLeg.withWeights(b(), "KRW", CostModel.none(), 1, bWeights)),
            config());

    assertThat(r.quantity()[0]).containsExactly(0, 45, 45, 41, 41);
    assertThat(r.quantity()[1]).containsExactly(0, 125, 125, 125, 125);
  }

  @Test
  void fillingAtTheCloseSizesAtTheClose() {
    PortfolioConfig atClose = PortfolioConfig.builder().fillMode(FillMode.CLOSE).build();
    PortfolioResult r =
        PortfolioBacktest.run(
            List.of(leg(a(), CostModel.none(), 1, 0.5), leg(b(), CostModel.none(), 1, 0.5)),
            atClose);

    // 01-30 close: A floor(5,000 / 100) = 50, B floor(5,000 / 50) = 100, all at the close.
    assertThat(r.quantity()[0][0]).isEqualTo(50);
    assertThat(r.quantity()[1][0]).isEqualTo(100);
    assertThat(r.fills().get(0).fill().barIndex()).isZero();
  }

  @Test
  void quarterlyAndWeeklyDecideAtTheirPeriodsFirstBar() {
    // Quarterly: only the very first bar decides within Q1 (01-30); March is still Q1.
    PortfolioResult quarterly =
        PortfolioBacktest.run(
            List.of(leg(a(), CostModel.none(), 1, 0.5), leg(b(), CostModel.none(), 1, 0.5)),
            PortfolioConfig.builder().rebalance(Rebalance.parse("quarterly")).build());
    assertThat(quarterly.fills()).hasSize(2);

    // Weekly: 01-30 (Tue) decides; 01-31, 02-01, 02-02 are the same week; 03-01 is a new week
    // but the last bar. Same fills as quarterly.
    PortfolioResult weekly =
        PortfolioBacktest.run(
            List.of(leg(a(), CostModel.none(), 1, 0.5), leg(b(), CostModel.none(), 1, 0.5)),
            PortfolioConfig.builder().rebalance(Rebalance.parse("weekly")).build());
    assertThat(weekly.quantity()[0]).containsExactly(0, 45, 45, 45, 45);

    // Every bar: every open resizes.
    PortfolioResult everyBar =
        PortfolioBacktest.run(
            List.of(leg(a(), CostModel.none(), 1, 0.5), leg(b(), CostModel.none(), 1, 0.5)),
            PortfolioConfig.builder().rebalance(Rebalance.parse("every_bar")).build());
    // 02-01 open: equity 50 + 45 x 120 + 125 x 45 = 11,075; A floor(5,537.5 / 120) = 46.
    assertThat(everyBar.quantity()[0][2]).isEqualTo(46);
  }

  @Test
  void driftRebalancesOnlyWhenAWeightLeavesItsBand() {
    // Band 0.1: the closes put A at 5,400 / 11,075 = 0.488, 5,625 / 10,675 = 0.527, 5,850 /
    // 11,400 = 0.513 and 6,750 / 13,050 = 0.517 (B at the rest): all inside, so only the first
    // bar decides.
    PortfolioResult wide =
        PortfolioBacktest.run(
            List.of(leg(a(), CostModel.none(), 1, 0.5), leg(b(), CostModel.none(), 1, 0.5)),
            PortfolioConfig.builder().rebalance(Rebalance.parse("drift:0.1")).build());
    assertThat(wide.fills()).hasSize(2);

    // Band 0.01: 01-31's close has B at 5,625 / 11,075 = 0.508 (inside) and A at 0.4876: outside
    // by 0.0124, so 02-01's open rebalances: equity 50 + 45 x 120 + 125 x 45 = 11,075, A
    // floor(5,537.5 / 120) = 46.
    PortfolioResult tight =
        PortfolioBacktest.run(
            List.of(leg(a(), CostModel.none(), 1, 0.5), leg(b(), CostModel.none(), 1, 0.5)),
            PortfolioConfig.builder().rebalance(Rebalance.parse("drift:0.01")).build());
    assertThat(tight.quantity()[0][2]).isEqualTo(46);
  }

  @Test
  void driftComparesWithTheTargetsScaledToOne() {
    // 0.8 + 0.8 trade as 0.5 + 0.5; held at 0.488 / 0.508 after 01-31 they are inside a 0.05
    // band of 0.5 (but 0.31 from the raw 0.8): no second rebalance.
    PortfolioResult r =
        PortfolioBacktest.run(
            List.of(leg(a(), CostModel.none(), 1, 0.8), leg(b(), CostModel.none(), 1, 0.8)),
            PortfolioConfig.builder().rebalance(Rebalance.parse("drift:0.05")).build());
    assertThat(r.fills()).hasSize(2);
  }

  @Test
  void aKrxSellTaxIsChargedOnTheKrxSymbolOnly() {
    // Both symbols are sold down in February (0.5 -> 0.3), one with KRX costs, one with US costs.
    double[] weights = {0.5, 0.5, 0.3, 0.3, 0.3};
    PortfolioResult r =
        PortfolioBacktest.run(
            List.of(
                PortfolioLeg.withWeights(a(), "KRW", CostModel.krxStock(), 1, weights),
                PortfolioLeg.withWeights(b(), "KRW", CostModel.usStock(), 1, weights)),
            config());

    List<Fill> krx = r.fills().stream().filter(f -> f.leg() == 0).map(PortfolioFill::fill).toList();
    List<Fill> us = r.fills().stream().filter(f -> f.leg() == 1).map(PortfolioFill::fill).toList();
    assertThat(krx).anyMatch(f -> !f.buy());
    assertThat(us).anyMatch(f -> !f.buy());
    for (Fill f : krx) {
      assertThat(f.tax()).isEqualTo(f.buy() ? 0 : 0.0020 * f.value());
      assertThat(f.commission()).isEqualTo(0.00015 * f.value());
    }
    for (Fill f : us) {
      // No KRX sell tax here; the US preset's regulatory fees fall on sells only, so a buy pays
      // nothing.
      if (f.buy()) {
        assertThat(f.tax()).isZero();
        assertThat(f.commission()).isZero();
      } else {
        assertThat(f.tax()).isLessThan(0.0020 * f.value());
      }
    }
    double costs =
        krx.stream().mapToDouble(Fill::costs).sum() + us.stream().mapToDouble(Fill::costs).sum();
    assertThat(r.commissions()).isCloseTo(costs, within(1e-9));
  }

  @Test
  void aSymbolTwiceOrMixedIntervalsAreRefused() {
    assertThatThrownBy(
            () ->
                PortfolioBacktest.run(
                    List.of(leg(a(), CostModel.none(), 1, 0.5), leg(a(), CostModel.none(), 1, 0.5)),
                    config()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("A appears twice");
    assertThatThrownBy(() -> PortfolioBacktest.run(List.of(), config()))
        .hasMessageContaining("at least one symbol");
    assertThatThrownBy(
            () -> PortfolioLeg.withWeights(a(), "KRW", CostModel.none(), 1, Daily.weights(5, -0.1)))
        .hasMessageContaining("weights are >= 0");
    assertThatThrownBy(
            () ->
                PortfolioBacktest.run(
                    List.of(leg(a(), CostModel.none(), 1, 0.5)),
                    PortfolioConfig.builder().fx(Map.of("KRW", a())).build()))
        .hasMessageContaining("base currency itself");
  }
}
