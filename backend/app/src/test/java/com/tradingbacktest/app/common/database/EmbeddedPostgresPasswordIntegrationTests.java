package com.tradingbacktest.app.common.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tradingbacktest.app.support.IntegrationTest;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * The embedded server lets in only who knows its generated password: another account on the host
 * can no longer connect as the superuser (and run {@code COPY ... TO PROGRAM}, or read the hashes
 * of passwords and tokens). A data folder from before the password is upgraded in place.
 */
class EmbeddedPostgresPasswordIntegrationTests {

  @Test
  void refusesEveryConnectionWithoutTheGeneratedPassword() throws Exception {
    Path dataDir = IntegrationTest.newDataDir();
    Path passwordFile = dataDir.resolve("secrets/postgres-password");
    try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir, 0, -1)) {
      assertThat(passwordFile).exists();
      assertThat(Files.getPosixFilePermissions(passwordFile))
          .isEqualTo(PosixFilePermissions.fromString("rw-------"));
      String password = Files.readString(passwordFile);
      assertThat(password).isEqualTo(server.password()).hasSizeGreaterThanOrEqualTo(40);

      assertRefused(server, "");
      assertRefused(server, "postgres");
      assertRefused(server, password.substring(1));
      assertThat(selectOne(server, password)).isEqualTo(1);
      assertThat(EmbeddedPostgresAuth.requiresPassword(dataDir.resolve("postgres/pg_hba.conf")))
          .isTrue();
    }
    assertThat(Files.readAllLines(dataDir.resolve("postgres/pg_hba.conf")))
        .filteredOn(line -> !line.isBlank() && !line.startsWith("#"))
        .isNotEmpty()
        .allMatch(rule -> rule.endsWith("scram-sha-256"), "asks for the password");
  }

  @Test
  void upgradesAFolderThatTrustedEveryLocalConnection() throws Exception {
    Path dataDir = IntegrationTest.newDataDir();
    Path pgData = dataDir.resolve("postgres");
    // A folder as earlier versions left it: zonky's `initdb -A trust`, no password anywhere.
    try (EmbeddedPostgres old =
            EmbeddedPostgres.builder()
                .setDataDirectory(pgData)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .start();
        Connection c = old.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute("create table kept (id int); insert into kept values (42)");
    }
    assertThat(EmbeddedPostgresAuth.requiresPassword(pgData.resolve("pg_hba.conf"))).isFalse();
    assertThat(dataDir.resolve("secrets/postgres-password")).doesNotExist();

    try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir, 0, -1)) {
      assertRefused(server, "");
      try (Connection c = connect(server, "postgres", server.password());
          Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("select id from kept")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getInt(1)).isEqualTo(42);
      }
    }
    assertThat(Files.readString(pgData.resolve("pg_hba.conf")))
        .isEqualTo(EmbeddedPostgresAuth.PASSWORD_ONLY_HBA);

    // And the upgraded folder starts again like any other.
    try (EmbeddedPostgresServer again = EmbeddedPostgresServer.start(dataDir, 0, -1)) {
      assertRefused(again, "");
      assertThat(selectOne(again, again.password())).isEqualTo(1);
    }
  }

  @Test
  void refusesToStartWhenThePasswordOfAProtectedFolderIsLost() throws Exception {
    Path dataDir = IntegrationTest.newDataDir();
    EmbeddedPostgresServer.start(dataDir, 0, -1).close();
    Files.delete(dataDir.resolve("secrets/postgres-password"));

    assertThatThrownBy(() -> EmbeddedPostgresServer.start(dataDir, 0, -1))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("requires a password")
        .hasMessageContaining("postgres-password is missing");
  }

  private static void assertRefused(EmbeddedPostgresServer server, String password) {
    assertThatThrownBy(() -> connect(server, "postgres", password).close())
        .isInstanceOf(SQLException.class)
        .satisfies(
            e ->
                assertThat(((SQLException) e).getSQLState())
                    .as("an authentication failure, not a connection problem")
                    .isIn("28P01", "28000", "08004"));
  }

  private static int selectOne(EmbeddedPostgresServer server, String password) throws SQLException {
    try (Connection c = connect(server, EmbeddedPostgresServer.DATABASE, password);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select 1")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  private static Connection connect(EmbeddedPostgresServer server, String database, String password)
      throws SQLException {
    return DriverManager.getConnection(
        "jdbc:postgresql://localhost:" + server.port() + "/" + database,
        EmbeddedPostgresServer.USER,
        password);
  }
}
