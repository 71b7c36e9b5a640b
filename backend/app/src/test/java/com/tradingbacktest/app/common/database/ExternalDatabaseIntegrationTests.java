package com.tradingbacktest.app.common.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tradingbacktest.app.TradingBacktestApplication;
import com.tradingbacktest.app.support.Api;
import com.tradingbacktest.app.support.IntegrationTest;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
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
 * DATABASE_URL in the form hosts hand out: the app uses that server, starts nothing of its own and
 * insists on a shared JWT_SECRET; the slow-call log (DB_SLOW_QUERY_MS) works without the server's
 * help. The "external" server here is a separate PostgreSQL 16 process.
 */
@ExtendWith(OutputCaptureExtension.class)
class ExternalDatabaseIntegrationTests {

  private static EmbeddedPostgresServer external;

  @BeforeAll
  static void startExternalServer() {
    external = EmbeddedPostgresServer.start(IntegrationTest.newDataDir(), 0, -1);
  }

  @AfterAll
  static void stopExternalServer() {
    external.close();
  }

  /**
   * The external server in the postgres://user:password@host:port/database form of DATABASE_URL.
   */
  private static String databaseUrl() {
    return "postgres://postgres:"
        + external.password()
        + "@localhost:"
        + external.port()
        + "/"
        + EmbeddedPostgresServer.DATABASE;
  }

  @Test
  void usesTheServerNamedByDatabaseUrl(CapturedOutput output) {
    Path unusedDataDir = IntegrationTest.newDataDir();
    String url = databaseUrl();
    try (ConfigurableApplicationContext app =
        SpringApplication.run(
            TradingBacktestApplication.class,
            "--server.port=0",
            "--tb.database.url=" + url,
            "--tb.database.data-dir=" + unusedDataDir,
            "--tb.auth.jwt-secret=an-external-secret-of-at-least-32-bytes!",
            "--tb.auth.bcrypt-strength=4",
            "--tb.marketdata.seed-online=false",
            "--tb.database.slow-query-ms=0")) {
      int port = ((WebServerApplicationContext) app).getWebServer().getPort();
      Api api = new Api("http://localhost:" + port, app.getBean(JsonMapper.class));
      JsonNode tokens = api.registerUser("ext");
      String username = tokens.path("user").path("username").asString();
      assertThat(api.get("/api/v1/data/symbols/AAPL", "Authorization", Api.bearer(tokens)).status())
          .isEqualTo(200);

      String current =
          app.getBean(JdbcClient.class)
              .sql("select inet_server_port()")
              .query(String.class)
              .single();
      assertThat(current).isEqualTo(Integer.toString(external.port()));
      assertThat(
              app.getBean(JdbcClient.class)
                  .sql("select count(*) from users where username = ?")
                  .param(username)
                  .query(Long.class)
                  .single())
          .isEqualTo(1);
      assertThat(unusedDataDir.resolve("postgres")).doesNotExist();
      assertThat(unusedDataDir.resolve("secrets")).doesNotExist();
      // With a threshold of 0 every repository call is logged, Spring Data's and JdbcClient's,
      // and the server's own settings are left as they are.
      assertThat(output.getOut())
          .containsPattern("WARN.*Slow repository call UserRepository\\.existsByEmail took \\d+ ms")
          .containsPattern("WARN.*Slow repository call SymbolRepository\\.find took \\d+ ms");
      assertThat(
              app.getBean(JdbcClient.class)
                  .sql("show log_min_duration_statement")
                  .query(String.class)
                  .single())
          .isEqualTo("-1");
    }
  }

  @Test
  void theProductionProfileRunsOnTheExternalServer(CapturedOutput output) {
    String url = databaseUrl();
    try (ConfigurableApplicationContext app =
        SpringApplication.run(
            TradingBacktestApplication.class,
            "--spring.profiles.active=prod",
            "--server.port=0",
            "--tb.database.url=" + url,
            "--tb.database.data-dir=" + IntegrationTest.newDataDir(),
            "--tb.auth.jwt-secret=an-external-secret-of-at-least-32-bytes!",
            "--tb.auth.bcrypt-strength=4",
            "--tb.marketdata.seed-online=false")) {
      int port = ((WebServerApplicationContext) app).getWebServer().getPort();
      Api api = new Api("http://localhost:" + port, app.getBean(JsonMapper.class));

      assertThat(api.get("/actuator/health").body()).contains("\"status\":\"UP\"");
      assertThat(api.registerUser("prod").path("access_token").asString()).isNotBlank();
      // Production logs are JSON lines (ECS), each request's lines with its request id.
      assertThat(output.getOut())
          .containsPattern("\\{\"@timestamp\":\"[^\"]+\",\"log\":\\{\"level\":\"INFO\"");
      assertThat(output.getOut()).contains("\"request_id\":\"");
    }
  }

  @Test
  void refusesToStartWithoutASharedJwtSecret() {
    String url = databaseUrl();

    assertThatThrownBy(
            () ->
                SpringApplication.run(
                    TradingBacktestApplication.class,
                    "--server.port=0",
                    "--tb.database.url=" + url,
                    "--tb.auth.jwt-secret=",
                    "--tb.marketdata.seed-online=false"))
        .hasStackTraceContaining("JWT_SECRET is not set");
  }
}
