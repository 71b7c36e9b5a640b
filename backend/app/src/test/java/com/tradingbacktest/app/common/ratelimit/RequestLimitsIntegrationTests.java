package com.tradingbacktest.app.common.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import com.tradingbacktest.app.support.Api;
import com.tradingbacktest.app.support.Api.Response;
import com.tradingbacktest.app.support.IntegrationTest;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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
      "tb.rate-limit.runs-per-minute=1",
      "tb.rate-limit.previews-per-minute=2"
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

  /**
   * A budget of one: the first request (empty, so refused as invalid) spends it, and the second is
   * refused, whether it is the same kind (imports) or another one sharing the budget (runs,
   * optimisations and walk-forwards).
   */
  @ParameterizedTest(name = "{3}")
  @CsvSource({
    "import, /api/v1/data/import, /api/v1/data/import, imports",
    "runs, /api/v1/backtests, /api/v1/backtests/optimize, runs started",
    "walks, /api/v1/backtests/walk-forward, /api/v1/backtests, runs started"
  })
  void limitsRequestsThatShareABudgetPerAccount(
      String username, String first, String second, String what) {
    String user = Api.bearer(api.registerUser(username));

    Response spent = api.post(first, Map.of(), "Authorization", user);
    Response refused = api.post(second, Map.of(), "Authorization", user);

    assertThat(spent.status()).isEqualTo(422);
    assertRateLimited(refused, what);
  }

  /**
   * Previews have a budget of their own: spending it refuses the next preview, while runs (which
   * previews never count toward) still have theirs.
   */
  @Test
  void limitsPreviewsPerAccountApartFromRuns() {
    String user = Api.bearer(api.registerUser("preview"));
    Supplier<Response> preview =
        () -> api.post("/api/v1/backtests/preview", Map.of(), "Authorization", user);

    assertThat(preview.get().status()).isEqualTo(422);
    assertThat(preview.get().status()).isEqualTo(422);
    assertRateLimited(preview.get(), "previews");

    assertThat(api.post("/api/v1/backtests", Map.of(), "Authorization", user).status())
        .isEqualTo(422);
  }

  @Test
  void theRefusalSpeaksTheLanguageAskedFor() {
    String user = Api.bearer(api.registerUser("history"));
    history(user);
    history(user);

    Response korean =
        api.get(
            "/api/v1/data/historical?symbol=AAPL&interval=1d&limit=10",
            "Authorization",
            user,
            "Accept-Language",
            "ko");
    Response english = history(user);

    assertThat(korean.status()).isEqualTo(429);
    assertThat(korean.problemType())
        .isEqualTo(english.problemType())
        .isEqualTo("/problems/rate-limited");
    assertThat(korean.json().path("title").asString()).isEqualTo("요청이 너무 많음");
    assertThat(korean.json().path("detail").asString())
        .matches("시세 조회이\\(가\\) 너무 많습니다\\. 계정마다 1분에 최대 2번입니다\\. \\d+초 뒤에 다시 시도하세요\\.");
    assertThat(english.json().path("detail").asString())
        .startsWith("Too many history reads: at most 2 a minute per account. Try again in ");
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
