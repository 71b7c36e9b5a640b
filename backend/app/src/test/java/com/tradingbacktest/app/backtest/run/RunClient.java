package com.tradingbacktest.app.backtest.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.tradingbacktest.app.support.Api;
import com.tradingbacktest.app.support.Api.Response;
import com.tradingbacktest.app.support.Multipart;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** One signed-in user driving the backtest endpoints over real HTTP. */
public final class RunClient {

  public static final String PATH = "/api/v1/backtests";

  public static final String OPTIMIZE = PATH + "/optimize";

  public static final String PREVIEW = PATH + "/preview";

  /** The moving-average crossover every test runs: parameters with ranges, trades on AAPL 2013. */
  public static final String SMA_CROSS =
      """
      param fast = 10 in 2..50 step 1
      param slow = 30 in 5..100 step 5
      long_entry = crossover(sma(close, fast), sma(close, slow))
      long_exit = crossunder(sma(close, fast), sma(close, slow))
      """;

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  public final Api api;
  final int port;
  final String base;
  final JsonMapper json;
  public final String[] auth;
  final JsonNode tokens;

  public RunClient(Api api, int port, JsonMapper json, String prefix) {
    this.api = api;
    this.port = port;
    this.base = "http://localhost:" + port;
    this.json = json;
    this.tokens = api.registerUser(prefix);
    this.auth = new String[] {"Authorization", Api.bearer(tokens)};
  }

  /** The same signed-in user, talking to another process of the app. */
  public RunClient(RunClient user, int port) {
    this.api = new Api("http://localhost:" + port, user.json);
    this.port = port;
    this.base = "http://localhost:" + port;
    this.json = user.json;
    this.tokens = user.tokens;
    this.auth = user.auth;
  }

  public String userId() {
    return tokens.path("user").path("id").asString();
  }

  public String strategy(String name, String code) {
    Response created = api.post("/api/v1/strategies", Map.of("name", name, "code", code), auth);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json().path("id").asString();
  }

  /** A run of {@code strategyId} over AAPL's sample days of 2013. */
  public static Map<String, Object> request(String strategyId) {
    return request(strategyId, "AAPL", "1d", "2013-01-01", "2013-12-31");
  }

