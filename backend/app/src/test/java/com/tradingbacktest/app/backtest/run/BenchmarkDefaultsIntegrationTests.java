package com.tradingbacktest.app.backtest.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.tradingbacktest.app.support.Api.Response;
import com.tradingbacktest.app.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * GET /api/v1/backtests/benchmark-defaults: the index per market, whether each is stored, the
 * total-return S&P 500 preferred once it is, and the suggestion for a symbol.
 */
class BenchmarkDefaultsIntegrationTests extends IntegrationTest {

  private static final String PATH = "/api/v1/backtests/benchmark-defaults";

  @Autowired JdbcClient jdbc;

  RunClient alice;

  @BeforeEach
  void users() {
    api.registerUser("first");
    alice = new RunClient(api, port, json, "alice");
  }

  @Test
  void suggestsAnIndexPerMarketSayingWhetherItIsStoredAndPrefersTheTotalReturnSp500() {
    Response response = alice.get(PATH + "?symbol=AAPL");
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    JsonNode markets = response.json().path("markets");
    assertThat(markets).hasSize(4);
    assertThat(markets.get(0).path("market").asString()).isEqualTo("kospi");
    assertThat(markets.get(0).path("symbol").asString()).isEqualTo("^KS11");
    assertThat(markets.get(1).path("symbol").asString()).isEqualTo("^KQ11");
    assertThat(markets.get(2).path("symbol").asString())
        .as("the total-return index is not stored: the price index")
        .isEqualTo("^GSPC");
    assertThat(markets.get(2).path("total_return").asBoolean()).isFalse();
    assertThat(markets.get(3).path("market").asString()).isEqualTo("crypto");
    assertThat(markets.get(3).path("symbol").isNull()).isTrue();
    markets.forEach(m -> assertThat(m.path("stored").asBoolean()).isFalse());
    assertThat(response.json().path("suggested").path("symbol").asString()).isEqualTo("^GSPC");

    String crypto = alice.uploadDaily(RunClient.dailyCsv(10, 11, 12));
    assertThat(
            alice
                .get(PATH + "?symbol=" + crypto)
                .json()
                .path("suggested")
                .path("market")
                .asString())
        .isEqualTo("crypto");
    assertThat(alice.get(PATH).json().path("suggested").isNull()).isTrue();
    assertThat(alice.get(PATH + "?symbol=NOPE").status()).isEqualTo(404);

    // One test: a symbol once read stays cached for minutes, so the stored index comes last.
    jdbc.sql(
            "insert into symbols (symbol, ticker, name, market, asset_class, currency, time_zone,"
                + " tick_size, lot_size, source) values ('^SP500TR', '^SP500TR', 'S&P 500 TR',"
                + " 'NYSE', 'index', 'USD', 'America/New_York', 0.01, 1, 'yahoo')")
        .update();
    try {
      JsonNode defaults = alice.get(PATH + "?symbol=AAPL").json();
      JsonNode us = defaults.path("markets").get(2);
      assertThat(us.path("symbol").asString()).isEqualTo("^SP500TR");
      assertThat(us.path("total_return").asBoolean()).isTrue();
      assertThat(us.path("stored").asBoolean()).isTrue();
      assertThat(defaults.path("suggested")).isEqualTo(us);
    } finally {
      jdbc.sql("delete from symbols where symbol = '^SP500TR'").update();
    }
  }
}
