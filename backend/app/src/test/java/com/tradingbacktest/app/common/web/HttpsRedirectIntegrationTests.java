package com.tradingbacktest.app.common.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.tradingbacktest.app.support.Api.Response;
import com.tradingbacktest.app.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** With REQUIRE_HTTPS, a request that reached the proxy over plain HTTP is sent to HTTPS. */
@TestPropertySource(properties = "tb.web.require-https=true")
class HttpsRedirectIntegrationTests extends IntegrationTest {

  @Test
  void redirectsPlainHttpSeenThroughTheProxy() {
    Response plain =
        api.get(
            "/api/v1/auth/me", "X-Forwarded-Proto", "http", "X-Forwarded-Host", "backtest.example");

    assertThat(plain.status()).isIn(301, 302, 307, 308);
    assertThat(plain.header("Location")).startsWith("https://backtest.example/api/v1/auth/me");
  }

  @Test
  void servesRequestsThatCameOverHttps() {
    Response secure = api.get("/actuator/health", "X-Forwarded-Proto", "https");

    assertThat(secure.status()).isEqualTo(200);
    assertThat(secure.header("Strict-Transport-Security")).isNotNull();
  }
}
