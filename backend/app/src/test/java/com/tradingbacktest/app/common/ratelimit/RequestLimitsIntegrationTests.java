package com.tradingbacktest.app.common.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import com.tradingbacktest.app.support.Api;
import com.tradingbacktest.app.support.Api.Response;
import com.tradingbacktest.app.support.IntegrationTest;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * Each kind of expensive request has its own per-account budget: spending one kind's leaves the
 * others and other accounts untouched, and the refusal is a 429 problem with Retry-After. Every
 * request counts, whether or not it then succeeds, so these send cheap ones.
 */
@TestPropertySource(
    properties = {
      "tb.rate-limit.imports-per-minute=1",
      "tb.rate-limit.validations-per-minute=2",
      "tb.rate-limit.history-reads-per-minute=2",
      "tb.rate-limit.runs-per-minute=1"
    })
class RequestLimitsIntegrationTests extends IntegrationTest {

  @Test
  void limitsStrategyValidationsPerAccount() {
    String user = Api.bearer(api.registerUser("validate"));
    Supplier<Response> validate =
        () ->
            api.post(
                "/api/v1/strategies/validate",
                Map.of("code", "entry = close > sma(close, 20)"),
                "Authorization",
                user);

    assertThat(validate.get().status()).isEqualTo(200);
    assertThat(validate.get().status()).isEqualTo(200);
    Response limited = validate.get();

    assertRateLimited(limited, "strategy validations");
    // Another kind, and another account, still have their whole budget.
    assertThat(history(user).status()).isNotEqualTo(429);
    String other = Api.bearer(api.registerUser("validate"));
    assertThat(
            api.post(
                    "/api/v1/strategies/validate",
                    Map.of("code", "entry = close > 1"),
                    "Authorization",
                    other)
                .status())
        .isEqualTo(200);
  }

  @Test
  void limitsHistoryReadsPerAccount() {
    String user = Api.bearer(api.registerUser("history"));

    assertThat(history(user).status()).isNotEqualTo(429);
    assertThat(history(user).status()).isNotEqualTo(429);

    assertRateLimited(history(user), "history reads");
  }

  @Test
  void limitsImportsPerAccount() {
    String user = Api.bearer(api.registerUser("import"));

    Response first = api.post("/api/v1/data/import", Map.of(), "Authorization", user);
    Response second = api.post("/api/v1/data/import", Map.of(), "Authorization", user);

    assertThat(first.status()).isEqualTo(422);
    assertRateLimited(second, "imports");
  }

  @Test
  void limitsRunsAndOptimisationsStartedTogetherPerAccount() {
    String user = Api.bearer(api.registerUser("runs"));

    Response run = api.post("/api/v1/backtests", Map.of(), "Authorization", user);
    Response optimisation = api.post("/api/v1/backtests/optimize", Map.of(), "Authorization", user);

    assertThat(run.status()).isEqualTo(422);
    assertRateLimited(optimisation, "runs started");
  }

  private Response history(String user) {
    return api.get(
        "/api/v1/data/historical?symbol=AAPL&interval=1d&limit=10", "Authorization", user);
  }

  private static void assertRateLimited(Response response, String what) {
    assertThat(response.status()).as(response.toString()).isEqualTo(429);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    assertThat(response.problemType()).isEqualTo("/problems/rate-limited");
    assertThat(response.json().path("detail").asString()).contains("Too many " + what);
    assertThat(Long.parseLong(response.header("Retry-After"))).isBetween(1L, 60L);
    assertThat(response.json().path("retry_after_seconds").asLong()).isBetween(1L, 60L);
  }
}
