package com.tradingbacktest.app.marketdata.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import tools.jackson.databind.json.JsonMapper;

/** Settings pointing at the local server, and the recorded responses it serves. */
final class Fixtures {

  /** "Now" for the tests that need one: after every recorded bar. */
  static final Instant NOW = Instant.parse("2024-03-12T00:00:00Z");

  static final JsonMapper JSON = JsonMapper.builder().build();

  private Fixtures() {}

  /**
   * The defaults of {@code tb.fetch}, but every source at {@code server}: 4 retries, backoff from
   * 500 ms to 8 s, Retry-After honoured up to 60 s, Upbit 8/s, Binance 10/s, Yahoo 2/s.
   */
  static FetchSettings settings(MockWebServer server) {
    String url = server.url("/").toString();
    return new FetchSettings(
        url,
        url,
        url,
        url,
        Duration.ofSeconds(2),
        Duration.ofSeconds(10),
        4,
        Duration.ofMillis(500),
        Duration.ofSeconds(8),
        Duration.ofSeconds(60),
        8,
        10,
        2,
        "trading-backtest-tests");
  }

  /** 200 with the recorded JSON at {@code marketdata/fetch/<resource>}. */
  static MockResponse recorded(String resource) {
    return recorded(200, resource);
  }

  static MockResponse recorded(int status, String resource) {
    return json(status, read(resource));
  }

  static MockResponse json(int status, String body) {
    return new MockResponse.Builder()
        .code(status)
        .addHeader("Content-Type", "application/json;charset=UTF-8")
        .body(body)
        .build();
  }

  /** An error page as proxies and load balancers send them: HTML, not JSON. */
  static MockResponse html(int status) {
    return new MockResponse.Builder()
        .code(status)
        .addHeader("Content-Type", "text/html")
        .body("<html><body><h1>" + status + "</h1></body></html>")
        .build();
  }

  static String read(String resource) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/marketdata/fetch/" + resource)) {
      if (in == null) {
        throw new IllegalArgumentException("No recorded response " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
