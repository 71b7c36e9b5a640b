package com.tradingbacktest.app.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.tradingbacktest.app.support.Api.Response;
import com.tradingbacktest.app.support.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Runs with tight limits. Client addresses are varied through X-Forwarded-For, which the tests'
 * server trusts from loopback (TRUSTED_PROXIES) exactly as the single image's app trusts its nginx.
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
      Response attempt = loginFrom(ip, "ghost" + i, "wrong-pass1");
      assertThat(attempt.status()).isEqualTo(401);
    }

    Response limited = loginFrom(ip, "ghost9", "wrong-pass1");

    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.problemType()).isEqualTo("/problems/rate-limited");
    assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 60L);
    assertThat(loginFrom("203.0.113.11", "ghost9", "wrong-pass1").status()).isEqualTo(401);
  }

  @Test
  void countsTheAddressTheTrustedProxySawNotOneTheClientAddedToTheChain() {
    for (int i = 0; i < 5; i++) {
      Response attempt = loginVia("203.0.113." + (100 + i) + ", 192.0.2.200", "ghost" + i);
      assertThat(attempt.status()).isEqualTo(401);
    }

    Response limited = loginVia("203.0.113.199, 192.0.2.200", "ghost9");

    assertThat(limited.status()).isEqualTo(429);
  }

  private Response loginVia(String forwardedFor, String login) {
    return api.post(
        "/api/v1/auth/login",
        Map.of("login", login, "password", "wrong-pass1"),
        "X-Forwarded-For",
        forwardedFor);
  }

  @Test
  void limitsFailedLoginsPerAccountFromAnyAddress() {
    JsonNode user = register("198.51.100.1");
    String username = user.path("user").path("username").asString();
    for (int i = 0; i < 3; i++) {
      assertThat(loginFrom("198.51.100." + (10 + i), username, "wrong-pass1").status())
          .isEqualTo(401);
    }

    Response rightPassword = loginFrom("198.51.100.99", username, "s3cret-pass");

    assertThat(rightPassword.status()).isEqualTo(429);
    assertThat(rightPassword.header("Retry-After")).isNotNull();
    assertThat(rightPassword.json().path("retry_after_seconds").asLong()).isPositive();
  }

  @Test
  void countsFailedLoginsPerAccountWhicheverNameTheyUse() {
    JsonNode user = register("198.51.100.2");
    String username = user.path("user").path("username").asString();
    String email = user.path("user").path("email").asString();
    assertThat(loginFrom("198.51.100.20", username, "wrong-pass1").status()).isEqualTo(401);
    assertThat(loginFrom("198.51.100.21", email, "wrong-pass1").status()).isEqualTo(401);
    assertThat(loginFrom("198.51.100.22", username, "wrong-pass1").status()).isEqualTo(401);

    // Three failures under two texts: each text has budget left, the account has none.
    Response byUsername = loginFrom("198.51.100.23", username, "s3cret-pass");

    assertThat(byUsername.status()).isEqualTo(429);
    assertThat(byUsername.problemType()).isEqualTo("/problems/rate-limited");
    assertThat(byUsername.header("Retry-After")).isNotNull();
  }

  @Test
  void successfulLoginsDoNotSpendTheAccountBudget() {
    JsonNode user = register("192.0.2.1");
    String username = user.path("user").path("username").asString();
    for (int i = 0; i < 4; i++) {
      assertThat(loginFrom("192.0.2." + (20 + i), username, "s3cret-pass").status()).isEqualTo(200);
    }
  }

  @Test
  void limitsSignUpsPerAddress() {
    String ip = "100.64.0.7";
    for (int i = 0; i < 3; i++) {
      register(ip);
    }
    Response fourth = signUpFrom(ip);

    assertThat(fourth.status()).isEqualTo(429);
  }

  /** Registers a new user from this address, which must succeed; returns its tokens. */
  private JsonNode register(String ip) {
    Response response = signUpFrom(ip);
    assertThat(response.status()).isEqualTo(201);
    return response.json();
  }

  private Response signUpFrom(String ip) {
    String name = "rl" + System.nanoTime();
    return api.post(
        "/api/v1/auth/register",
        Map.of("email", name + "@example.com", "username", name, "password", "s3cret-pass"),
        "X-Forwarded-For",
        ip);
  }

  private Response loginFrom(String ip, String login, String password) {
    return api.post(
        "/api/v1/auth/login", Map.of("login", login, "password", password), "X-Forwarded-For", ip);
  }
}
