package com.tradingbacktest.app.common.database;

import static org.assertj.core.api.Assertions.assertThat;

import com.tradingbacktest.app.backtest.run.RunClient;
import com.tradingbacktest.app.support.Api;
import com.tradingbacktest.app.support.ForkedApp;
import com.tradingbacktest.app.support.IntegrationTest;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The embedded PostgreSQL dies under the running app: requests are answered at once with a 503
 * problem instead of hanging, the app reports itself not ready (but alive), and once the watchdog
 * has restarted the server everything works again by itself, jobs included.
 */
class DatabaseOutageIntegrationTests {

  private final JsonMapper json = JsonMapper.builder().build();

  @Test
  void answers503WhileTheDatabaseIsDownAndRecoversWhenTheWatchdogRestartsIt() throws Exception {
    Path dataDir = IntegrationTest.newDataDir();
    try (ForkedApp app =
        ForkedApp.start(
            dataDir, "512m", List.of(), List.of("--tb.database.embedded-watchdog-interval=3s"))) {
      Api api = app.api(json);
      RunClient user = new RunClient(api, app.port(), json, "outage");
      String strategy = user.strategy("before the outage", RunClient.SMA_CROSS);
      String apiKey = api.createApiKey(api.registerUser("outage_key"), "outage");
      int databasePort = Integer.parseInt(Files.readString(dataDir.resolve("postgres.port")));

      long killed = DatabaseProcesses.killEmbeddedServer(dataDir);
      Api.Response duringOutage;
      long took;
      // The port stays taken for a while, so that the watchdog's restart cannot succeed before
      // the outage has been observed; a server that accepts and never answers is the worse case.
      try (ServerSocket squatter = takePort(databasePort)) {
        long started = System.nanoTime();
        duringOutage = api.get("/api/v1/strategies/" + strategy, user.auth);
        took = System.nanoTime() - started;
        assertThat(duringOutage.status()).as(duringOutage.toString()).isEqualTo(503);
        assertThat(duringOutage.problemType()).endsWith("/problems/database-unavailable");
        assertThat(duringOutage.header("Retry-After")).isNotBlank();
        assertThat(duringOutage.body()).doesNotContainIgnoringCase("sql").doesNotContain("Hikari");
        assertThat(Duration.ofNanos(took)).isLessThan(Duration.ofSeconds(5));

        // Also where the database is read before any controller: an API key's lookup.
        Api.Response withApiKey = api.get("/api/v1/strategies", "X-API-Key", apiKey);
        assertThat(withApiKey.status()).as(withApiKey.toString()).isEqualTo(503);
        assertThat(withApiKey.problemType()).endsWith("/problems/database-unavailable");

        assertThat(api.get("/actuator/health/readiness").status()).isEqualTo(503);
        assertThat(api.get("/actuator/health/liveness").status()).isEqualTo(200);
        // Long enough for JobRunr's heartbeat to fail, which stops its background job server.
        Thread.sleep(6_000);
      }

      awaitStatus(() -> api.get("/actuator/health/readiness"), 200, Duration.ofSeconds(60));
      assertThat(api.get("/api/v1/strategies/" + strategy, user.auth).status()).isEqualTo(200);
      assertThat(app.output())
          .contains("The embedded PostgreSQL (pid " + killed + ") is not running")
          .contains("Embedded PostgreSQL restarted on port " + databasePort);

      // A job queued after the outage is still picked up and run.
      String run = user.started(RunClient.request(strategy));
      JsonNode finished =
          user.awaitStatus(
              run, s -> "completed".equals(s.path("status").asString()), Duration.ofSeconds(90));
      assertThat(finished.path("status").asString()).isEqualTo("completed");
    }
  }

  /** Binds the port as soon as the killed server has let go of it. */
  private static ServerSocket takePort(int port) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (true) {
      ServerSocket socket = new ServerSocket();
      try {
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(port));
        return socket;
      } catch (java.net.BindException stillHeld) {
        socket.close();
        if (System.nanoTime() > deadline) {
          throw stillHeld;
        }
        Thread.sleep(5);
      }
    }
  }

  private static void awaitStatus(Supplier<Api.Response> request, int status, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    Api.Response last = request.get();
    while (last.status() != status) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("still " + last + " after " + timeout);
      }
      Thread.sleep(250);
      last = request.get();
    }
  }
}
