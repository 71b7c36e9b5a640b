package com.tradingbacktest.app.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Base of tests that start the whole app on a random port with its real embedded PostgreSQL in a
 * fresh folder. Subclasses sharing this configuration share one started app (Spring's context
 * cache).
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "tb.auth.bcrypt-strength=4",
      "tb.auth.login-attempts-per-ip-per-minute=10000",
      "tb.auth.failed-logins-per-account=10000",
      "tb.auth.registrations-per-ip-per-hour=10000",
      "tb.rate-limit.imports-per-minute=10000",
      "tb.rate-limit.validations-per-minute=10000",
      "tb.rate-limit.history-reads-per-minute=10000",
      "tb.rate-limit.runs-per-minute=10000",
      "tb.rate-limit.previews-per-minute=10000",
      "tb.rate-limit.public-reads-per-minute=10000",
      // Loopback is the trusted proxy, as the single image's nginx is: tests vary the client
      // address with X-Forwarded-For (UntrustedProxyIntegrationTests checks the default of none).
      "tb.web.trusted-proxies=127.0.0.1,::1",
      "tb.marketdata.seed-online=false",
      "tb.auth.admin-usernames=" + IntegrationTest.ADMIN
    })
public abstract class IntegrationTest {

  /** The username ADMIN_USERNAMES names in these tests: register it to act as an administrator. */
  public static final String ADMIN = "data-admin";

  @LocalServerPort protected int port;

  /** The actuator's own port (MANAGEMENT_PORT), where Prometheus metrics are. */
  @LocalManagementPort protected int managementPort;

  @Autowired protected JsonMapper json;

  protected Api api;

  /** Runs once per started context: each context gets its own database folder and server. */
  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) {
    String dataDir = newDataDir().toString();
    registry.add("tb.database.data-dir", () -> dataDir);
  }

  @BeforeEach
  void createClient() {
    api = new Api("http://localhost:" + port, json);
  }

  /** A client of the management port. */
  protected Api management() {
    return new Api("http://localhost:" + managementPort, json);
  }

  /**
   * The arguments that start one more instance of the app, on a free port, against the PostgreSQL
   * on {@code postgresPort} (user and password "postgres") with a data folder of its own: for tests
   * of several instances sharing one database. The instances share a JWT secret, so that a token
   * one issues is good on the others.
   */
  public static List<String> sharedDatabaseArgs(int postgresPort) {
    return List.of(
        "--server.port=0",
        "--tb.database.url=jdbc:postgresql://localhost:" + postgresPort + "/postgres",
        "--tb.database.username=postgres",
        "--tb.database.password=postgres",
        "--tb.database.data-dir=" + newDataDir(),
        "--tb.auth.jwt-secret=a-shared-secret-of-at-least-32-bytes!!",
        "--tb.auth.bcrypt-strength=4",
        "--tb.web.trusted-proxies=127.0.0.1,::1",
        "--tb.marketdata.seed-online=false");
  }

  public static Path newDataDir() {
    try {
      // Under target/ so `mvn clean` removes the test databases.
      Path root = Files.createDirectories(Path.of("target", "test-data"));
      return Files.createTempDirectory(root.toAbsolutePath(), "db-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
