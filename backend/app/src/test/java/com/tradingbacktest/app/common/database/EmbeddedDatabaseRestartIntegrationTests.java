package com.tradingbacktest.app.common.database;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.tradingbacktest.app.TradingBacktestApplication;
import com.tradingbacktest.app.support.Api;
import com.tradingbacktest.app.support.IntegrationTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * `make run` twice on one data folder: the data, the schema and the sessions survive the restart.
 */
@ExtendWith(OutputCaptureExtension.class)
class EmbeddedDatabaseRestartIntegrationTests {

  @Test
  void startsTwiceOnTheSameDataFolderKeepingUsersAndSessions(CapturedOutput output)
      throws Exception {
    Path dataDir = IntegrationTest.newDataDir();
    JsonNode tokens;
    try (ConfigurableApplicationContext first = start(dataDir)) {
      tokens = api(first).registerUser("restart");
    }
    assertThat(dataDir.resolve("postgres/postmaster.pid")).doesNotExist(); // stopped cleanly
    assertThat(dataDir.resolve("secrets/jwt-secret")).exists();

    try (ConfigurableApplicationContext second = start(dataDir, "--spring.profiles.active=prod")) {
      Api api = api(second);
      Api.Response me = api.get("/api/v1/auth/me", "Authorization", Api.bearer(tokens));
      assertThat(me.status()).isEqualTo(200); // same signing key after restart
      String username = tokens.path("user").path("username").asString();
      assertThat(
              api.post("/api/v1/auth/login", Map.of("login", username, "password", "s3cret-pass"))
                  .status())
          .isEqualTo(200);
      JdbcClient jdbc = second.getBean(JdbcClient.class);
      assertThat(jdbc.sql("select count(*) from flyway_schema_history").query(Long.class).single())
          .isEqualTo(countMigrations());
    }
    // The production profile logs JSON lines.
    assertThat(output.getOut())
        .containsPattern("\\{\"@timestamp\":\"[^\"]+\",\"log\":\\{\"level\":\"INFO\"");
  }

  @Test
  void recoversFromAServerOrphanedByAKilledProcess() throws Exception {
    Path dataDir = IntegrationTest.newDataDir();
    Process crashed =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                OrphanedServerMain.class.getName(),
                dataDir.toString())
            .redirectErrorStream(true)
            .start();
    String line;
    try (var reader =
        new java.io.BufferedReader(
            new java.io.InputStreamReader(crashed.getInputStream(), UTF_8))) {
      while ((line = reader.readLine()) != null && !line.startsWith("STARTED")) {
        // wait for the child's server to be up
      }
      crashed
          .destroyForcibly()
          .waitFor(); // SIGKILL: no shutdown hook runs, PostgreSQL keeps running
    }
    assertThat(dataDir.resolve("postgres/postmaster.pid")).exists();

    try (ConfigurableApplicationContext restarted = start(dataDir)) {
      assertThat(api(restarted).get("/actuator/health").body()).contains("\"status\":\"UP\"");
    }
  }

  @Test
  void refusesADataFolderARunningInstanceUses() {
    Path dataDir = IntegrationTest.newDataDir();
    try (ConfigurableApplicationContext running = start(dataDir)) {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> start(dataDir))
          .hasStackTraceContaining("in use by another running instance");
      assertThat(api(running).get("/actuator/health").body()).contains("\"status\":\"UP\"");
    }
  }

  private static long countMigrations() throws Exception {
    try (var files = Files.list(Path.of("src/main/resources/db/migration"))) {
      return files.filter(f -> f.getFileName().toString().matches("V\\d+__.*\\.sql")).count();
    }
  }

  private static ConfigurableApplicationContext start(Path dataDir, String... extra) {
    String[] args = new String[extra.length + 4];
    args[0] = "--server.port=0";
    args[1] = "--tb.database.data-dir=" + dataDir;
    args[2] = "--tb.auth.bcrypt-strength=4";
    args[3] = "--tb.marketdata.seed-online=false";
    System.arraycopy(extra, 0, args, 4, extra.length);
    return SpringApplication.run(TradingBacktestApplication.class, args);
  }

  private static Api api(ConfigurableApplicationContext context) {
    int port = ((WebServerApplicationContext) context).getWebServer().getPort();
    return new Api("http://localhost:" + port, context.getBean(JsonMapper.class));
  }

  /** Run in a child JVM: starts the embedded server, says so, and waits to be killed. */
  public static final class OrphanedServerMain {
    public static void main(String[] args) throws Exception {
      EmbeddedPostgresServer.start(Path.of(args[0]), 0, -1);
      System.out.println("STARTED");
      System.out.flush();
      Thread.sleep(120_000);
    }
  }
}
