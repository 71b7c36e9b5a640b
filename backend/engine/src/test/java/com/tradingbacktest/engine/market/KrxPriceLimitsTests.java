package com.tradingbacktest.engine.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class KrxPriceLimitsTests {

  private static final LocalDate LAST_NARROW = LocalDate.of(2015, 6, 12);
  private static final LocalDate FIRST_WIDE = LocalDate.of(2015, 6, 15);

  @Test
  void theLimitWidensFromFifteenToThirtyPercentOnTheFifteenthOfJune2015() {
    // Base 10,000 (tick 50 before 2023): 15% is 1,500, 30% is 3,000.
    assertThat(KrxPriceLimits.of(Board.KOSPI, LAST_NARROW, 10_000))
        .isEqualTo(new KrxPriceLimits.Limits(8_500, 11_500));
    assertThat(KrxPriceLimits.of(Board.KOSPI, FIRST_WIDE, 10_000))
        .isEqualTo(new KrxPriceLimits.Limits(7_000, 13_000));
    assertThat(KrxPriceLimits.of(Board.KOSDAQ, LAST_NARROW, 10_000).upper()).isEqualTo(11_500);
    assertThat(KrxPriceLimits.of(Board.KOSDAQ, FIRST_WIDE, 10_000).upper()).isEqualTo(13_000);
    assertThat(KrxPriceLimits.rate(Board.ETF, FIRST_WIDE)).isEqualTo(0.30);
    // KONEX kept its 15%.
    assertThat(KrxPriceLimits.rate(Board.KONEX, FIRST_WIDE)).isEqualTo(0.15);
    assertThat(KrxPriceLimits.of(Board.KONEX, FIRST_WIDE, 10_000).upper()).isEqualTo(11_500);
  }

  @Test
  void theWidthIsTruncatedToTheTickOfTheBasePrice() {
    // Base 12,350 in 2016 (tick 50): 30% is 3,705, truncated to 3,700.
    assertThat(KrxPriceLimits.of(Board.KOSPI, LocalDate.of(2016, 3, 2), 12_350))
        .isEqualTo(new KrxPriceLimits.Limits(8_650, 16_050));
    // Base 71,300 in 2024 (tick 100): 30% is 21,390, truncated to 21,300.
    assertThat(KrxPriceLimits.of(Board.KOSPI, LocalDate.of(2024, 5, 2), 71_300))
        .isEqualTo(new KrxPriceLimits.Limits(50_000, 92_600));
  }

  @Test
  void aLimitInAnotherBandIsRoundedInward() {
    // Base 1,990 in 2024 (tick 1): width 597; 2,587 lies in the 5-won band and rounds down to
    // 2,585; the lower limit 1,393 is valid as it is.
    assertThat(KrxPriceLimits.of(Board.KOSDAQ, LocalDate.of(2024, 1, 2), 1_990))
        .isEqualTo(new KrxPriceLimits.Limits(1_393, 2_585));
    // Base 5,010 in 2014 (tick 10): width 15% = 751.5, truncated to 750; 4,260 in the 5-won band.
    assertThat(KrxPriceLimits.of(Board.KOSPI, LocalDate.of(2014, 1, 2), 5_010))
        .isEqualTo(new KrxPriceLimits.Limits(4_260, 5_760));
  }

  @Test
  void fundsUseTheirFiveWonTickAndKonexItsFifteenPercent() {
    // ETF base 10,005 in 2014 (15%, tick 5): 1,500.75 truncated to 1,500.
    assertThat(KrxPriceLimits.of(Board.ETF, LocalDate.of(2014, 1, 2), 10_005))
        .isEqualTo(new KrxPriceLimits.Limits(8_505, 11_505));
    // ETF base 10,005 in 2024 (30%): 3,001.5 truncated to 3,000.
    assertThat(KrxPriceLimits.of(Board.ETF, LocalDate.of(2024, 1, 2), 10_005))
        .isEqualTo(new KrxPriceLimits.Limits(7_005, 13_005));
    // KONEX base 3,000 in 2024 (tick 5): 450.
    assertThat(KrxPriceLimits.of(Board.KONEX, LocalDate.of(2024, 1, 2), 3_000))
        .isEqualTo(new KrxPriceLimits.Limits(2_550, 3_450));
  }

  @Test
  void aBasePriceMustBeAPrice() {
    assertThatThrownBy(() -> KrxPriceLimits.of(Board.KOSPI, FIRST_WIDE, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("base price");
    assertThatThrownBy(() -> KrxPriceLimits.of(Board.KOSPI, FIRST_WIDE, Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
