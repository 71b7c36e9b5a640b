package com.tradingbacktest.engine.portfolio;

import static com.tradingbacktest.engine.portfolio.Krx.at;
import static com.tradingbacktest.engine.portfolio.Krx.flat;
import static com.tradingbacktest.engine.portfolio.Krx.row;
import static org.assertj.core.api.Assertions.assertThat;

import com.tradingbacktest.engine.Backtest;
import com.tradingbacktest.engine.market.Board;
import com.tradingbacktest.engine.market.MarketRules;
import com.tradingbacktest.engine.series.BarSeries;
import com.tradingbacktest.engine.series.Interval;
import com.tradingbacktest.engine.sim.BacktestConfig;
import com.tradingbacktest.engine.sim.CostModel;
import com.tradingbacktest.engine.sim.ExitReason;
import com.tradingbacktest.engine.sim.Fill;
import com.tradingbacktest.engine.sim.FillNote;
import com.tradingbacktest.engine.sim.Signals;
import com.tradingbacktest.engine.sim.Trade;
import org.junit.jupiter.api.Test;

/**
 * KRX execution worked by hand (docs/ENGINE.md, "KRX rules"): limit-locked days, tick rounding of
 * order prices and tick slippage by the dated table.
 */
class KrxExecutionTests {

  private static final BacktestConfig KOSPI =
      BacktestConfig.builder()
          .initialCapital(1_000_000)
          .marketRules(MarketRules.krx(Board.KOSPI))
          .build();

  @Test
  void aBuyOnADayLockedAtTheUpperLimitFillsAtTheNextDayThatTrades() {
    // 2024: 10,000 -> upper limit 13,000. Bar 2 is locked there all day; bar 3 trades.
    BarSeries bars =
        Krx.daily(
            "2024-03-04",
            flat(10_000),
            flat(10_000),
            flat(13_000),
            row(13_500, 14_000, 13_200, 13_800),
            flat(13_800));
    Signals signals = Signals.builder(5).longEntry(at(5, 1)).build();

    Fill fill = Backtest.run(bars, signals, KOSPI).simulation().fills().get(0);

    assertThat(fill.barIndex()).isEqualTo(3);
    assertThat(fill.price()).isEqualTo(13_500);
    assertThat(fill.note()).isEqualTo(FillNote.LIMIT_LOCKED);
  }

  @Test
  void aSellOnADayLockedAtTheLowerLimitFillsAtTheNextDayThatTrades() {
    // Long from bar 1 at 10,000; the exit signal at bar 1 meets bar 2 locked at 7,000.
    BarSeries bars =
        Krx.daily(
            "2024-03-04",
            flat(10_000),
            flat(10_000),
            flat(7_000),
            row(6_500, 6_800, 6_000, 6_200),
            flat(6_200));
    Signals signals = Signals.builder(5).longEntry(at(5, 0)).longExit(at(5, 1)).build();

    Trade trade = Backtest.run(bars, signals, KOSPI).simulation().trades().get(0);

    assertThat(trade.exitIndex()).isEqualTo(3);
    assertThat(trade.exitPrice()).isEqualTo(6_500);
    Fill exit = Backtest.run(bars, signals, KOSPI).simulation().fills().get(1);
    assertThat(exit.note()).isEqualTo(FillNote.LIMIT_LOCKED);
  }

