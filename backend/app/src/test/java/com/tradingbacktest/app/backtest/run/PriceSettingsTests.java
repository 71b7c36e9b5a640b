package com.tradingbacktest.app.backtest.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.tradingbacktest.app.backtest.RunSettings;
import com.tradingbacktest.engine.market.Board;
import com.tradingbacktest.engine.market.MarketRules;
import com.tradingbacktest.engine.prices.CorporateAction;
import com.tradingbacktest.engine.prices.CorporateActions;
import com.tradingbacktest.engine.prices.PriceBasis;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How a request's price fields resolve, and the canonical text a fingerprint covers. */
class PriceSettingsTests {

  private final Map<String, String> errors = new LinkedHashMap<>();

  private RunSettings.Prices resolve(
      String adjustment, String dividends, Boolean limits, String... boards) {
    return PriceSettings.resolve(
        new BacktestRequest.PriceFields(adjustment, dividends, limits),
        Arrays.asList(boards),
        PriceBasis.RAW,
        errors);
  }

  @Test
  void aKrxSymbolHasItsBoardsRulesWithPriceLimitsUnlessTheRequestTurnsThemOff() {
    RunSettings.Prices prices = resolve(null, null, null, "kosdaq");
    assertThat(prices.priceLimits()).isTrue();
    assertThat(prices.board()).isEqualTo("kosdaq");
    assertThat(prices.marketRules(prices.board()))
        .isEqualTo(MarketRules.krx(Board.KOSDAQ).withPriceLimits(true));

    RunSettings.Prices off = resolve(null, null, false, "kospi");
    assertThat(off.priceLimits()).isFalse();
    assertThat(off.note()).isNull();
    assertThat(off.marketRules("kospi"))
        .as("the tick table still applies")
        .isEqualTo(MarketRules.krx(Board.KOSPI).withPriceLimits(false));
    assertThat(errors).isEmpty();
  }

  @Test
  void outsideKrxThereAreNoRulesAndAskingForLimitsLeavesANote() {
    RunSettings.Prices prices = resolve(null, null, true, (String) null);
    assertThat(prices.priceLimits()).isFalse();
    assertThat(prices.note()).isEqualTo(PriceSettings.LIMITS_IGNORED);
    assertThat(prices.marketRules(null)).isEqualTo(MarketRules.none());
    assertThat(resolve(null, null, null, (String) null).note()).isNull();
  }

  @Test
  void aPortfolioWithOneKrxSymbolHasLimitsForItWithoutANote() {
    RunSettings.Prices prices = resolve(null, null, true, null, "kospi");
    assertThat(prices.priceLimits()).isTrue();
    assertThat(prices.note()).isNull();
    assertThat(prices.board()).as("the first symbol's").isNull();
    assertThat(prices.marketRules("kospi")).isEqualTo(MarketRules.krx(Board.KOSPI));
  }

  @Test
  void defaultsToSplitAdjustedWithCashAndTotalReturnToNone() {
    RunSettings.Prices prices = resolve(null, null, null);
    assertThat(prices.priceAdjustment()).isEqualTo("split_adjusted");
    assertThat(prices.dividends()).isEqualTo("cash");
    assertThat(prices.priceBasis()).isEqualTo("raw");
    assertThat(prices.asStored()).isFalse();
    assertThat(resolve("total_return", null, null).dividends()).isEqualTo("none");
    assertThat(resolve("raw", "none", null).dividendsAsCash()).isFalse();
    assertThat(errors).isEmpty();

    resolve("total_return", "cash", null);
    assertThat(errors).containsOnlyKeys("dividends");
  }

  @Test
  void aBenchmarkOfARunWithCashDividendsIsMeasuredOnItsTotalReturn() {
    RunSettings.Prices cash = resolve(null, null, null);
    assertThat(cash.forBenchmark().adjustment()).isEqualTo(PriceBasis.TOTAL_RETURN);
    assertThat(cash.forBenchmark().dividendsAsCash()).isFalse();
    RunSettings.Prices none = resolve("raw", "none", null);
    assertThat(none.forBenchmark()).isSameAs(none);
    RunSettings.Prices asStored = RunSettings.Prices.asStored(PriceBasis.SPLIT_ADJUSTED);
    assertThat(asStored.forBenchmark()).isSameAs(asStored);
    assertThat(asStored.marketRules("kospi"))
        .as("a run stored before market rules keeps trading without them")
        .isEqualTo(MarketRules.none());
  }

  @Test
  void priceInputsAreCanonicalTextAndNoneWhenNothingChangesTheStoredBars() {
    RunSettings.Prices raw = resolve("raw", "none", null);
    assertThat(RunPrices.inputs("AAPL", PriceBasis.RAW, raw, CorporateActions.NONE)).isNull();
    assertThat(
            RunPrices.inputs(
                "AAPL", PriceBasis.RAW, resolve("raw", "cash", null), CorporateActions.NONE))
        .as("dividends as cash were asked for")
        .isEqualTo("series AAPL\nbasis raw\nadjustment raw\ndividends cash\n");
    CorporateActions actions =
        new CorporateActions(
            List.of(
                new CorporateAction.CashDividend(LocalDate.of(2018, 11, 8), 0.73),
                new CorporateAction.Split(LocalDate.of(2014, 6, 9), 7),
                new CorporateAction.Halt(LocalDate.of(2020, 3, 2), LocalDate.of(2020, 3, 3))));
    assertThat(RunPrices.inputs("AAPL", PriceBasis.RAW, raw, actions))
        .isEqualTo(
            """
            series AAPL
            basis raw
            adjustment raw
            dividends none
            split 2014-06-09 7.0
            dividend 2018-11-08 0.73
            halt 2020-03-02 2020-03-03
            """);
    assertThat(RunPrices.combine(Arrays.asList(null, null))).isNull();
    assertThat(RunPrices.combine(Arrays.asList(null, "x\n"))).isEqualTo("as stored\n--\nx\n--\n");
  }
}
