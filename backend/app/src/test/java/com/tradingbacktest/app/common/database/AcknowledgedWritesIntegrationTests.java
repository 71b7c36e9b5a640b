package com.tradingbacktest.app.common.database;

import static org.assertj.core.api.Assertions.assertThat;

import com.tradingbacktest.app.support.Api;
import com.tradingbacktest.app.support.ForkedApp;
import com.tradingbacktest.app.support.IntegrationTest;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A write the app has answered is on disk: killing the JVM and the embedded PostgreSQL together in
 * the middle of a burst of strategy creations loses none of those answered 201. (With commits that
 * return before the WAL is flushed, such a crash lost a few of every few hundred.)
 */
class AcknowledgedWritesIntegrationTests {

  private static final int WRITERS = 8;
  private static final int ACKNOWLEDGED_BEFORE_THE_CRASH = 200;

  private final JsonMapper json = JsonMapper.builder().build();

  @Test
  void keepsEveryAcknowledgedWriteThroughACrashOfTheAppAndTheDatabase() throws Exception {
    Path dataDir = IntegrationTest.newDataDir();
    List<String> args = List.of("--tb.marketdata.seed=never");
    Queue<String> acknowledged = new ConcurrentLinkedQueue<>();
    String[] auth;
    ForkedApp app = ForkedApp.start(dataDir, "512m", List.of(), args);
    ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
    AtomicBoolean crashed = new AtomicBoolean();
    try {
      Api api = app.api(json);
      JsonNode tokens = api.registerUser("durable");
      auth = new String[] {"Authorization", Api.bearer(tokens)};
      for (int w = 0; w < WRITERS; w++) {
        int writer = w;
        writers.execute(
            () -> {
              for (int i = 0; !crashed.get(); i++) {
                try {
                  Api.Response created =
                      api.post(
                          "/api/v1/strategies",
                          Map.of("name", "s-" + writer + "-" + i, "code", "long_entry = true"),
                          auth);
                  if (created.status() == 201) {
                    acknowledged.add(created.json().path("id").asString());
                  }
                } catch (AssertionError connectionLost) {
                  return;
                }
              }
            });
      }
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (acknowledged.size() < ACKNOWLEDGED_BEFORE_THE_CRASH && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
      // The crash: every PostgreSQL process and the JVM, with SIGKILL, while writes go on.
      DatabaseProcesses.killEmbeddedServer(dataDir);
      app.kill();
      crashed.set(true);
    } finally {
      crashed.set(true);
      writers.shutdownNow();
      writers.awaitTermination(30, TimeUnit.SECONDS);
      app.close();
    }
    List<String> answered = List.copyOf(acknowledged);
    assertThat(answered).hasSizeGreaterThanOrEqualTo(ACKNOWLEDGED_BEFORE_THE_CRASH);

    try (ForkedApp restarted = ForkedApp.start(dataDir, "512m", List.of(), args)) {
      Api api = restarted.api(json);
      List<String> lost =
          answered.stream()
              .filter(id -> api.get("/api/v1/strategies/" + id, auth).status() != 200)
              .toList();
      assertThat(lost).as("strategies answered 201 but gone after the crash").isEmpty();
    }
  }
}
