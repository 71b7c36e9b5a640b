package com.tradingbacktest.engine.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.tradingbacktest.engine.Backtest;
import com.tradingbacktest.engine.BacktestResult;
import com.tradingbacktest.engine.series.BarColumns;
import com.tradingbacktest.engine.series.BarSeries;
import com.tradingbacktest.engine.series.Interval;
import com.tradingbacktest.engine.series.MarketCalendar;
import com.tradingbacktest.engine.sim.BacktestConfig;
import com.tradingbacktest.engine.sim.CostModel;
import com.tradingbacktest.engine.sim.ExitReason;
import com.tradingbacktest.engine.sim.Fill;
import com.tradingbacktest.engine.sim.Funding;
import com.tradingbacktest.engine.sim.Liquidation;
import com.tradingbacktest.engine.sim.Margin;
import com.tradingbacktest.engine.sim.Signals;
import com.tradingbacktest.engine.sim.Simulation;
import com.tradingbacktest.engine.sim.SizingModel;
import com.tradingbacktest.engine.sim.Trade;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The account of docs/ENGINE.md, "Margin, borrowing and funding", on hand-computed examples: each
 * figure is derived in a comment. Single-symbol runs with account settings go through {@code
 * Backtest.run}, which runs them as a one-symbol portfolio.
 */
class MarginAccountTests {

  private static final long HOUR = 3_600_000L;

  /** Bars at UTC midnight of {@code dates}, rows of {open, high, low, close}. */
  private static BarSeries bars(String symbol, String[] dates, double[]... rows) {
    BarColumns bars = new BarColumns(rows.length);
    for (int i = 0; i < rows.length; i++) {
      double[] r = rows[i];
      bars.bar(i, Daily.time(dates[i]), r[0], r[1], r[2], r[3], 1000);
    }
    return bars.build(symbol, Interval.D1, MarketCalendar.CRYPTO, ZoneOffset.UTC);
  }

  private static BarSeries days(double[]... rows) {
    String[] dates = new String[rows.length];
    for (int i = 0; i < rows.length; i++) {
      dates[i] = "2024-01-0" + (i + 1); // a Monday onwards
    }
    return bars("X", dates, rows);
  }

  private static double[] row(double open, double high, double low, double close) {
    return new double[] {open, high, low, close};
  }

  private static double[] flat(double price) {
    return row(price, price, price, price);
  }

  private static boolean[] at(int n, int... bars) {
    boolean[] column = new boolean[n];
    for (int b : bars) {
      column[b] = true;
    }
    return column;
  }

  private static BacktestConfig.Builder account(Margin margin) {
    return BacktestConfig.builder().initialCapital(10_000).allowShort(true).margin(margin);
  }

  @Test
  void leverageTwoSizesAnEntryAtTwiceTheEquityAndBorrowsTheCash() {
    BarSeries bars = days(flat(100), flat(100), flat(100));
    Signals signals = Signals.builder(3).longEntry(at(3, 0)).build();

    BacktestResult result =
        Backtest.run(
            bars,
            signals,
            account(Margin.leverage(2)).costs(CostModel.ofCommissionRate(0.001)).build());

    // Budget 2 x 10,000 = 20,000 at 100 x 1.001 a unit: floor(199.8) = 199 units. Cash 10,000 -
    // 19,900 - 19.90 commission = -9,919.90; equity -9,919.90 + 19,900 = 9,980.10.
    Simulation sim = result.simulation();
    assertThat(sim.fills().get(0).quantity()).isEqualTo(199);
    assertThat(sim.equity()[2]).isCloseTo(9_980.10, within(1e-9));
  }

  @Test
  void aLeveragedLongIsLiquidatedWhereTheEquityIsZero() {
    BarSeries bars =
        days(flat(100), row(100, 100, 90, 95), row(80, 85, 40, 60), row(60, 70, 55, 65));
    Signals signals = Signals.builder(4).longEntry(at(4, 0, 2)).build();

    BacktestResult result = Backtest.run(bars, signals, account(Margin.leverage(2)).build());

    // 200 units at 100, cash -10,000. Equity zero at -(-10,000) / 200 = 50; bar 2 opens at 80 and
    // reaches 40: sold at 50, equity -10,000 + 200 x 50 = 0; the account stops (no margin call:
    // the default rule), so the long signal of bar 2 buys nothing.
    Simulation sim = result.simulation();
    assertThat(sim.equity()).containsExactly(10_000, 9_000, 0, 0);
    Trade trade = sim.trades().get(0);
    assertThat(trade.exitReason()).isEqualTo(ExitReason.LIQUIDATION);
    assertThat(trade.exitPrice()).isEqualTo(50);
    assertThat(trade.pnl()).isEqualTo(-10_000);
    assertThat(sim.fills()).hasSize(2);
    Liquidation stop = sim.accountStop();
    assertThat(stop.marginCall()).isFalse();
    assertThat(stop.gap()).isFalse();
    assertThat(result.metrics().liquidations()).isEqualTo(1);
  }

