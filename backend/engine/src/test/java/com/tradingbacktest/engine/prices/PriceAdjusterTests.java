package com.tradingbacktest.engine.prices;

import static com.tradingbacktest.engine.prices.PriceBasis.RAW;
import static com.tradingbacktest.engine.prices.PriceBasis.SPLIT_ADJUSTED;
import static com.tradingbacktest.engine.prices.PriceBasis.TOTAL_RETURN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.tradingbacktest.engine.prices.CorporateAction.CashDividend;
import com.tradingbacktest.engine.prices.CorporateAction.Halt;
import com.tradingbacktest.engine.prices.CorporateAction.Split;
import com.tradingbacktest.engine.series.BarColumns;
import com.tradingbacktest.engine.series.BarSeries;
import com.tradingbacktest.engine.series.Interval;
import com.tradingbacktest.engine.series.MarketCalendar;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PriceAdjusterTests {

  private static final double EPS = 1e-9;
  private static final LocalDate D1 = LocalDate.of(2024, 3, 4);

  /**
   * Six days of raw prices: a 2-for-1 split goes ex on day 3 (bar 2), a dividend of 2 per old share
   * on day 2 (bar 1) and of 1 per new share on day 5 (bar 4).
   */
  private static final BarSeries RAW_BARS =
      Bars.daily(
          D1,
          new double[][] {
            {100, 110, 90, 100, 10},
            {100, 104, 96, 102, 10},
            {51, 52, 50, 51, 20},
            {51, 53, 49, 50, 20},
            {49, 50, 48, 49, 20},
            {49, 51, 48, 50, 20}
          });

  private static final CorporateActions ACTIONS =
      CorporateActions.of(
          new CashDividend(D1.plusDays(4), 1),
          new Split(D1.plusDays(2), 2),
          new CashDividend(D1.plusDays(1), 2));

  @Test
  void splitAdjustingDividesTheBarsBeforeTheSplitAndMultipliesTheirVolume() {
    BarSeries adjusted = PriceAdjuster.adjust(RAW_BARS, RAW, ACTIONS, SPLIT_ADJUSTED, true);

    assertThat(adjusted.open()).containsExactly(50, 50, 51, 51, 49, 49);
    assertThat(adjusted.high()).containsExactly(55, 52, 52, 53, 50, 51);
    assertThat(adjusted.low()).containsExactly(45, 48, 50, 49, 48, 48);
    assertThat(adjusted.close()).containsExactly(50, 51, 51, 50, 49, 50);
    assertThat(adjusted.volume()).containsExactly(20, 20, 20, 20, 20, 20);
    // The dividend of 2 per old share is 1 per share of today.
    assertThat(adjusted.events().dividend()).containsExactly(0, 1, 0, 0, 1, 0);
    assertThat(adjusted.events().hasHalts()).isFalse();
    assertThat(adjusted.times()).isSameAs(RAW_BARS.times());
  }

  @Test
  void rawPricesKeepTheDividendsAsPaid() {
    BarSeries raw = PriceAdjuster.adjust(RAW_BARS, RAW, ACTIONS, RAW, true);

    assertThat(raw.close()).isSameAs(RAW_BARS.close());
    assertThat(raw.events().dividend()).containsExactly(0, 2, 0, 0, 1, 0);
  }

  @Test
  void totalReturnBackAdjustsEachDividendByOneMinusItOverTheCloseBefore() {
    BarSeries total = PriceAdjuster.adjust(RAW_BARS, RAW, ACTIONS, TOTAL_RETURN, true);

    // Split-adjusted, the dividends are 1 before a close of 50 (bar 0) and 1 before a close of 50
    // (bar 3): each factor is 0.98, so bar 0 is x 0.9604 and bars 1..3 x 0.98.
    assertThat(total.open())
        .containsExactly(new double[] {48.02, 49, 49.98, 49.98, 49, 49}, within(EPS));
    assertThat(total.high())
        .containsExactly(new double[] {52.822, 50.96, 50.96, 51.94, 50, 51}, within(EPS));
    assertThat(total.low())
        .containsExactly(new double[] {43.218, 47.04, 49, 48.02, 48, 48}, within(EPS));
    assertThat(total.close())
        .containsExactly(new double[] {48.02, 49.98, 49.98, 49, 49, 50}, within(EPS));
    assertThat(total.volume()).containsExactly(20, 20, 20, 20, 20, 20);
    // Total-return prices hold the dividends: paying them as cash too would count them twice.
    assertThat(total.events().isNone()).isTrue();
  }

  @Test
  void splitAdjustedStoredBarsGiveTheSameSeriesAsRawOnes() {
    BarSeries stored = PriceAdjuster.adjust(RAW_BARS, RAW, ACTIONS, SPLIT_ADJUSTED, false);

    for (PriceBasis wanted : PriceBasis.values()) {
      BarSeries fromRaw = PriceAdjuster.adjust(RAW_BARS, RAW, ACTIONS, wanted, true);
      BarSeries fromStored = PriceAdjuster.adjust(stored, SPLIT_ADJUSTED, ACTIONS, wanted, true);
      assertThat(fromStored.open()).as(wanted.code()).containsExactly(fromRaw.open(), within(EPS));
      assertThat(fromStored.close())
          .as(wanted.code())
          .containsExactly(fromRaw.close(), within(EPS));
      assertThat(fromStored.volume())
          .as(wanted.code())
          .containsExactly(fromRaw.volume(), within(EPS));
      assertThat(fromStored.events())
          .as(wanted.code())
          .usingRecursiveComparison()
          .isEqualTo(fromRaw.events());
    }
  }

  @Test
  void rawToSplitAdjustedAndBackIsTheIdentity() {
    // Samsung's 50:1: a ratio whose division is not exact in binary.
    BarSeries raw = Bars.closes(D1, 2_650_000, 2_660_000, 53_000, 51_900, 51_300);
    CorporateActions split = CorporateActions.of(new Split(D1.plusDays(2), 50));

    BarSeries adjusted = PriceAdjuster.adjust(raw, RAW, split, SPLIT_ADJUSTED, true);
    BarSeries back = PriceAdjuster.adjust(adjusted, SPLIT_ADJUSTED, split, RAW, true);

    assertThat(adjusted.close())
        .containsExactly(new double[] {53_000, 53_200, 53_000, 51_900, 51_300}, within(EPS));
    assertThat(adjusted.volume()).containsExactly(50, 50, 1, 1, 1);
    for (int i = 0; i < raw.size(); i++) {
      assertThat(back.close()[i]).isCloseTo(raw.close()[i], within(raw.close()[i] * 1e-15));
      assertThat(back.volume()[i]).isCloseTo(raw.volume()[i], within(1e-12));
    }
  }

  @Test
  void nothingToDoGivesTheSameSeriesBack() {
    assertThat(PriceAdjuster.adjust(RAW_BARS, RAW, CorporateActions.NONE, SPLIT_ADJUSTED, true))
        .isSameAs(RAW_BARS);
    assertThat(PriceAdjuster.adjust(RAW_BARS, RAW, CorporateActions.NONE, TOTAL_RETURN, true))
        .isSameAs(RAW_BARS);
    assertThat(PriceAdjuster.adjust(RAW_BARS, SPLIT_ADJUSTED, CorporateActions.NONE, RAW, true))
        .isSameAs(RAW_BARS);
    // Split-adjusted bars asked for split-adjusted, dividends not paid: the split is in them
    // already.
    CorporateActions split = CorporateActions.of(new Split(D1.plusDays(2), 2));
    assertThat(PriceAdjuster.adjust(RAW_BARS, SPLIT_ADJUSTED, split, SPLIT_ADJUSTED, true))
        .isSameAs(RAW_BARS);
    assertThat(PriceAdjuster.adjust(RAW_BARS, SPLIT_ADJUSTED, ACTIONS, SPLIT_ADJUSTED, false))
        .isSameAs(RAW_BARS);
    // A dividend going ex on the first bar has no bar before it to adjust.
    CorporateActions first = CorporateActions.of(new CashDividend(D1, 1));
    assertThat(PriceAdjuster.adjust(RAW_BARS, RAW, first, TOTAL_RETURN, false)).isSameAs(RAW_BARS);
  }

  @Test
  void aDividendAloneSharesThePriceColumns() {
    CorporateActions dividend = CorporateActions.of(new CashDividend(D1.plusDays(4), 1));

    BarSeries paid = PriceAdjuster.adjust(RAW_BARS, RAW, dividend, SPLIT_ADJUSTED, true);

    assertThat(paid.close()).isSameAs(RAW_BARS.close());
    assertThat(paid.events().dividend()).containsExactly(0, 0, 0, 0, 1, 0);
  }

  @Test
  void anExDateInAGapGoesToTheNextBarAndOneOutsideTheSeriesIsLeftOut() {
    LocalDate friday = LocalDate.of(2024, 3, 8);
    LocalDate monday = friday.plusDays(3);
    BarSeries bars =
        Bars.daily(
            new LocalDate[] {friday, monday, monday.plusDays(1)},
            new double[][] {{10, 10, 10, 10, 1}, {10, 10, 10, 10, 1}, {10, 10, 10, 10, 1}});
    CorporateActions actions =
        CorporateActions.of(
            new CashDividend(friday.plusDays(1), 0.5), // a Saturday: Monday's bar
            new CashDividend(friday.minusDays(1), 7), // before the first bar: nobody held it
            new CashDividend(monday.plusDays(5), 9), // after the last bar: not yet paid
            new Split(monday.plusDays(3), 10)); // after the last bar: not applied

    BarSeries adjusted = PriceAdjuster.adjust(bars, RAW, actions, SPLIT_ADJUSTED, true);

    assertThat(adjusted.events().dividend()).containsExactly(0, 0.5, 0);
    assertThat(adjusted.close()).isSameAs(bars.close());
  }

  @Test
  void intradayAnExDateAppliesFromTheFirstBarOfThatDay() {
    // Hourly bars 09:00..11:00 Seoul on two days; the split and dividend go ex on the second day.
    LocalDate day1 = LocalDate.of(2024, 3, 4);
    BarColumns columns = new BarColumns(6);
    double[] close = {100, 100, 100, 50, 50, 50};
    for (int i = 0; i < 6; i++) {
      LocalDate day = i < 3 ? day1 : day1.plusDays(1);
      long time = day.atTime(9 + i % 3, 0).atZone(Bars.SEOUL).toInstant().toEpochMilli();
      columns.bar(i, time, close[i], close[i], close[i], close[i], 3);
    }
    BarSeries hours = columns.build("005930", Interval.H1, MarketCalendar.STOCK, Bars.SEOUL);
    CorporateActions actions =
        CorporateActions.of(new Split(day1.plusDays(1), 2), new CashDividend(day1.plusDays(1), 1));

    BarSeries adjusted = PriceAdjuster.adjust(hours, RAW, actions, SPLIT_ADJUSTED, true);

    assertThat(adjusted.close()).containsExactly(50, 50, 50, 50, 50, 50);
    assertThat(adjusted.volume()).containsExactly(6, 6, 6, 3, 3, 3);
    assertThat(adjusted.events().dividend()).containsExactly(0, 0, 0, 1, 0, 0);
    BarSeries total = PriceAdjuster.adjust(hours, RAW, actions, TOTAL_RETURN, true);
    assertThat(total.close()).containsExactly(new double[] {49, 49, 49, 50, 50, 50}, within(EPS));
  }

  @Test
  void haltsFlagTheBarsOnTheirDates() {
    CorporateActions halt = CorporateActions.of(new Halt(D1.plusDays(2), D1.plusDays(3)));

    BarSeries adjusted = PriceAdjuster.adjust(RAW_BARS, RAW, halt, SPLIT_ADJUSTED, true);

    assertThat(adjusted.events().halted()).containsExactly(false, false, true, true, false, false);
    assertThat(adjusted.events().hasDividends()).isFalse();
    assertThat(adjusted.close()).isSameAs(RAW_BARS.close());
    // A halt outside the bars flags nothing.
    CorporateActions later = CorporateActions.of(new Halt(D1.plusDays(30), D1.plusDays(31)));
    assertThat(PriceAdjuster.adjust(RAW_BARS, RAW, later, RAW, true)).isSameAs(RAW_BARS);
  }

  @Test
  void aWeeklyBarTakesTheDividendOfItsWeekAndIsHaltedOnlyWhenAllOfItIs() {
    LocalDate monday = LocalDate.of(2024, 3, 4);
    BarColumns columns = new BarColumns(3);
    for (int i = 0; i < 3; i++) {
      columns.bar(i, Bars.midnight(monday.plusWeeks(i)), 10, 10, 10, 10, 1);
    }
    BarSeries weeks = columns.build("X", Interval.W1, MarketCalendar.STOCK, Bars.SEOUL);
    CorporateActions actions =
        CorporateActions.of(
            new CashDividend(monday.plusDays(9), 1), // Wednesday of week 2
            new Halt(monday.plusDays(9), monday.plusDays(10)), // two days of week 2
            new Halt(monday.plusWeeks(2), monday.plusWeeks(2).plusDays(6))); // all of week 3

    BarSeries adjusted = PriceAdjuster.adjust(weeks, RAW, actions, RAW, true);

    assertThat(adjusted.events().dividend()).containsExactly(0, 1, 0);
    assertThat(adjusted.events().halted()).containsExactly(false, false, true);
  }

  @Test
  void refusesTotalReturnStoredBarsAndADividendAsBigAsThePrice() {
    assertThatThrownBy(() -> PriceAdjuster.adjust(RAW_BARS, TOTAL_RETURN, ACTIONS, RAW, true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("raw or split_adjusted");
    CorporateActions huge = CorporateActions.of(new CashDividend(D1.plusDays(1), 100));
    assertThatThrownBy(() -> PriceAdjuster.adjust(RAW_BARS, RAW, huge, TOTAL_RETURN, true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2024-03-05")
        .hasMessageContaining("not less than the close before it");
  }

  @Test
  void theBuyAndHoldOfAdjustedBarsReceivesTheDividends() {
    BarSeries paid = PriceAdjuster.adjust(RAW_BARS, RAW, ACTIONS, SPLIT_ADJUSTED, true);

    // 1000 / 50 = 20 shares: dividends of 1 at bars 1 and 4 add 20 each to the closes' value.
    assertThat(paid.buyAndHoldEquity(1000))
        .containsExactly(new double[] {1000, 1040, 1040, 1020, 1020, 1040}, within(EPS));
    assertThat(Instant.ofEpochMilli(paid.times()[4]).atZone(Bars.SEOUL).toLocalDate())
        .isEqualTo(D1.plusDays(4));
  }

  @Test
  void overlappingHaltsAreMergedAndManyOfThemCostOnePassOverTheBars() {
    CorporateActions overlapping =
        CorporateActions.of(
            new Halt(D1.plusDays(1), D1.plusDays(2)),
            new Halt(D1.plusDays(2), D1.plusDays(2)),
            new Halt(D1.plusDays(2), D1.plusDays(3)),
            new Halt(D1.plusDays(5), D1.plusDays(9)));
    assertThat(PriceAdjuster.adjust(RAW_BARS, RAW, overlapping, RAW, true).events().halted())
        .containsExactly(false, true, true, true, false, true);

    // 100,000 halts, each over all of 100,000 bars: bar by bar per halt would be 10^10 steps.
    double[] close = new double[100_000];
    java.util.Arrays.fill(close, 10);
    BarSeries bars = Bars.closes(D1, close);
    List<CorporateAction> halts = new ArrayList<>();
    for (int i = 0; i < CorporateActions.MAX_ACTIONS; i++) {
      halts.add(new Halt(D1.plusDays(i % 3), D1.plusDays(close.length)));
    }
    CorporateActions many = new CorporateActions(halts);
    BarSeries halted =
        assertTimeoutPreemptively(
            Duration.ofSeconds(20), () -> PriceAdjuster.adjust(bars, RAW, many, RAW, true));
    for (int i = 0; i < close.length; i++) {
      assertThat(halted.events().haltedAt(i)).isTrue();
    }
  }
}
