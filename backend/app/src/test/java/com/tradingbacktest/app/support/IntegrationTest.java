package com.tradingbacktest.app.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
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
      "tb.marketdata.seed-online=false"
    })
public abstract class IntegrationTest {

  @LocalServerPort protected int port;

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