  @Test
  void aLeveragedLongGappingThroughTheLevelIsSoldAtTheOpen() {
    BarSeries bars = days(flat(100), row(100, 100, 90, 95), row(45, 50, 40, 48), flat(48));
    Signals signals = Signals.builder(4).longEntry(at(4, 0)).build();

    Simulation sim = Backtest.run(bars, signals, account(Margin.leverage(2)).build()).simulation();

    // Opens at 45, beyond the level 50: sold at 45, equity -10,000 + 200 x 45 = -1,000.
    assertThat(sim.trades().get(0).exitPrice()).isEqualTo(45);
    assertThat(sim.equity()).containsExactly(10_000, 9_000, -1_000, -1_000);
    assertThat(sim.accountStop().gap()).isTrue();
    assertThat(sim.accountStop().equityAfter()).isEqualTo(-1_000);
  }

  @Test
  void aLeveragedShortIsLiquidatedWhereTheEquityIsZeroAndOnAGapAtTheOpen() {
    Signals signals = Signals.builder(4).shortEntry(at(4, 0)).build();
    BacktestConfig config = account(Margin.leverage(2)).build();

    // 200 units short at 100, cash 10,000 + 20,000 = 30,000: equity zero at 30,000 / 200 = 150.
    Simulation reached =
        Backtest.run(
                days(flat(100), row(100, 110, 95, 105), row(120, 160, 110, 130), flat(130)),
                signals,
                config)
            .simulation();
    assertThat(reached.trades().get(0).exitPrice()).isEqualTo(150);
    assertThat(reached.equity()).containsExactly(10_000, 9_000, 0, 0);
    assertThat(reached.accountStop().gap()).isFalse();

    // Opening at 170: bought back there, 30,000 - 200 x 170 = -4,000.
    Simulation gapped =
        Backtest.run(
                days(flat(100), row(100, 110, 95, 105), row(170, 180, 165, 175), flat(175)),
                signals,
                config)
            .simulation();
    assertThat(gapped.trades().get(0).exitPrice()).isEqualTo(170);
    assertThat(gapped.equity()).containsExactly(10_000, 9_000, -4_000, -4_000);
    assertThat(gapped.accountStop().gap()).isTrue();
  }

  @Test
  void aMarginCallLiquidatesAtTheMaintenanceMarginAndTheAccountTradesOn() {
    BarSeries bars =
        days(flat(100), row(100, 100, 90, 95), row(80, 85, 60, 70), flat(70), flat(70));
    Signals signals = Signals.builder(5).longEntry(at(5, 0, 2)).build();

    BacktestResult result = Backtest.run(bars, signals, account(new Margin(2, 0.25, 0, 0)).build());

    // 200 units at 100, cash -10,000. Equity = 25% of the position's value where
    // -10,000 + 200p = 0.25 x 200p, p = 10,000 / 150 = 66.67; bar 2 reaches 60 from 80: sold at
    // 66.67, equity 200 x 66.67 - 10,000 = 3,333.33 (25% of 13,333.33).
    Simulation sim = result.simulation();
    Trade trade = sim.trades().get(0);
    assertThat(trade.exitReason()).isEqualTo(ExitReason.LIQUIDATION);
    assertThat(trade.exitPrice()).isCloseTo(10_000.0 / 150, within(1e-9));
    assertThat(sim.equity()[2]).isCloseTo(10_000.0 / 3, within(1e-9));
    Liquidation call = sim.liquidations().get(0);
    assertThat(call.marginCall()).isTrue();
    assertThat(call.stopped()).isFalse();
    assertThat(sim.accountStop()).isNull();
    // Trading goes on: the long signal of bar 2 buys at bar 3's open with 2 x 3,333.33:
    // floor(6,666.67 / 70) = 95 units.
    assertThat(sim.fills()).hasSize(3);
    assertThat(sim.fills().get(2).quantity()).isEqualTo(95);
    assertThat(sim.fills().get(2).barIndex()).isEqualTo(3);
  }