  /** A run request with a capital of 10,000; dates as {@code yyyy-MM-dd}. */
  public static Map<String, Object> request(
      String strategyId, String symbol, String interval, String startDate, String endDate) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("strategy_id", strategyId);
    body.put("symbol", symbol);
    body.put("interval", interval);
    body.put("start_date", startDate);
    body.put("end_date", endDate);
    body.put("initial_capital", 10000);
    return body;
  }

  public Response start(Object body) {
    return api.post(PATH, body, auth);
  }

  public String started(Object body) {
    Response response = start(body);
    assertThat(response.status()).as(response.toString()).isEqualTo(202);
    return response.json().path("id").asString();
  }

  /** POSTs a preview request (a run request with strategy_id or code). */
  public Response preview(Object body) {
    return api.post(PREVIEW, body, auth);
  }

  /** A preview request of source {@code code} over AAPL's sample days of 2013. */
  public static Map<String, Object> previewOf(String code) {
    Map<String, Object> body = request(null);
    body.remove("strategy_id");
    body.put("code", code);
    return body;
  }

  public Response get(String path) {
    return api.get(path.startsWith("/") ? path : PATH + "/" + path, auth);
  }

  public Response delete(String id) {
    return api.delete(PATH + "/" + id, auth);
  }

  public JsonNode status(String id) {
    Response response = get(id + "/status");
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response.json();
  }

  /** Polls the status until it matches, or fails after the timeout. */
  public JsonNode awaitStatus(String id, Predicate<JsonNode> done, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    JsonNode status = status(id);
    while (!done.test(status)) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError(
            "run " + id + " did not get there in " + timeout + "; last status " + status);
      }
      sleep(200);
      status = status(id);
    }
    return status;
  }

  public JsonNode awaitFinal(String id) {
    return awaitStatus(
        id,
        s -> List.of("completed", "failed", "cancelled").contains(s.path("status").asString()),
        Duration.ofSeconds(90));
  }

  /** Polls an optimisation until it completed; fails if it ends otherwise or takes over 90 s. */
  public JsonNode awaitOptimisation(String id) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
    while (true) {
      JsonNode state = get(OPTIMIZE + "/" + id).json();
      String status = state.path("status").asString();
      if (status.equals("completed")) {
        return state;
      }
      assertThat(status).as(state.toString()).isIn("pending", "running");
      assertThat(Instant.now()).as("optimisation still " + status).isBefore(deadline);
      sleep(250);
    }
  }

  /** Reads the SSE stream to its end (or the timeout) and returns each event's data as JSON. */
  public List<JsonNode> events(String id, Duration timeout) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(base + PATH + "/" + id + "/events"))
            .header("Accept", "text/event-stream")
            .header(auth[0], auth[1])
            .timeout(timeout)
            .GET()
            .build();
    List<JsonNode> events = new ArrayList<>();
    try {
      HttpResponse<Stream<String>> response =
          HTTP.send(request, HttpResponse.BodyHandlers.ofLines());
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.headers().firstValue("Content-Type").orElse(""))
          .startsWith("text/event-stream");
      try (Stream<String> lines = response.body()) {
        lines
            .filter(l -> l.startsWith("data:"))
            .forEach(l -> events.add(json.readTree(l.substring(5).trim())));
      }
    } catch (IOException e) {
      throw new AssertionError("event stream failed after " + events, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
    return events;
  }

  /**
   * Uploads daily bars as CSV for a new custom symbol (UTC, whole units) and returns the symbol.
   */
  public String uploadDaily(String csv) {
    return upload(csv, "1d");
  }

  /** Uploads bars of {@code interval} as CSV for a new custom crypto symbol in UTC. */
  public String upload(String csv, String interval) {
    String symbol =
        "T"
            + java.util
                .UUID
                .randomUUID()
                .toString()
                .substring(0, 8)
                .toUpperCase(java.util.Locale.ROOT);
    Response response =
        Multipart.upload(
            port,
            json,
            auth[1],
            "bars.csv",
            csv,
            Map.of(
                "symbol",
                symbol,
                "interval",
                interval,
                "time_zone",
                "UTC",
                "asset_class",
                "crypto"));
    assertThat(response.status()).as(response.body()).isEqualTo(201);
    return symbol;
  }

  /**
   * Uploads {@link #dailyCsv} bars of {@code closes} for a new custom crypto symbol in UTC, priced
   * in {@code currency} and traded in fractions of a unit, as a portfolio's members are.
   */
  public String uploadFractionalDaily(String currency, double... closes) {
    String symbol = "F" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("symbol", symbol);
    fields.put("interval", "1d");
    fields.put("time_zone", "UTC");
    fields.put("asset_class", "crypto");
    fields.put("currency", currency);
    fields.put("lot_size", "0.000000001");
    Response response = Multipart.upload(port, json, auth[1], "bars.csv", dailyCsv(closes), fields);
    assertThat(response.status()).as(response.body()).isEqualTo(201);
    return symbol;
  }

  /**
   * Uploads {@code count} one-minute bars from 2020-01-01 (UTC) of a random walk for a new custom
   * symbol and returns the symbol; bars end before 2020-01-01 plus {@code count} minutes.
   */
  public String uploadMinutes(int count) {
    String symbol = "M" + java.util.UUID.randomUUID().toString().substring(0, 8);
    symbol = symbol.toUpperCase(java.util.Locale.ROOT);
    StringBuilder csv =
        new StringBuilder(count * 48).append("timestamp,open,high,low,close,volume\n");
    java.util.Random random = new java.util.Random(7);
    long t = java.time.Instant.parse("2020-01-01T00:00:00Z").getEpochSecond();
    double price = 10_000;
    for (int i = 0; i < count; i++, t += 60) {
      double close = Math.max(1, price * (1 + (random.nextDouble() - 0.5) * 0.002));
      csv.append(t).append(',').append(Math.round(price * 100) / 100.0);
      csv.append(',').append(Math.round(Math.max(price, close) * 101) / 100.0);
      csv.append(',').append(Math.round(Math.min(price, close) * 99) / 100.0);
      csv.append(',').append(Math.round(close * 100) / 100.0).append(",1\n");
      price = close;
    }
    Response response =
        Multipart.upload(
            port,
            json,
            auth[1],
            "minutes.csv",
            csv.toString(),
            Map.of(
                "symbol", symbol, "interval", "1m", "time_zone", "UTC", "asset_class", "crypto"));
    assertThat(response.status()).as(response.body()).isEqualTo(201);
    return symbol;
  }

  /** A run of {@code strategyId} over every bar {@link #uploadMinutes} stored for the symbol. */
  public static Map<String, Object> minutesRequest(String strategyId, String symbol) {
    return request(strategyId, symbol, "1m", "2020-01-01", "2025-12-31");
  }

  /**
   * A strategy light on memory and heavy on time: {@code columns} CCIs of about 2,000 bars, each
   * some 4,000 operations per bar in TA-Lib (a second or two per column over 200,000 bars).
   */
  public static String slowStrategy(int columns) {
    StringBuilder s = new StringBuilder();
    for (int k = 0; k < columns; k++) {
      s.append("c").append(k).append(" = cci(").append(2000 + k).append(")\n");
    }
    s.append("long_entry = c0 > 100");
    for (int k = 1; k < columns; k++) {
      s.append(" and c").append(k).append(" > 100");
    }
    return s.append("\nlong_exit = c0 < -100\n").toString();
  }

  /** Daily bars from 2024-01-01 with these closes; open = previous close, high/low 1 beyond. */
  public static String dailyCsv(double... closes) {
    StringBuilder csv = new StringBuilder("date,open,high,low,close,volume\n");
    java.time.LocalDate day = java.time.LocalDate.of(2024, 1, 1);
    for (int i = 0; i < closes.length; i++) {
      double open = i == 0 ? closes[0] : closes[i - 1];
      csv.append(day.plusDays(i))
          .append(',')
          .append(open)
          .append(',')
          .append(Math.max(open, closes[i]) + 1)
          .append(',')
          .append(Math.min(open, closes[i]) - 1)
          .append(',')
          .append(closes[i])
          .append(",1000\n");
    }
    return csv.toString();
  }

  public static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
