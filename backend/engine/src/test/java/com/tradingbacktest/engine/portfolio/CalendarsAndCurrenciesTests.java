package com.tradingbacktest.engine.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tradingbacktest.engine.series.BarSeries;
import com.tradingbacktest.engine.series.MarketCalendar;
import com.tradingbacktest.engine.sim.CostModel;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Worked examples of mixed calendars and of a foreign-currency symbol, computed by hand. */
class CalendarsAndCurrenciesTests {

  @Test
  void aWeekdaySymbolBesideA247OneFillsAtItsOwnNextBarAndIsMarkedAtItsLastClose() {
    // Thu 02-29 .. Mon 03-04: the coin trades every day, the stock on weekdays.
    BarSeries coin =
        Daily.bars(
            "COIN",
            MarketCalendar.CRYPTO,
            new String[] {"2024-02-29", "2024-03-01", "2024-03-02", "2024-03-03", "2024-03-04"},
            new double[][] {{100, 100}, {100, 110}, {120, 120}, {125, 130}, {130, 140}});
    BarSeries stock =
        Daily.bars(
            "STOCK",
            MarketCalendar.STOCK,
            new String[] {"2024-02-29", "2024-03-01", "2024-03-04"},
            new double[][] {{50, 50}, {50, 55}, {60, 66}});
    PortfolioResult r =
        PortfolioBacktest.run(
            List.of(
                PortfolioLeg.withWeights(coin, "KRW", CostModel.none(), 1, Daily.weights(5, 0.5)),
                PortfolioLeg.withWeights(stock, "KRW", CostModel.none(), 1, Daily.weights(3, 0.5))),
            PortfolioConfig.builder().initialCapital(10_000).build());

    assertThat(r.times()).hasSize(5);
    // 02-29 decides; 03-01 open: COIN 50 (5,000), STOCK 100 (5,000), cash 0. Close: 50 x 110 +
    // 100 x 55 = 11,000. 03-01 is March's first bar: both decide again.
    // Sat 03-02: only COIN has a bar and fills: equity = 50 x 120 (open) + 100 x 55 (STOCK's last
    // close) = 11,500; COIN floor(5,750 / 120) = 47, sells 3 at 120: cash 360.
    // Close: 360 + 47 x 120 + 100 x 55 = 11,500. Sun 03-03: 360 + 47 x 130 + 5,500 = 11,970.
    // Mon 03-04: STOCK's own next bar fills its pending target: equity = 360 + 47 x 130 (COIN's
    // open) + 100 x 60 = 12,470; STOCK floor(6,235 / 60) = 103, buys 3 at 60: cash 180.
    // Close: 180 + 47 x 140 + 103 x 66 = 13,558.
    assertThat(r.quantity()[0]).containsExactly(0, 50, 47, 47, 47);
    assertThat(r.quantity()[1]).containsExactly(0, 100, 100, 100, 103);
    assertThat(r.equity()).containsExactly(10_000, 11_000, 11_500, 11_970, 13_558);
    assertThat(r.cash()).containsExactly(10_000, 0, 360, 360, 180);
    // The stock's fill carries its own bar index (2: its third bar), not the union's (4).
    PortfolioFill last = r.fills().get(r.fills().size() - 1);
    assertThat(last.symbol()).isEqualTo("STOCK");
    assertThat(last.fill().barIndex()).isEqualTo(2);
    assertThat(last.fill().time()).isEqualTo(Daily.time("2024-03-04"));
    // Annualised on the union's calendar: a coin trades every day.
    assertThat(r.metrics().annualizedVolatility()).isPositive();
  }