  @Test
  void interestOnBorrowedCashAccruesPerCalendarDayOverTheWeekend() {
    // Thursday, Friday, Monday, Tuesday, Wednesday.
    String[] dates = {"2024-01-04", "2024-01-05", "2024-01-08", "2024-01-09", "2024-01-10"};
    BarSeries bars = bars("X", dates, flat(100), flat(100), flat(100), flat(100), flat(100));
    Signals signals = Signals.builder(5).longEntry(at(5, 0)).longExit(at(5, 3)).build();

    BacktestResult result =
        Backtest.run(bars, signals, account(new Margin(2, 0, 0.0365, 0)).build());

    // 200 units bought at Friday's open, cash -10,000; 3.65% a year is 0.01% a day.
    // Monday's open: 3 days on 10,000 = 3.00 (cash -10,003.00); Tuesday: 1 day on 10,003 =
    // 1.0003; Wednesday: 1 day on 10,004.0003 = 1.00040003, then sold at Wednesday's open.
    double interest = 3 + 1.0003 + 1.00040003;
    Trade trade = result.simulation().trades().get(0);
    assertThat(trade.borrowCost()).isCloseTo(interest, within(1e-9));
    assertThat(trade.pnl()).isCloseTo(-interest, within(1e-9));
    assertThat(result.metrics().totalInterest()).isCloseTo(interest, within(1e-9));
    assertThat(result.metrics().totalBorrowCost()).isZero();
    assertThat(result.simulation().finalEquity()).isCloseTo(10_000 - interest, within(1e-9));
  }

  @Test
  void aShortPaysItsBorrowFeePerCalendarDayHeldOnItsValueAtTheClose() {
    String[] dates = {"2024-01-04", "2024-01-05", "2024-01-08", "2024-01-09", "2024-01-10"};
    BarSeries bars = bars("X", dates, flat(100), flat(100), flat(100), flat(100), flat(100));
    Signals signals = Signals.builder(5).shortEntry(at(5, 0)).shortExit(at(5, 3)).build();

    BacktestResult result =
        Backtest.run(bars, signals, account(new Margin(1, 0, 0, 0.0365)).build());

    // 100 units short from Friday's open, worth 10,000 at each close: 1.00 a day. Friday to
    // Monday 3 days, then 1 and 1: 5.00 by Wednesday's open, when it is bought back.
    Trade trade = result.simulation().trades().get(0);
    assertThat(trade.borrowCost()).isCloseTo(5, within(1e-9));
    assertThat(trade.pnl()).isCloseTo(-5, within(1e-9));
    assertThat(result.metrics().totalBorrowCost()).isCloseTo(5, within(1e-9));
    assertThat(result.metrics().totalInterest()).isZero();
  }

  @Test
  void aFixedFundingRateIsPaidByALongAndReceivedByAShort() {
    BarSeries bars = days(flat(100), flat(100), flat(100), flat(100), flat(100));
    Funding every8h = Funding.fixed(0.0001, Duration.ofHours(8));

    // Held from bar 1's open to bar 4's open: bars 1 to 3, each with funding at 00:00, 08:00 and
    // 16:00 UTC: 3 x 100 units x 100 x 0.0001 = 3.00 a bar, 9.00 in all.
    BacktestResult longRun =
        Backtest.run(
            bars,
            Signals.builder(5).longEntry(at(5, 0)).longExit(at(5, 3)).build(),
            account(Margin.none()).funding(every8h).build());
    Trade paid = longRun.simulation().trades().get(0);
    assertThat(paid.funding()).isCloseTo(9, within(1e-9));
    assertThat(paid.pnl()).isCloseTo(-9, within(1e-9));
    assertThat(longRun.metrics().totalFunding()).isCloseTo(9, within(1e-9));

    BacktestResult shortRun =
        Backtest.run(
            bars,
            Signals.builder(5).shortEntry(at(5, 0)).shortExit(at(5, 3)).build(),
            account(Margin.none()).funding(every8h).build());
    Trade received = shortRun.simulation().trades().get(0);
    assertThat(received.funding()).isCloseTo(-9, within(1e-9));
    assertThat(received.pnl()).isCloseTo(9, within(1e-9));
    assertThat(shortRun.metrics().totalFunding()).isCloseTo(-9, within(1e-9));
    assertThat(shortRun.simulation().finalEquity()).isCloseTo(10_009, within(1e-9));
  }

