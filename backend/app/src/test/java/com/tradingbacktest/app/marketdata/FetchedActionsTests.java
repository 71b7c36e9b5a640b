package com.tradingbacktest.app.marketdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tradingbacktest.app.marketdata.fetch.FetchException;
import com.tradingbacktest.engine.prices.CorporateAction;
import com.tradingbacktest.engine.prices.CorporateAction.CashDividend;
import com.tradingbacktest.engine.prices.CorporateAction.Split;
import com.tradingbacktest.engine.prices.PriceBasis;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class FetchedActionsTests {

  private static final SymbolInfo AAPL =
      new SymbolInfo(
          "AAPL",
          "Apple",
          "NASDAQ",
          "stock",
          "USD",
          "America/New_York",
          new BigDecimal("0.01"),
          BigDecimal.ONE,
          "yahoo",
          "AAPL",
          null,
          null,
          null);

  private static final Instant FETCHED = Instant.parse("2021-01-04T15:00:00Z");

  private static CorporateActionsRepository.Basis adjustedAt(String instant) {
    return new CorporateActionsRepository.Basis(
        PriceBasis.SPLIT_ADJUSTED, instant == null ? null : Instant.parse(instant));
  }

  @Test
  void rebasesByTheSplitsAfterTheStoredBarsWereAdjustedAndNoOthers() {
    List<CorporateAction> stored = List.of(new Split(LocalDate.of(2014, 6, 9), 7));
    List<CorporateAction> fetched = List.of(new Split(LocalDate.of(2020, 8, 31), 4));

    FetchedActions actions =
        FetchedActions.of(AAPL, "1d", fetched, stored, adjustedAt("2020-08-29T12:00:00Z"), FETCHED);

    assertThat(actions.rebase()).containsExactly(new Split(LocalDate.of(2020, 8, 31), 4));
  }

  @Test
  void aSeriesAdjustedAfterTheSplitOrAtAnUnknownTimeIsNotRebased() {
    List<CorporateAction> fetched = List.of(new Split(LocalDate.of(2020, 8, 31), 4));

    assertThat(
            FetchedActions.of(
                    AAPL, "1d", fetched, List.of(), adjustedAt("2020-09-01T00:00:00Z"), FETCHED)
                .rebase())
        .isEmpty();
    assertThat(
            FetchedActions.of(AAPL, "1d", fetched, List.of(), adjustedAt(null), FETCHED).rebase())
        .isEmpty();
    assertThat(FetchedActions.of(AAPL, "1d", fetched, List.of(), null, FETCHED).rebase())
        .as("a new series has nothing stored to rebase")
        .isEmpty();
  }

  @Test
  void aDividendIsStoredTimesTheRatioOfEverySplitAfterItsExDate() {
    List<CorporateAction> stored = List.of(new Split(LocalDate.of(2014, 6, 9), 7));
    List<CorporateAction> fetched =
        List.of(
            new CashDividend(LocalDate.of(2014, 5, 8), 0.47 / 7),
            new CashDividend(LocalDate.of(2020, 8, 7), 0.205),
            new Split(LocalDate.of(2020, 8, 31), 4),
            new CashDividend(LocalDate.of(2020, 11, 6), 0.205));

    FetchedActions actions = FetchedActions.of(AAPL, "1d", fetched, stored, null, FETCHED);

    assertThat(actions.actions())
        .extracting(a -> a instanceof CashDividend d ? d.amount() : ((Split) a).ratio())
        .containsExactly(0.47 / 7 * 28, 0.82, 4.0, 0.205);
  }

  @Test
  void yahoosAdjustedBarsCannotJoinRawOnes() {
    assertThatThrownBy(
            () ->
                FetchedActions.of(
                    AAPL,
                    "1d",
                    List.of(),
                    List.of(),
                    new CorporateActionsRepository.Basis(PriceBasis.RAW, null),
                    FETCHED))
        .isInstanceOf(FetchException.class)
        .hasMessageContaining("are raw prices");
  }
}
