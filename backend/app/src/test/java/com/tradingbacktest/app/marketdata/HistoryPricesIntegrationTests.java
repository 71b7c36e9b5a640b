package com.tradingbacktest.app.marketdata;

import static org.assertj.core.api.Assertions.assertThat;

import com.tradingbacktest.app.support.Api.Response;
import com.tradingbacktest.app.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * GET /api/v1/data/historical?adjustment=...: the codes of a run's price_adjustment, split-adjusted
 * by default; a series without corporate actions reads the same in each.
 */
class HistoryPricesIntegrationTests extends IntegrationTest {

  private String auth;

  @BeforeEach
  void signIn() {
    auth = com.tradingbacktest.app.support.Api.bearer(api.registerUser("history"));
  }

  @Test
  void takesTheCodesOfARunsAdjustmentAndRefusesOthers() {
    Response bad = historical("symbol=AAPL&interval=1d&limit=5&adjustment=adjusted");
    assertThat(bad.status()).as(bad.toString()).isEqualTo(422);
    assertThat(bad.errorMessages("adjustment"))
        .singleElement()
        .asString()
        .isEqualTo("must be raw, split_adjusted or total_return");

    JsonNode byDefault = historical("symbol=AAPL&interval=1d&limit=50").json();
    assertThat(byDefault.path("bars")).hasSize(50);
    for (String adjustment : new String[] {"raw", "split_adjusted", "total_return"}) {
      Response page = historical("symbol=AAPL&interval=1d&limit=50&adjustment=" + adjustment);
      assertThat(page.status()).as(page.toString()).isEqualTo(200);
      assertThat(page.json().path("bars"))
          .as("AAPL's sample has no corporate actions: %s reads the stored bars", adjustment)
          .isEqualTo(byDefault.path("bars"));
    }
  }

  private Response historical(String query) {
    return api.get("/api/v1/data/historical?" + query, "Authorization", auth);
  }
}
