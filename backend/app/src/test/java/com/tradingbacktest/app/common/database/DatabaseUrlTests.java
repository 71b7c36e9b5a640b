package com.tradingbacktest.app.common.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DatabaseUrlTests {

  @Test
  void convertsAHostedPostgresUrl() {
    DatabaseUrl url =
        DatabaseUrl.parse(
            "postgres://app:s%40cret%3Ax@db.internal:5433/backtest?sslmode=require", null, null);

    assertThat(url.jdbcUrl())
        .isEqualTo("jdbc:postgresql://db.internal:5433/backtest?sslmode=require");
    assertThat(url.username()).isEqualTo("app");
    assertThat(url.password()).isEqualTo("s@cret:x");
  }

  @Test
  void acceptsThePostgresqlSchemeWithoutPort() {
    DatabaseUrl url = DatabaseUrl.parse("postgresql://u:p@localhost/db", null, null);

    assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost/db");
  }

  @Test
  void passesAJdbcUrlThroughWithSeparateCredentials() {
    DatabaseUrl url = DatabaseUrl.parse("jdbc:postgresql://h:5432/d", "user", "pw");

    assertThat(url).isEqualTo(new DatabaseUrl("jdbc:postgresql://h:5432/d", "user", "pw"));
  }

  @Test
  void neverPrintsThePassword() {
    assertThat(DatabaseUrl.parse("postgres://u:topsecret@h/d", null, null).toString())
        .doesNotContain("topsecret");
  }

  @Test
  void explainsWhatIsWrong() {
    assertThatThrownBy(() -> DatabaseUrl.parse("mysql://u:p@h/d", null, null))
        .hasMessageContaining("postgres://");
    assertThatThrownBy(() -> DatabaseUrl.parse("postgres://u:p@h:5432", null, null))
        .hasMessageContaining("names no database");
    assertThatThrownBy(() -> DatabaseUrl.parse("postgres://u:p@/d", null, null))
        .hasMessageContaining("no host");
  }
}
