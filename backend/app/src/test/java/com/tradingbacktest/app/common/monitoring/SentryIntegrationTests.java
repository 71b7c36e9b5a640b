package com.tradingbacktest.app.common.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.tradingbacktest.app.TradingBacktestApplication;
import com.tradingbacktest.app.support.Api;
import com.tradingbacktest.app.support.Api.Response;
import com.tradingbacktest.app.support.IntegrationTest;
import io.sentry.Sentry;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The app with SENTRY_DSN pointing at a local HTTP server that plays Sentry's ingest endpoint: what
 * arrives there is what Sentry would get.
 */
class SentryIntegrationTests {

  private static final String RELEASE = "trading-backtest@9.9.9-test";
  private static final String ENVIRONMENT = "ci-test";

  private static MockWebServer sentry;
  private static ConfigurableApplicationContext app;
  private static Api api;
  private static JsonMapper json = JsonMapper.builder().build();

  /**
   * An endpoint failing the way a bug would (component scans skip test classes: it is added below).
   */
  @RestController
  static class FailingEndpoint {
    @GetMapping("/test-only/failure")
    String fail() {
      throw new IllegalStateException("Lookup failed for someone@example.com");
    }
  }

  @BeforeAll
  static void start() throws IOException {
    sentry = new MockWebServer();
    sentry.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            return new MockResponse.Builder().code(200).body("{}").build();
          }
        });
    sentry.start();
    app =
        new SpringApplication(TradingBacktestApplication.class, FailingEndpoint.class)
            .run(
                "--server.port=0",
                "--tb.database.data-dir=" + IntegrationTest.newDataDir(),
                "--tb.auth.bcrypt-strength=4",
                "--tb.marketdata.seed-online=false",
                "--sentry.dsn=http://public-key@localhost:" + sentry.getPort() + "/1",
                "--sentry.release=" + RELEASE,
                "--sentry.environment=" + ENVIRONMENT);
    api =
        new Api(
            "http://localhost:" + ((WebServerApplicationContext) app).getWebServer().getPort(),
            app.getBean(JsonMapper.class));
  }

  @AfterAll
  static void stop() throws IOException {
    if (app != null) {
      app.close();
    }
    Sentry.close();
    sentry.close();
  }

  @BeforeEach
  void forgetEarlierEnvelopes() {
    envelopes(200);
  }

  @Test
  void reportsAnUnexpected500WithReleaseEnvironmentAndRequestId() {
    JsonNode tokens = api.registerUser("sentry");
    String accessToken = tokens.path("access_token").asString();
    String email = tokens.path("user").path("email").asString();

    Response failed =
        api.get(
            "/test-only/failure?symbol=AAPL&access_token=secret-in-query",
            "Authorization",
            "Bearer " + accessToken,
            "Cookie",
            "tb_refresh=refresh-cookie-secret",
            "X-Forwarded-For",
            "203.0.113.9");

    assertThat(failed.status()).isEqualTo(500);
    assertThat(failed.problemType()).isEqualTo("/problems/internal-error");
    String requestId = failed.header("X-Request-Id");
    List<String> envelopes = envelopes(10_000);
    JsonNode event =
        events(envelopes).stream()
            .filter(
                e ->
                    e.path("exception")
                        .path("values")
                        .path(0)
                        .path("type")
                        .asString()
                        .equals("IllegalStateException"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no event among " + envelopes));
    assertThat(event.path("release").asString()).isEqualTo(RELEASE);
    assertThat(event.path("environment").asString()).isEqualTo(ENVIRONMENT);
    assertThat(event.path("level").asString()).isEqualTo("error");
    assertThat(event.path("tags").path("request_id").asString()).isEqualTo(requestId);
    assertThat(event.path("request").path("url").asString()).endsWith("/test-only/failure");
    assertThat(event.path("request").path("query_string").asString())
        .contains("symbol=AAPL")
        .contains("access_token=[redacted]");
    assertThat(event.path("exception").path("values").path(0).path("value").asString())
        .isEqualTo("Lookup failed for [redacted]");
    String sent = String.join("\n", envelopes);
    assertThat(sent)
        .doesNotContain(
            accessToken,
            email,
            "someone@example.com",
            "refresh-cookie-secret",
            "secret-in-query",
            "203.0.113.9");
  }

  @Test
  void leavesHandledClientErrorsUnreported() {
    String auth = Api.bearer(api.registerUser("quiet"));

    assertThat(api.get("/api/v1/data/symbols/NO-SUCH-SYMBOL", "Authorization", auth).status())
        .isEqualTo(404);
    assertThat(api.get("/api/v1/strategies").status()).isEqualTo(401);
    assertThat(api.post("/api/v1/auth/login", "{}").status()).isEqualTo(422);
    Sentry.flush(5_000);

    assertThat(events(envelopes(1_000))).isEmpty();
  }

  /** Envelope bodies received until none arrives for {@code quietMillis}. */
  private static List<String> envelopes(long quietMillis) {
    List<String> bodies = new ArrayList<>();
    try {
      for (RecordedRequest request = sentry.takeRequest(quietMillis, TimeUnit.MILLISECONDS);
          request != null;
          request = sentry.takeRequest(quietMillis, TimeUnit.MILLISECONDS)) {
        assertThat(request.getUrl().encodedPath()).isEqualTo("/api/1/envelope/");
        assertThat(request.getHeaders().get("X-Sentry-Auth")).contains("sentry_key=public-key");
        byte[] body = request.getBody() == null ? new byte[0] : request.getBody().toByteArray();
        if ("gzip".equalsIgnoreCase(request.getHeaders().get("Content-Encoding"))) {
          body = new GZIPInputStream(new ByteArrayInputStream(body)).readAllBytes();
        }
        bodies.add(new String(body, StandardCharsets.UTF_8));
        quietMillis = Math.min(quietMillis, 1_000);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bodies;
  }

  /** The event items of envelopes (a header line, then item header and payload lines). */
  private static List<JsonNode> events(List<String> envelopes) {
    List<JsonNode> events = new ArrayList<>();
    for (String envelope : envelopes) {
      String[] lines = envelope.split("\n", -1);
      for (int i = 1; i + 1 < lines.length; i += 2) {
        if (json.readTree(lines[i]).path("type").asString().equals("event")) {
          events.add(json.readTree(lines[i + 1]));
        }
      }
    }
    return events;
  }
}
