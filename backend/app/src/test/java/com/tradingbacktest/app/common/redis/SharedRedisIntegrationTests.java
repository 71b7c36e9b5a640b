package com.tradingbacktest.app.common.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tradingbacktest.app.TradingBacktestApplication;
import com.tradingbacktest.app.support.Api;
import com.tradingbacktest.app.support.Api.Response;
import com.tradingbacktest.app.support.IntegrationTest;
import com.tradingbacktest.app.support.TestRedis;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two instances of the app on one PostgreSQL and one real redis-server, as in production with
 * REDIS_URL set: rate limits and the market-data cache are shared, and when Redis is stopped both
 * keep answering with local limits and caches, then share again once it is back. Tight login limit:
 * 5 a minute per address, addresses varied through X-Forwarded-For (trusted from loopback, as from
 * nginx).
 */
@ExtendWith(OutputCaptureExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SharedRedisIntegrationTests {

  private static TestRedis redis;
  private static EmbeddedPostgres database;
  private static ConfigurableApplicationContext appA;
  private static ConfigurableApplicationContext appB;
  private static Api a;
  private static Api b;
  private static String auth;

  @BeforeAll
  static void start() throws IOException {
    redis = TestRedis.started();
    database =
        EmbeddedPostgres.builder()
            .setDataDirectory(IntegrationTest.newDataDir())
            .setCleanDataDirectory(true)
            .start();
    appA = startApp();
    appB = startApp();
    a = api(appA);
    b = api(appB);
    auth = Api.bearer(a.registerUser("shared"));
  }

  @AfterAll
  static void stop() throws IOException {
    for (ConfigurableApplicationContext app : new ConfigurableApplicationContext[] {appA, appB}) {
      if (app != null) {
        app.close();
      }
    }
    if (database != null) {
      database.close();
    }
    if (redis != null) {
      redis.close();
    }
  }

  @Test
  @Order(1)
  void theLoginLimitCountsAttemptsMadeThroughBothInstances() {
    String ip = "203.0.113.20";
    for (int i = 0; i < 3; i++) {
      assertThat(failedLogin(a, ip).status()).isEqualTo(401);
    }
    for (int i = 0; i < 2; i++) {
      assertThat(failedLogin(b, ip).status()).isEqualTo(401);
    }

    assertThat(failedLogin(a, ip).status()).isEqualTo(429);
    assertThat(failedLogin(b, ip).status()).isEqualTo(429);
    assertThat(redis.<Long>inspect(c -> c.exists("tb:rate:login-ip:" + ip))).isOne();
  }

  @Test
  @Order(2)
  void aSymbolLoadedByOneInstanceIsServedByTheOtherFromRedis() throws Exception {
    String symbol = importNewSymbol(appA, "2024-01-02", "2024-01-03");
    assertThat(symbolView(a, symbol).path("name").asString()).isEqualTo("Shared Corp");
    String key = seriesKey(symbol); // the uploader's own series of it
    assertThat(
            redis.<Long>inspect(
                c -> c.exists("tb:cache:symbols:" + key, "tb:cache:data-ranges:" + key)))
        .isEqualTo(2);

    rename(symbol, "Renamed behind the cache's back");

    assertThat(symbolView(b, symbol).path("name").asString())
        .as("B never read the row: it got A's entry")
        .isEqualTo("Shared Corp");
  }

  @Test
  @Order(3)
  void anImportThroughOneInstanceEvictsTheRangesTheOtherHasCached() {
    String symbol = importNewSymbol(appA, "2024-01-02", "2024-01-03", "2024-01-04");
    assertThat(barCount(a, symbol)).isEqualTo(3);
    assertThat(barCount(b, symbol)).isEqualTo(3);

    importBars(appB, symbol, "2024-01-05", "2024-01-08");

    assertThat(barCount(a, symbol)).isEqualTo(5);
    assertThat(symbolView(a, symbol).path("intervals").path(0).path("last_bar").asString())
        .startsWith("2024-01-08");
  }

  @Test
  @Order(4)
  void withRedisStoppedRequestsSucceedOnLocalLimitsAndCachesThenShareAgainWhenItIsBack(
      CapturedOutput output) {
    JsonNode user = a.registerUser("outage");
    String username = user.path("user").path("username").asString();
    String symbol = importNewSymbol(appA, "2024-02-01", "2024-02-02");
    assertThat(barCount(a, symbol))
        .isEqualTo(2); // now cached in Redis, which keeps it across the outage
    redis.stop();
    try {
      assertThat(login(a, username, "s3cret-pass", "192.0.2.50").status()).isEqualTo(200);
      Response refreshed =
          b.post(
              "/api/v1/auth/refresh",
              Map.of("refresh_token", user.path("refresh_token").asString()));
      assertThat(refreshed.status()).isEqualTo(200);
      assertThat(symbolView(a, symbol).path("symbol").asString()).isEqualTo(symbol);
      assertThat(symbolView(b, symbol).path("symbol").asString()).isEqualTo(symbol);
      assertThat(b.get("/api/v1/data/symbols?query=" + symbol, "Authorization", auth).status())
          .isEqualTo(200);
      importBars(appB, symbol, "2024-02-05");
      assertThat(barCount(b, symbol)).isEqualTo(3);

      String ip = "198.51.100.77";
      for (int i = 0; i < 5; i++) {
        assertThat(failedLogin(a, ip).status()).isEqualTo(401);
      }
      assertThat(failedLogin(a, ip).status()).as("A still limits, on its own").isEqualTo(429);
      assertThat(failedLogin(b, ip).status()).as("B counts on its own").isEqualTo(401);
      assertThat(output.getOut())
          .contains("Redis at 127.0.0.1:" + redis.port() + " is unavailable");
    } finally {
      redis.start();
    }

    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> {
              symbolView(a, symbol);
              symbolView(b, symbol);
              return appA.getBean(SharedRedis.class).available()
                  && appB.getBean(SharedRedis.class).available();
            });
    assertThat(output.getOut()).contains("answers again");
    assertThat(barCount(a, symbol))
        .as("B's eviction that missed Redis cleared the stale ranges there")
        .isEqualTo(3);
    String ip = "198.51.100.78";
    for (int i = 0; i < 5; i++) {
      assertThat(failedLogin(i % 2 == 0 ? a : b, ip).status()).isEqualTo(401);
    }
    assertThat(failedLogin(b, ip).status()).as("shared again").isEqualTo(429);
  }

  private static ConfigurableApplicationContext startApp() {
    List<String> args = new ArrayList<>(IntegrationTest.sharedDatabaseArgs(database.getPort()));
    args.addAll(
        List.of(
            "--tb.auth.login-attempts-per-ip-per-minute=5",
            "--tb.auth.failed-logins-per-account=1000",
            "--tb.auth.registrations-per-ip-per-hour=1000",
            "--tb.redis.url=" + redis.url(),
            "--tb.redis.retry-interval=300ms"));
    return SpringApplication.run(TradingBacktestApplication.class, args.toArray(String[]::new));
  }

  private static Api api(ConfigurableApplicationContext app) {
    return new Api("http://localhost:" + port(app), app.getBean(JsonMapper.class));
  }

  private static int port(ConfigurableApplicationContext app) {
    return ((WebServerApplicationContext) app).getWebServer().getPort();
  }

  private static Response failedLogin(Api api, String ip) {
    return login(api, "nobody-" + UUID.randomUUID(), "wrong-pass1", ip);
  }

  private static Response login(Api api, String login, String password, String ip) {
    return api.post(
        "/api/v1/auth/login", Map.of("login", login, "password", password), "X-Forwarded-For", ip);
  }

  private static JsonNode symbolView(Api api, String symbol) {
    Response response = api.get("/api/v1/data/symbols/" + symbol, "Authorization", auth);
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response.json();
  }

  private static long barCount(Api api, String symbol) {
    return symbolView(api, symbol).path("intervals").path(0).path("bar_count").asLong();
  }

  /** The key the symbols row (and the caches) of the one upload of {@code ticker} use. */
  private static String seriesKey(String ticker) throws Exception {
    try (Connection c = database.getPostgresDatabase().getConnection();
        PreparedStatement query =
            c.prepareStatement("select symbol from symbols where ticker = ?")) {
      query.setString(1, ticker);
      try (var rs = query.executeQuery()) {
        assertThat(rs.next()).isTrue();
        return rs.getString(1);
      }
    }
  }

  private static void rename(String symbol, String name) throws Exception {
    try (Connection c = database.getPostgresDatabase().getConnection();
        PreparedStatement update =
            c.prepareStatement("update symbols set name = ? where ticker = ?")) {
      update.setString(1, name);
      update.setString(2, symbol);
      assertThat(update.executeUpdate()).isOne();
    }
  }

  /** Uploads daily bars on the given dates for a new symbol; returns the symbol. */
  private static String importNewSymbol(ConfigurableApplicationContext app, String... dates) {
    String symbol = "SHR" + UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);
    importBars(app, symbol, dates);
    return symbol;
  }

  private static void importBars(
      ConfigurableApplicationContext app, String symbol, String... dates) {
    StringBuilder csv = new StringBuilder("Date,Open,High,Low,Close,Volume\n");
    for (String date : dates) {
      csv.append(date).append(",100,105,99,104,1000\n");
    }
    Map<String, String> fields =
        Map.of(
            "symbol",
            symbol,
            "interval",
            "1d",
            "name",
            "Shared Corp",
            "time_zone",
            "America/New_York");
    String boundary = "----tb" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    fields.forEach(
        (name, value) ->
            body.writeBytes(
                ("--"
                        + boundary
                        + "\r\nContent-Disposition: form-data; name=\""
                        + name
                        + "\"\r\n\r\n"
                        + value
                        + "\r\n")
                    .getBytes(StandardCharsets.UTF_8)));
    body.writeBytes(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"bars.csv\""
                + "\r\nContent-Type: text/csv\r\n\r\n"
                + csv
                + "\r\n--"
                + boundary
                + "--\r\n")
            .getBytes(StandardCharsets.UTF_8));
    try {
      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create("http://localhost:" + port(app) + "/api/v1/data/import"))
                      .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                      .header("Authorization", auth)
                      .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    } catch (IOException e) {
      throw new AssertionError(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