  @Test
  void withLeverageAnAddedLotUsesTheBuyingPowerLeft() {
    BarSeries bars = days(flat(100), flat(100), flat(100), flat(100));
    double[] size = {0.8, 0.8, 0.8, 0.8};
    Signals signals = Signals.builder(4).longEntry(at(4, 0, 1)).size(size).build();

    BacktestResult leveraged =
        Backtest.run(bars, signals, account(new Margin(2, 0, 0, 0)).pyramiding(2).build());

    // Buying power 2 x 10,000: the first lot is 0.8 x 20,000 / 100 = 160 units, cash -6,000. The
    // add at bar 2 asks for 0.8 x 2 x equity 10,000 = 160 units, but only 20,000 - 16,000 = 4,000
    // of buying power is left: 40 units. 200 units = twice the equity.
    List<Fill> fills = leveraged.simulation().fills();
    assertThat(fills).extracting(Fill::quantity).containsExactly(160.0, 40.0);
    assertThat(leveraged.simulation().position()[3]).isEqualTo(200);

    // A cash account never borrows to add: 80 units, then 0.8 x equity 10,000 = 80 more, of which
    // the cash left, 2,000, pays 20.
    BacktestResult cash = Backtest.run(bars, signals, account(Margin.none()).pyramiding(2).build());
    assertThat(cash.simulation().fills()).extracting(Fill::quantity).containsExactly(80.0, 20.0);
  }

  @Test
  void thePositionsFundingIsSharedAmongItsLotsTradesByTheUnitsEachCloses() {
    BarSeries bars = days(flat(100), flat(100), flat(100), flat(100), flat(100), flat(100));
    double[] size = {10, 10, 10, 10, 10, 10};
    double[] fraction = {Double.NaN, Double.NaN, Double.NaN, 0.5, Double.NaN, Double.NaN};
    Signals signals =
        Signals.builder(6)
            .longEntry(at(6, 0, 1))
            .size(size)
            .exitFraction(fraction)
            .longExit(at(6, 4))
            .build();

    BacktestResult result =
        Backtest.run(
            bars,
            signals,
            account(Margin.none())
                .pyramiding(2)
                .funding(Funding.fixed(0.0001, Duration.ofHours(8)))
                .build());

    // Three fundings a day of 100 x 0.0001 = 0.01 per unit each, 0.03 per unit a day, on what is
    // held after the open's fills: lot A (10 units from bar 1) and lot B (10 from bar 2).
    // Bar 1: 10 units 0.30; bars 2 and 3: 20 units 0.60 each; paid before the scale-out: 1.50.
    // Bar 4's open sells half (lot A), taking half of the 1.50: 0.75. Then bar 4 charges the 10
    // units left 0.30, so lot B's trade at bar 5's open carries 0.75 + 0.30 = 1.05. Flat prices
    // and no commission: each trade's P&L is minus its funding; together they are the total.
    List<Trade> trades = result.simulation().trades();
    assertThat(trades).hasSize(2);
    assertThat(trades.get(0).entryIndex()).isEqualTo(1);
    assertThat(trades.get(0).funding()).isCloseTo(0.75, within(1e-9));
    assertThat(trades.get(0).pnl()).isCloseTo(-0.75, within(1e-9));
    assertThat(trades.get(1).entryIndex()).isEqualTo(2);
    assertThat(trades.get(1).funding()).isCloseTo(1.05, within(1e-9));
    assertThat(trades.get(1).pnl()).isCloseTo(-1.05, within(1e-9));
    assertThat(result.metrics().totalFunding()).isCloseTo(1.8, within(1e-9));
    assertThat(result.simulation().finalEquity()).isCloseTo(10_000 - 1.8, within(1e-9));
  }