  @Test
  void aReversalWaitsWholeAtALockedDayAndTheRunNotesIt() {
    // Long from bar 1; the short signal at bar 1 reverses at bar 2's open, locked at the lower
    // limit 7,000: the sale and the short sale both wait for bar 3's open (6,500).
    BarSeries bars =
        Krx.daily(
            "2024-03-04",
            flat(10_000),
            flat(10_000),
            flat(7_000),
            row(6_500, 6_800, 6_000, 6_200),
            flat(6_200));
    Signals signals = Signals.builder(5).longEntry(at(5, 0)).shortEntry(at(5, 1)).build();
    PortfolioLeg leg =
        new PortfolioLeg(
                "005930",
                bars,
                "KRW",
                CostModel.none(),
                1,
                signals,
                null,
                com.tradingbacktest.engine.sim.Funding.none(),
                MarketRules.none())
            .withMarketRules(MarketRules.krx(Board.KOSPI));
    PortfolioConfig config =
        PortfolioBacktest.configOf(KOSPI.toBuilder().allowShort(true).build(), Rebalance.MONTHLY);

    PortfolioResult result = PortfolioBacktest.run(java.util.List.of(leg), config);

    Trade trade = result.trades().get(0).trade();
    assertThat(trade.exitIndex()).isEqualTo(3);
    assertThat(trade.exitPrice()).isEqualTo(6_500);
    assertThat(trade.exitReason()).isEqualTo(ExitReason.REVERSAL);
    assertThat(result.fills())
        .extracting(f -> f.fill().barIndex(), f -> f.fill().buy(), PortfolioFill::note)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(1, true, null),
            org.assertj.core.groups.Tuple.tuple(3, false, FillNote.LIMIT_LOCKED),
            org.assertj.core.groups.Tuple.tuple(3, false, FillNote.LIMIT_LOCKED));
    assertThat(result.notes())
        .singleElement()
        .satisfies(
            note -> {
              assertThat(note.kind()).isEqualTo(PortfolioNote.Kind.LIMIT_LOCKED);
              assertThat(note.kind().code()).isEqualTo("limit_locked");
              assertThat(note.message())
                  .isEqualTo(
                      "2024-03-06: 005930 was locked at its lower price limit (7000) all day; its"
                          + " sell waits for the next bar that trades");
            });
  }

  @Test
  void anAddedLotWaitsForTheDayAfterAnUpperLock() {
    // Pyramiding 2, 30% of the equity per entry: 30 shares at bar 1's 10,000; the second entry
    // signal at bar 2 meets bar 3 locked at 13,000 and buys at bar 4's open of 13,500:
    // 0.3 x (700,000 + 30 x 13,500) / 13,500 = 24.5, so 24 shares.
    BarSeries bars =
        Krx.daily(
            "2024-03-04",
            flat(10_000),
            flat(10_000),
            flat(10_000),
            flat(13_000),
            row(13_500, 14_000, 13_200, 13_800));
    Signals signals = Signals.builder(5).longEntry(at(5, 0, 2)).build();
    BacktestConfig config =
        KOSPI.toBuilder()
            .pyramiding(2)
            .sizing(new com.tradingbacktest.engine.sim.SizingModel.FractionOfEquity(0.3))
            .build();

    java.util.List<Fill> fills = Backtest.run(bars, signals, config).simulation().fills();

    assertThat(fills).extracting(Fill::barIndex).containsExactly(1, 4);
    assertThat(fills.get(1).quantity()).isEqualTo(24);
    assertThat(fills.get(1).price()).isEqualTo(13_500);
    assertThat(fills.get(1).note()).isEqualTo(FillNote.LIMIT_LOCKED);
  }

  @Test
  void aLockedDayRefusesOnlyTheSideThatCannotTrade() {
    // A sell at a day locked at the upper limit fills: buyers queue there, sellers are filled.
    BarSeries bars =
        Krx.daily(
            "2024-03-04", flat(10_000), flat(10_000), flat(13_000), flat(13_000), flat(13_000));
    Signals signals = Signals.builder(5).longEntry(at(5, 0)).longExit(at(5, 1)).build();

    Trade trade = Backtest.run(bars, signals, KOSPI).simulation().trades().get(0);

    assertThat(trade.exitIndex()).isEqualTo(2);
    assertThat(trade.exitPrice()).isEqualTo(13_000);
  }

  @Test
  void aFlatDayBelowTheLimitOrWithLimitsOffOrIntradayFillsAsUsual() {
    // 11,000 after 10,000 is 10% up: flat but not at the limit.
    BarSeries notAtLimit =
        Krx.daily("2024-03-04", flat(10_000), flat(10_000), flat(11_000), flat(11_000));
    Signals signals = Signals.builder(4).longEntry(at(4, 1)).build();
    assertThat(Backtest.run(notAtLimit, signals, KOSPI).simulation().fills().get(0).barIndex())
        .isEqualTo(2);

    BarSeries locked =
        Krx.daily("2024-03-04", flat(10_000), flat(10_000), flat(13_000), flat(13_000));
    BacktestConfig limitsOff =
        KOSPI.toBuilder().marketRules(MarketRules.krx(Board.KOSPI).withPriceLimits(false)).build();
    assertThat(Backtest.run(locked, signals, limitsOff).simulation().fills().get(0).barIndex())
        .isEqualTo(2);

    // Hourly bars cannot know the day's base price: the rule is skipped.
    BarSeries hourly =
        Krx.bars("2024-03-04", Interval.H1, flat(10_000), flat(10_000), flat(13_000), flat(13_000));
    assertThat(Backtest.run(hourly, signals, KOSPI).simulation().fills().get(0).barIndex())
        .isEqualTo(2);
  }

  @Test
  void theLimitIsFifteenPercentUntilTheTwelfthOfJune2015AndThirtyFromTheFifteenth() {
    Signals signals = Signals.builder(3).longEntry(at(3, 0)).build();
    // Friday 2015-06-12: 11,500 after 10,000 is the +15% limit: locked, the buy waits.
    BarSeries narrow =
        Krx.daily("2015-06-11", flat(10_000), flat(11_500), row(11_600, 11_700, 11_500, 11_600));
    assertThat(Backtest.run(narrow, signals, KOSPI).simulation().fills().get(0).barIndex())
        .isEqualTo(2);
    // Monday 2015-06-15 (bars a calendar day apart from the Sunday): the limit is 13,000 now.
    BarSeries wide =
        Krx.daily("2015-06-14", flat(10_000), flat(11_500), row(11_600, 11_700, 11_500, 11_600));
    assertThat(Backtest.run(wide, signals, KOSPI).simulation().fills().get(0).barIndex())
        .isEqualTo(1);
  }

  @Test
  void aBuyLimitIsRoundedDownToAValidPrice() {
    // 2024, 10,023 lies in the 10-won band: the order is 10,020. Bar 2's low of 10,021 does not
    // reach it (unrounded it would fill); bar 3's low does and the fill is at 10,020.
    BarSeries bars =
        Krx.daily(
            "2024-03-04",
            flat(10_100),
            flat(10_100),
            row(10_100, 10_200, 10_021, 10_100),
            row(10_100, 10_200, 10_000, 10_100));
    double[] limit = {Double.NaN, Double.NaN, 10_023, 10_023};
    Signals signals = Signals.builder(4).longEntryLimit(limit).build();

    Fill fill = Backtest.run(bars, signals, KOSPI).simulation().fills().get(0);

    assertThat(fill.barIndex()).isEqualTo(3);
    assertThat(fill.price()).isEqualTo(10_020);
  }

  @Test
  void aLongsStopLossIsRoundedDownAndItsTakeProfitUp() {
    // Entry 10,000 at bar 1; stop 3.33% = 9,667 -> 9,660 (tick 10): bar 2's low of 9,665 does not
    // reach it; bar 3 opens at 9,700 and falls to 9,600: the stop fills at 9,660.
    BarSeries bars =
        Krx.daily(
            "2024-03-04",
            flat(10_000),
            flat(10_000),
            row(10_000, 10_050, 9_665, 10_000),
            row(9_700, 9_700, 9_600, 9_650),
            flat(9_650));
    Signals stopped = Signals.builder(5).longEntry(at(5, 0)).stopLoss(0.0333).build();
    Trade trade = Backtest.run(bars, stopped, KOSPI).simulation().trades().get(0);
    assertThat(trade.exitIndex()).isEqualTo(3);
    assertThat(trade.exitPrice()).isEqualTo(9_660);
    assertThat(trade.exitReason()).isEqualTo(ExitReason.STOP_LOSS);

    // Take profit 2.05% = 10,205 -> 10,210: bar 2's high of 10,205 does not reach it, bar 3's does.
    BarSeries up =
        Krx.daily(
            "2024-03-04",
            flat(10_000),
            flat(10_000),
            row(10_000, 10_205, 9_900, 10_000),
            row(10_100, 10_300, 10_050, 10_200),
            flat(10_200));
    Signals target = Signals.builder(5).longEntry(at(5, 0)).takeProfit(0.0205).build();
    Trade win = Backtest.run(up, target, KOSPI).simulation().trades().get(0);
    assertThat(win.exitIndex()).isEqualTo(3);
    assertThat(win.exitPrice()).isEqualTo(10_210);
    assertThat(win.exitReason()).isEqualTo(ExitReason.TAKE_PROFIT);
  }

  @Test
  void tickSlippageUsesTheTickOfThePricesBandInTheTableOfTheDay() {
    // One tick of slippage (the cost model's fixed tick of 1 is replaced by the table's).
    BacktestConfig slipped = KOSPI.toBuilder().costs(new CostModel(0, 0, 0, 0, 0, 1, 1)).build();
    Signals signals = Signals.builder(3).longEntry(at(3, 0)).build();
    // 15,000 KOSPI: tick 50 until 2023-01-24, 10 from 2023-01-25.
    BarSeries before = Krx.daily("2023-01-22", flat(15_000), flat(15_000), flat(15_000));
    BarSeries after = Krx.daily("2023-01-24", flat(15_000), flat(15_000), flat(15_000));
    assertThat(Backtest.run(before, signals, slipped).simulation().fills().get(0).price())
        .isEqualTo(15_050);
    assertThat(Backtest.run(after, signals, slipped).simulation().fills().get(0).price())
        .isEqualTo(15_010);
    // Without KRX rules, the fixed tick of 1.
    BacktestConfig plain = slipped.toBuilder().marketRules(MarketRules.none()).build();
    assertThat(Backtest.run(after, signals, plain).simulation().fills().get(0).price())
        .isEqualTo(15_001);
  }
}
