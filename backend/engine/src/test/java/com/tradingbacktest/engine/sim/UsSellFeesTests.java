package com.tradingbacktest.engine.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.tradingbacktest.engine.series.BarColumns;
import com.tradingbacktest.engine.series.BarSeries;
import com.tradingbacktest.engine.series.Interval;
import com.tradingbacktest.engine.series.MarketCalendar;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UsSellFeesTests {

  private static final CostModel US = CostModel.usStock();

  /** A time during the New York session of {@code date}, epoch milliseconds. */
  private static long session(LocalDate date) {
    return date.atTime(LocalTime.of(10, 30)).atZone(UsSellFees.ZONE).toInstant().toEpochMilli();
  }

  /**
   * A sell of 1,000 shares at $50 ($50,000) on a date in each period of either table: the SEC fee
   * is dollars-per-million x 0.05, the TAF 1,000 x the per-share rate (under every cap).
   */
  @ParameterizedTest(name = "{0}: SEC {1} + TAF {2}")
  @CsvSource({
    "2005-06-01, 0.55, 0.075", // $11.00/M; $0.000075
    "2008-04-01, 0.28, 0.075", // $5.60/M from this day
    "2011-08-01, 0.28, 0.090", // TAF $0.000090 from 2011-07-01
    "2012-06-01, 0.28, 0.095", // TAF $0.000095 from 2012-03-01
    "2013-06-03, 0.28, 0.119", // TAF $0.000119
    "2013-11-01, 0.87, 0.119", // $17.40/M
    "2014-06-02, 1.105, 0.119", // $22.10/M from 2014-03-18
    "2016-03-01, 1.09, 0.119", // $21.80/M
    "2018-01-02, 1.155, 0.119", // $23.10/M
    "2018-06-01, 0.65, 0.119", // $13.00/M from 2018-05-22
    "2019-11-01, 1.035, 0.119", // $20.70/M
    "2020-06-01, 1.105, 0.119", // $22.10/M from 2020-02-18
    "2021-03-01, 0.255, 0.119", // $5.10/M from 2021-02-25
    "2022-03-01, 0.255, 0.130", // TAF $0.000130 from 2022
    "2022-06-01, 1.145, 0.130", // $22.90/M
    "2023-03-01, 0.40, 0.145", // $8.00/M from 2023-02-27; TAF $0.000145
    "2024-03-01, 0.40, 0.166", // TAF $0.000166 from 2024
    "2024-06-03, 1.39, 0.166", // $27.80/M from 2024-05-22
    "2025-06-02, 0.00, 0.166", // $0.00/M from 2025-05-14
  })
  void aSellPaysTheRatesInEffectOnItsOwnDate(LocalDate date, double sec, double taf) {
    double tax = US.taxOn(50_000, 1_000, true, session(date));

    assertThat(tax).isCloseTo(sec + taf, within(1e-9));
  }

  @Test
  void theNewRateStartsOnItsEffectiveDateInNewYork() {
    LocalDate change = LocalDate.of(2025, 5, 14);
    long lastMinuteBefore =
        change.atStartOfDay(UsSellFees.ZONE).toInstant().toEpochMilli() - 60_000;

    assertThat(US.taxOn(50_000, 1_000, true, lastMinuteBefore)).isCloseTo(1.556, within(1e-9));
    assertThat(US.taxOn(50_000, 1_000, true, session(change))).isCloseTo(0.166, within(1e-9));
  }

  @Test
  void theTradingActivityFeeStopsAtItsCapPerTrade() {
    // 100,000 x $50 = $5,000,000 on 2024-06-03: SEC 27.80 x 5 = 139.00; TAF 100,000 x 0.000166 =
    // 16.60, capped at 8.30.
    double tax = US.taxOn(5_000_000, 100_000, true, session(LocalDate.of(2024, 6, 3)));

    assertThat(tax).isCloseTo(139.00 + 8.30, within(1e-9));
  }

  @Test
  void buysPayNoRegulatoryFeeAndNoCommission() {
    long time = session(LocalDate.of(2024, 6, 3));

    assertThat(US.taxOn(50_000, 1_000, false, time)).isZero();
    assertThat(US.commissionOn(50_000, 1_000, false)).isZero();
    assertThat(US.commissionOn(50_000, 1_000, true)).isZero();
  }

  @Test
  void theUsPresetSlipsByHalfASpread() {
    assertThat(US.slippageRate()).isEqualTo(0.0002);
    assertThat(US.slippedBuy(50)).isCloseTo(50.01, within(1e-12));
    assertThat(US.slippedSell(50)).isCloseTo(49.99, within(1e-12));
  }

  @Test
  void aRoundTripPaysTheFeesOnlyOnItsSell() {
    // Buy 1,000 at the open of 2024-06-03, sell them at the next open; flat $50 bars.
    BarColumns columns = new BarColumns(3);
    for (int i = 0; i < 3; i++) {
      columns.bar(i, session(LocalDate.of(2024, 6, 3 + i)), 50, 50, 50, 50, 1_000_000);
    }
    BarSeries bars = columns.build("SPY", Interval.D1, MarketCalendar.STOCK, UsSellFees.ZONE);
    CostModel noSlippage =
        new CostModel(
            0, 0, 0, 0, 0, 0, 0.01, 0, Double.POSITIVE_INFINITY, false, UsSellFees.schedule());
    Signals signals = Signals.builder(3).longEntry(Bars.at(3, 0)).longExit(Bars.at(3, 1)).build();

    Simulation sim =
        Simulator.run(
            bars,
            signals,
            BacktestConfig.builder()
                .initialCapital(100_000)
                .costs(noSlippage)
                .sizing(new SizingModel.FixedQuantity(1_000))
                .build());

    assertThat(sim.fills().get(0).tax()).isZero();
    assertThat(sim.fills().get(1).tax()).isCloseTo(1.39 + 0.166, within(1e-9));
    assertThat(sim.finalEquity()).isCloseTo(100_000 - 1.556, within(1e-9));
  }

  @Test
  void aPerShareFeeIsCappedPerFillAndChargedOnTheSidesItNames() {
    CostModel sellsOnly = CostModel.none().withPerShareFee(0.005, 1.0, false);
    CostModel bothSides = CostModel.none().withPerShareFee(0.005, 1.0, true);

    // 100 shares: 0.50, under the cap; 1,000 shares: 5.00, capped at 1.00.
    assertThat(sellsOnly.commissionOn(5_000, 100, true)).isCloseTo(0.5, within(1e-12));
    assertThat(sellsOnly.commissionOn(50_000, 1_000, true)).isEqualTo(1.0);
    assertThat(sellsOnly.commissionOn(5_000, 100, false)).isZero();
    assertThat(bothSides.commissionOn(5_000, 100, false)).isCloseTo(0.5, within(1e-12));
  }

  @Test
  void withoutTheNewPartsEveryFillCostsWhatItDidBefore() {
    CostModel krx = CostModel.krxStock();
    long time = session(LocalDate.of(2024, 6, 3));

    assertThat(krx.hasPerFillFees()).isFalse();
    assertThat(krx.commissionOn(12_345.67, 17, true)).isEqualTo(krx.commissionOn(12_345.67));
    assertThat(krx.taxOn(12_345.67, 17, true, time)).isEqualTo(krx.taxOn(12_345.67, true));
  }

  @Test
  void theScheduleHasARowWhereverEitherFeeChanges() {
    List<SellFeeSchedule.Row> rows = UsSellFees.schedule().rows();

    assertThat(rows).hasSize(UsSellFees.SEC.size() + UsSellFees.TAF.size() - 1);
    assertThat(rows.get(rows.size() - 1))
        .isEqualTo(new SellFeeSchedule.Row(LocalDate.of(2025, 5, 14), 0, 0.000166, 8.30));
    assertThat(UsSellFees.schedule().feeOn(50_000, 1_000, session(LocalDate.of(1999, 1, 4))))
        .isZero();
  }

  @Test
  void refusesTwoRowsOfOneDateAndRatesThatAreNotFractions() {
    LocalDate day = LocalDate.of(2024, 1, 1);
    SellFeeSchedule.Row row = new SellFeeSchedule.Row(day, 0.00001, 0, 1);

    assertThatThrownBy(() -> SellFeeSchedule.of(UsSellFees.ZONE, List.of(row, row)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2024-01-01");
    assertThatThrownBy(() -> new SellFeeSchedule.Row(day, 0.5, 0, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CostModel.none().withPerShareFee(-1, 1, false))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