  @Test
  void aUsdSymbolInAKrwAccountIsBoughtAndMarkedAtTheFxOfTheMoment() {
    BarSeries spy =
        Daily.bars(
            "SPY",
            MarketCalendar.STOCK,
            new String[] {"2024-01-02", "2024-01-03", "2024-01-04"},
            new double[][] {{100, 100}, {100, 110}, {110, 120}});
    // The FX series trades on other days too; its 01-03 close applies from 01-03 on.
    BarSeries usdkrw =
        Daily.bars(
            "USDKRW",
            MarketCalendar.CRYPTO,
            new String[] {"2024-01-01", "2024-01-02", "2024-01-03", "2024-01-04"},
            new double[][] {{1290, 1300}, {1300, 1300}, {1300, 1400}, {1400, 1350}});
    PortfolioResult r =
        PortfolioBacktest.run(
            List.of(PortfolioLeg.withWeights(spy, "USD", CostModel.none(), 1, Daily.weights(3, 1))),
            PortfolioConfig.builder()
                .initialCapital(1_000_000)
                .baseCurrency("KRW")
                .fx(Map.of("USD", usdkrw))
                .build());

    // 01-03 open at 1,400 KRW/USD: floor(1,000,000 / 1,400 / 100) = 7 shares for 700 USD =
    // 980,000 KRW; cash 20,000. Close: 7 x 110 x 1,400 + 20,000 = 1,098,000.
    // 01-04: 7 x 120 x 1,350 + 20,000 = 1,154,000.
    assertThat(r.equity()).containsExactly(1_000_000, 1_098_000, 1_154_000);
    assertThat(r.cash()).containsExactly(1_000_000, 20_000, 20_000);
    PortfolioFill buy = r.fills().get(0);
    assertThat(buy.fill().price()).isEqualTo(100); // in USD
    assertThat(buy.fxRate()).isEqualTo(1_400);
    assertThat(buy.valueInBase()).isEqualTo(980_000);
    // SPY's contribution in KRW: -980,000 + 7 x 120 x 1,350.
    assertThat(r.contribution()).containsExactly(154_000);
    // Buy and hold of SPY in KRW: (120 / 100) x (1,350 / 1,300).
    assertThat(r.metrics().buyAndHoldReturn())
        .isCloseTo(1.2 * 1350 / 1300 - 1, org.assertj.core.api.Assertions.within(1e-12));
  }

  @Test
  void aForeignCurrencyWithoutAnFxSeriesIsRefusedNamingEveryCurrency() {
    BarSeries spy =
        Daily.bars(
            "SPY", MarketCalendar.STOCK, new String[] {"2024-01-02"}, new double[][] {{1, 1}});
    BarSeries toyota =
        Daily.bars(
            "7203", MarketCalendar.STOCK, new String[] {"2024-01-02"}, new double[][] {{1, 1}});
    assertThatThrownBy(
            () ->
                PortfolioBacktest.run(
                    List.of(
                        PortfolioLeg.withWeights(spy, "USD", CostModel.none(), 1, null),
                        PortfolioLeg.withWeights(toyota, "JPY", CostModel.none(), 1, null)),
                    PortfolioConfig.builder().baseCurrency("KRW").build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("no FX series for JPY, USD: a portfolio in KRW needs");
  }

  @Test
  void anFxSeriesThatStartsAfterItsSymbolIsRefused() {
    BarSeries spy =
        Daily.bars(
            "SPY", MarketCalendar.STOCK, new String[] {"2024-01-02"}, new double[][] {{1, 1}});
    BarSeries late =
        Daily.bars(
            "USDKRW", MarketCalendar.STOCK, new String[] {"2024-01-03"}, new double[][] {{1, 1}});
    assertThatThrownBy(
            () ->
                PortfolioBacktest.run(
                    List.of(PortfolioLeg.withWeights(spy, "USD", CostModel.none(), 1, null)),
                    PortfolioConfig.builder().fx(Map.of("USD", late)).build()))
        .hasMessageContaining("the USD FX series starts 2024-01-03T00:00:00Z")
        .hasMessageContaining("after SPY's first bar 2024-01-02T00:00:00Z");
  }
}
