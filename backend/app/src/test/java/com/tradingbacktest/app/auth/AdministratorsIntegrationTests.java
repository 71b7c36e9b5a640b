package com.tradingbacktest.app.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.tradingbacktest.app.common.database.DatabaseSettings;
import com.tradingbacktest.app.support.IntegrationTest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Who administers shared market data: ADMIN_USERNAMES, and the first account of a local install.
 */
class AdministratorsIntegrationTests extends IntegrationTest {

  private static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(2);
  private static final Duration SOCKET_TIMEOUT = Duration.ofMinutes(5);
  private static final Duration WATCHDOG_INTERVAL = Duration.ofSeconds(5);

  private static final DatabaseSettings EMBEDDED = database(null, null, null);
  private static final DatabaseSettings EXTERNAL =
      database("jdbc:postgresql://db:5432/tb", "tb", "tb");

  @Autowired JdbcClient jdbc;

  @Test
  void theFirstAccountAdministersOnlyOnTheEmbeddedDatabase() {
    api.registerUser("early"); // in case this is the first test of a fresh database
    UUID later = UUID.fromString(api.registerUser("later").path("user").path("id").asString());
    record User(UUID id, String username) {}
    User first =
        jdbc.sql("select id, username from users order by created_at, id limit 1")
            .query((rs, n) -> new User(rs.getObject(1, UUID.class), rs.getString(2)))
            .single();

    Administrators local = new Administrators(settings(List.of()), EMBEDDED, jdbc);
    Administrators server = new Administrators(settings(List.of()), EXTERNAL, jdbc);

    assertThat(local.isAdmin(first.id(), first.username())).isTrue();
    assertThat(server.isAdmin(first.id(), first.username())).isFalse();
    assertThat(local.isAdmin(later, "later")).isFalse();
  }

  @Test
  void theUsernamesNamedInTheEnvironmentAdministerInAnyCase() {
    Administrators named =
        new Administrators(settings(List.of(" Ops ", "data-lead", "")), EXTERNAL, jdbc);

    assertThat(named.isAdmin(UUID.randomUUID(), "ops")).isTrue();
    assertThat(named.isAdmin(UUID.randomUUID(), "DATA-LEAD")).isTrue();
    assertThat(named.isAdmin(UUID.randomUUID(), "data-lead2")).isFalse();
    assertThat(named.isAdmin(UUID.randomUUID(), "")).isFalse();
  }

  private static AuthSettings settings(List<String> adminUsernames) {
    return new AuthSettings(
        null,
        "trading-backtest",
        Duration.ofMinutes(15),
        Duration.ofDays(30),
        4,
        20,
        10,
        Duration.ofMinutes(15),
        20,
        adminUsernames);
  }

  private static DatabaseSettings database(String url, String username, String password) {
    return new DatabaseSettings(
        url,
        username,
        password,
        10,
        Path.of("var"),
        0,
        500,
        CONNECTION_TIMEOUT,
        SOCKET_TIMEOUT,
        WATCHDOG_INTERVAL);
  }
}
