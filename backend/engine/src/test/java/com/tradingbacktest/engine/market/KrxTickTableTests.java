package com.tradingbacktest.engine.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Every band boundary of every dated table, by hand. */
class KrxTickTableTests {

  private static final LocalDate BEFORE = LocalDate.of(2023, 1, 24);
  private static final LocalDate FROM = LocalDate.of(2023, 1, 25);

  /** The tick just below and at each bound: {@code {bound, tickBelow, tickFrom}}. */
  private static void assertBands(Board board, LocalDate date, double[][] bands) {
    KrxTickTable table = KrxTickTable.of(board, date);
    for (double[] band : bands) {
      double bound = band[0];
      assertThat(table.tick(bound - 0.5))
          .as("%s %s below %s", board, date, bound)
          .isEqualTo(band[1]);
      assertThat(table.tick(bound)).as("%s %s at %s", board, date, bound).isEqualTo(band[2]);
      // The last valid price below the bound is one lower tick down; the bound itself is valid.
      assertThat(table.roundDown(bound - 0.5)).isEqualTo(bound - band[1]);
      assertThat(table.roundUp(bound - band[1] + 0.5)).isEqualTo(bound);
      assertThat(table.isValid(bound)).isTrue();
      assertThat(table.isValid(bound - band[1])).isTrue();
      assertThat(table.roundUp(bound + 0.5)).isEqualTo(bound + band[2]);
      assertThat(table.roundDown(bound + band[2] - 0.5)).isEqualTo(bound);
    }
  }

  @Test
  void kospiBeforeTheReformHasSevenBands() {
    assertBands(
        Board.KOSPI,
        BEFORE,
        new double[][] {
          {1_000, 1, 5},
          {5_000, 5, 10},
          {10_000, 10, 50},
          {50_000, 50, 100},
          {100_000, 100, 500},
          {500_000, 500, 1_000}
        });
    KrxTickTable table = KrxTickTable.of(Board.KOSPI, BEFORE);
    assertThat(table.tick(1)).isEqualTo(1);
    assertThat(table.tick(2_000_000)).isEqualTo(1_000);
  }

  @Test
  void kosdaqAndKonexBeforeTheReformStopAtOneHundred() {
    double[][] bands = {
      {1_000, 1, 5},
      {5_000, 5, 10},
      {10_000, 10, 50},
      {50_000, 50, 100}
    };
    assertBands(Board.KOSDAQ, BEFORE, bands);
    assertBands(Board.KONEX, BEFORE, bands);
    assertThat(KrxTickTable.tick(Board.KOSDAQ, BEFORE, 100_000)).isEqualTo(100);
    assertThat(KrxTickTable.tick(Board.KOSDAQ, BEFORE, 700_000)).isEqualTo(100);
  }

  @Test
  void theUnifiedTableFromTheReformDayIsTheSameOnEveryStockBoard() {
    double[][] bands = {
      {2_000, 1, 5},
      {5_000, 5, 10},
      {20_000, 10, 50},
      {50_000, 50, 100},
      {200_000, 100, 500},
      {500_000, 500, 1_000}
    };
    assertBands(Board.KOSPI, FROM, bands);
    assertBands(Board.KOSDAQ, FROM, bands);
    assertBands(Board.KONEX, FROM, bands);
  }

  @Test
  void theReformChangesTheTickOnItsFirstDay() {
    // 1,500 KRW: 5 the day before (1,000 to 5,000), 1 on the day (below 2,000).
    assertThat(KrxTickTable.tick(Board.KOSPI, BEFORE, 1_500)).isEqualTo(5);
    assertThat(KrxTickTable.tick(Board.KOSPI, FROM, 1_500)).isEqualTo(1);
    // 15,000: 50 before (10,000 to 50,000), 10 after (5,000 to 20,000).
    assertThat(KrxTickTable.tick(Board.KOSPI, BEFORE, 15_000)).isEqualTo(50);
    assertThat(KrxTickTable.tick(Board.KOSPI, FROM, 15_000)).isEqualTo(10);
    // KOSDAQ 300,000: 100 before, 500 after.
    assertThat(KrxTickTable.tick(Board.KOSDAQ, BEFORE, 300_000)).isEqualTo(100);
    assertThat(KrxTickTable.tick(Board.KOSDAQ, FROM, 300_000)).isEqualTo(500);
  }

  @Test
  void fundsTradeInFiveWonAtEveryPriceAndDate() {
    for (LocalDate date : new LocalDate[] {LocalDate.of(2010, 1, 4), BEFORE, FROM}) {
      KrxTickTable table = KrxTickTable.of(Board.ETF, date);
      assertThat(table.tick(100)).isEqualTo(5);
      assertThat(table.tick(9_999)).isEqualTo(5);
      assertThat(table.tick(1_000_000)).isEqualTo(5);
      assertThat(table.roundDown(10_003)).isEqualTo(10_000);
      assertThat(table.roundUp(10_003)).isEqualTo(10_005);
    }
  }

  @Test
  void roundingKeepsValidPricesAndWholeTicksDespiteFloatingError() {
    KrxTickTable table = KrxTickTable.of(Board.KOSPI, FROM);
    assertThat(table.roundDown(71_300)).isEqualTo(71_300);
    assertThat(table.roundUp(71_300)).isEqualTo(71_300);
    assertThat(table.roundDown(71_299.99999999999)).isEqualTo(71_300);
    assertThat(table.roundUp(71_300.00000000001)).isEqualTo(71_300);
    assertThat(table.roundDown(71_351.2)).isEqualTo(71_300);
    assertThat(table.roundUp(71_351.2)).isEqualTo(71_400);
    assertThat(table.roundDown(Double.NaN)).isNaN();
    assertThat(table.isValid(71_350)).isFalse();
  }

  @Test
  void boardsParseFromTheirCodes() {
    assertThat(Board.parse("KOSDAQ")).isEqualTo(Board.KOSDAQ);
    assertThat(Board.parse(" etf ")).isEqualTo(Board.ETF);
    assertThat(Board.KONEX.code()).isEqualTo("konex");
    assertThatThrownBy(() -> Board.parse("nyse"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("kospi, kosdaq, konex, etf");
  }
}
