package com.tradingbacktest.app.common.error;

import static com.tradingbacktest.app.support.Api.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import com.tradingbacktest.app.support.Api.Response;
import com.tradingbacktest.app.support.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * A NUL character (U+0000), which PostgreSQL stores in no text column, is a client's mistake
 * wherever it comes: a 400 problem document, and nothing stored.
 */
class NulCharacterIntegrationTests extends IntegrationTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/api/v1/strategies?query=%00",
        "/api/v1/backtests?symbol=%00",
        "/api/v1/data/symbols?query=%00",
        "/api/v1/data/historical?symbol=%00&interval=1d",
        "/api/v1/data/historical?symbol=A%00B&interval=1d"
      })
  void aNulInAQueryParameterIsABadRequest(String path) {
    JsonNode user = api.registerUser("nul");

    Response response = api.get(path, "Authorization", bearer(user));

    assertInvalidText(response);
  }

  @Test
  void aNulInAJsonStringIsABadRequestAndStoresNothing() {
    JsonNode user = api.registerUser("nul");
    String code = "long_entry = close > open\nlong_exit = close < open\n";

    Response response =
        api.post(
            "/api/v1/strategies",
            Map.of("name", "nul check", "description", "a\u0000b", "code", code),
            "Authorization",
            bearer(user));

    assertInvalidText(response);
    Response list = api.get("/api/v1/strategies", "Authorization", bearer(user));
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.json().path("total").asLong()).isZero();
  }

  private static void assertInvalidText(Response response) {
    assertThat(response.status()).as(response.toString()).isEqualTo(400);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    assertThat(response.problemType()).isEqualTo("/problems/invalid-text");
    assertThat(response.json().path("detail").asString()).contains("NUL");
    assertThat(response.body()).doesNotContainIgnoringCase("sql").doesNotContain("PSQLException");
  }
}
