package com.tradingbacktest.app.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.tradingbacktest.app.support.Api.Response;
import com.tradingbacktest.app.support.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Runs with tight limits. Client addresses are varied through X-Forwarded-For, which the server
 * trusts from loopback (an internal proxy) exactly as it would from nginx.
 */
@TestPropertySource(
    properties = {
      "tb.auth.login-attempts-per-ip-per-minute=5",
      "tb.auth.failed-logins-per-account=3",
      "tb.auth.registrations-per-ip-per-hour=3"
    })
class LoginRateLimitIntegrationTests extends IntegrationTest {

  @Test
  void limitsLoginAttemptsPerAddress() {
    String ip = "203.0.113.10";
    for (int i = 0; i < 5; i++) {
      Response attempt =
          api.post(
              "/api/v1/auth/login",
              Map.of("login", "ghost" + i, "password", "wrong-pass1"),
              "X-Forwarded-For",
              ip);
      assertThat(attempt.status()).isEqualTo(401);
    }

    Response limited =
        api.post(
            "/api/v1/auth/login",
            Map.of("login", "ghost9", "password", "wrong-pass1"),
            "X-Forwarded-For",
            ip);

    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.problemType()).isEqualTo("/problems/rate-limited");
    assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 60L);
    assertThat(
            api.post(
                    "/api/v1/auth/login",
                    Map.of("login", "ghost9", "password", "wrong-pass1"),
                    "X-Forwarded-For",
                    "203.0.113.11")
                .status())
        .isEqualTo(401);
  }

  @Test
  void limitsFailedLoginsPerAccountFromAnyAddress() {
    JsonNode user = register("198.51.100.1");
    String username = user.path("user").path("username").asString();
    for (int i = 0; i < 3; i++) {
      assertThat(
              api.post(
                      "/api/v1/auth/login",
                      Map.of("login", username, "password", "wrong-pass1"),
                      "X-Forwarded-For",
                      "198.51.100." + (10 + i))
                  .status())
          .isEqualTo(401);
    }

    Response rightPassword =
        api.post(
            "/api/v1/auth/login",
            Map.of("login", username, "password", "s3cret-pass"),
            "X-Forwarded-For",
            "198.51.100.99");

    assertThat(rightPassword.status()).isEqualTo(429);
    assertThat(rightPassword.header("Retry-After")).isNotNull();
    assertThat(rightPassword.json().path("retry_after_seconds").asLong()).isPositive();
  }

  @Test
  void successfulLoginsDoNotSpendTheAccountBudget() {
    JsonNode user = register("192.0.2.1");
    String username = user.path("user").path("username").asString();
    for (int i = 0; i < 4; i++) {
      assertThat(
              api.post(
                      "/api/v1/auth/login",
                      Map.of("login", username, "password", "s3cret-pass"),
                      "X-Forwarded-For",
                      "192.0.2." + (20 + i))
                  .status())
          .isEqualTo(200);
    }
  }

  @Test
  void limitsSignUpsPerAddress() {
    String ip = "100.64.0.7";
    for (int i = 0; i < 3; i++) {
      register(ip);
    }
    Response fourth =
        api.post(
            "/api/v1/auth/register",
            Map.of(
                "email",
                "x" + System.nanoTime() + "@example.com",
                "username",
                "x" + System.nanoTime(),
                "password",
                "s3cret-pass"),
            "X-Forwarded-For",
            ip);

    assertThat(fourth.status()).isEqualTo(429);
  }

  private JsonNode register(String ip) {
    String name = "rl" + System.nanoTime();
    Response response =
        api.post(
            "/api/v1/auth/register",
            Map.of("email", name + "@example.com", "username", name, "password", "s3cret-pass"),
            "X-Forwarded-For",
            ip);
    assertThat(response.status()).isEqualTo(201);
    return response.json();
  }
}