  @Test
  void aFundingSeriesIsChargedAtTheCloseOfTheBarHoldingEachFundingTime() {
    BarSeries bars =
        days(
            flat(100),
            row(100, 110, 100, 110),
            row(110, 120, 110, 120),
            flat(120),
            flat(120),
            flat(120));
    long day = 24 * HOUR;
    long t0 = Daily.time("2024-01-01");
    Funding series =
        Funding.series(
            new long[] {t0 + 8 * HOUR, t0 + day + 8 * HOUR, t0 + 2 * day, t0 + 4 * day + 8 * HOUR},
            new double[] {0.01, 0.001, -0.0005, 0.01});

    BacktestResult result =
        Backtest.run(
            bars,
            Signals.builder(6).longEntry(at(6, 0)).longExit(at(6, 3)).build(),
            account(Margin.none()).funding(series).build());

    // 100 units held from bar 1's open to bar 4's open. Bar 0's and bar 4's funding times fall
    // outside; bar 1: 100 x close 110 x 0.001 = 11.00; bar 2: 100 x 120 x -0.0005 = -6.00.
    Trade trade = result.simulation().trades().get(0);
    assertThat(trade.funding()).isCloseTo(5, within(1e-9));
    assertThat(trade.pnl()).isCloseTo(100 * (120 - 100) - 5, within(1e-9));
    assertThat(result.metrics().totalFunding()).isCloseTo(5, within(1e-9));
  }

  @Test
  void twoShortsAreLiquidatedTogetherWhereTheirCommonPathReachesZeroEquity() {
    BarSeries a = days(flat(100), flat(100), row(100, 220, 100, 210), flat(210));
    BarSeries b =
        bars(
            "B",
            new String[] {"2024-01-01", "2024-01-02", "2024-01-03", "2024-01-04"},
            flat(100),
            flat(100),
            row(100, 220, 100, 210),
            flat(210));
    Signals shortAtZero = Signals.builder(4).shortEntry(at(4, 0)).build();
    PortfolioConfig config =
        PortfolioConfig.builder()
            .initialCapital(10_000)
            .allowShort(true)
            .sizing(new SizingModel.FractionOfEquity(0.5))
            .build();

    PortfolioResult result =
        PortfolioBacktest.run(
            List.of(
                PortfolioLeg.withSignals(a, "KRW", CostModel.none(), 1, shortAtZero),
                PortfolioLeg.withSignals(b, "KRW", CostModel.none(), 1, shortAtZero)),
            config);

    // X: 5,000 / 100 = 50 short, cash 15,000; B: half the equity 10,000 again, 50 short, cash
    // 20,000. Both move from 100 towards 220 together: equity 20,000 - 100p reaches zero at
    // p = 200 (λ = 100 / 120 of the way), where both are bought back: -5,000 each, equity 0.
    assertThat(result.trades()).hasSize(2);
    for (PortfolioTrade t : result.trades()) {
      assertThat(t.trade().exitReason()).isEqualTo(ExitReason.LIQUIDATION);
      assertThat(t.trade().exitPrice()).isCloseTo(200, within(1e-9));
      assertThat(t.trade().pnl()).isCloseTo(-5_000, within(1e-6));
    }
    assertThat(result.finalEquity()).isCloseTo(0, within(1e-6));
    assertThat(result.liquidations())
        .singleElement()
        .extracting(Liquidation::stopped)
        .isEqualTo(true);
    assertThat(result.notes())
        .singleElement()
        .extracting(PortfolioNote::kind)
        .isEqualTo(PortfolioNote.Kind.LIQUIDATION);
  }

  @Test
  void badAccountSettingsAreRefusedWithTheirRange() {
    assertThatThrownBy(() -> new Margin(0.5, 0, 0, 0))
        .hasMessageContaining("leverage must be between 1 and 125");
    assertThatThrownBy(() -> new Margin(200, 0, 0, 0))
        .hasMessageContaining("leverage must be between 1 and 125");
    assertThatThrownBy(() -> new Margin(2, 1, 0, 0)).hasMessageContaining("[0, 1)");
    assertThatThrownBy(() -> new Margin(4, 0.3, 0, 0))
        .hasMessageContaining("keep it below 1 / leverage = 0.25");
    assertThatThrownBy(() -> new Margin(2, 0, Double.NaN, 0)).hasMessageContaining("borrow rate");
    assertThatThrownBy(() -> new Margin(2, 0, 0, 11)).hasMessageContaining("short borrow fee");
    assertThatThrownBy(() -> Funding.fixed(0.0001, Duration.ofSeconds(1)))
        .hasMessageContaining("at least 1 minute");
    assertThatThrownBy(() -> Funding.fixed(2, Duration.ofHours(8)))
        .hasMessageContaining("between -1 and 1");
    assertThatThrownBy(() -> Funding.series(new long[] {2, 1}, new double[] {0, 0}))
        .hasMessageContaining("strictly ascending");
    assertThatThrownBy(() -> Funding.series(new long[] {1}, new double[] {0, 0}))
        .hasMessageContaining("1 times but 2 rates");
  }
}
