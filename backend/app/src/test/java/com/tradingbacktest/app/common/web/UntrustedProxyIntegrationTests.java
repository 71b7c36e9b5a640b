package com.tradingbacktest.app.common.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.tradingbacktest.app.support.Api.Response;
import com.tradingbacktest.app.support.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * With TRUSTED_PROXIES empty, the default, nobody's X-Forwarded-* headers are believed, not even
 * from loopback: a client cannot choose the address its rate limits count against, nor claim HTTPS.
 */
@TestPropertySource(
    properties = {"tb.web.trusted-proxies=", "tb.auth.login-attempts-per-ip-per-minute=3"})
class UntrustedProxyIntegrationTests extends IntegrationTest {

  @Test
  void countsLoginAttemptsAgainstThePeerWhateverXForwardedForSays() {
    for (int i = 0; i < 3; i++) {
      Response attempt = loginFrom("203.0.113." + (10 + i));
      assertThat(attempt.status()).isEqualTo(401);
    }

    Response limited = loginFrom("198.51.100.99");

    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.problemType()).isEqualTo("/problems/rate-limited");
  }

  @Test
  void ignoresXForwardedProto() {
    Response response = api.get("/actuator/health", "X-Forwarded-Proto", "https");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.header("Strict-Transport-Security")).isNull();
  }

  private Response loginFrom(String forwardedFor) {
    return api.post(
        "/api/v1/auth/login",
        Map.of("login", "ghost-" + forwardedFor, "password", "wrong-pass1"),
        "X-Forwarded-For",
        forwardedFor);
  }
}
