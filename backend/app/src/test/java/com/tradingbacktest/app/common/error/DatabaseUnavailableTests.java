package com.tradingbacktest.app.common.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

class DatabaseUnavailableTests {

  @Test
  void recognisesALostOrRefusedConnectionUnderAnyWrapper() {
    assertThat(
            DatabaseUnavailable.isCause(
                new CannotGetJdbcConnectionException(
                    "no connection",
                    new SQLTransientConnectionException("tb-db - Connection is not available"))))
        .isTrue();
    assertThat(
            DatabaseUnavailable.isCause(
                new DataAccessResourceFailureException(
                    "import", new SQLException("An I/O error occurred", "08006"))))
        .isTrue();
    assertThat(
            DatabaseUnavailable.isCause(
                new IllegalStateException(
                    new SQLException("the database system is starting up", "57P03"))))
        .isTrue();
  }

  @Test
  void leavesOtherFailuresAlone() {
    assertThat(
            DatabaseUnavailable.isCause(
                new DataIntegrityViolationException(
                    "duplicate", new SQLException("duplicate key", "23505"))))
        .isFalse();
    assertThat(DatabaseUnavailable.isCause(new IllegalStateException(new ConnectException())))
        .as("an exchange refusing a connection is not the database")
        .isFalse();
    assertThat(DatabaseUnavailable.isCause(new RuntimeException("boom"))).isFalse();
  }

  @Test
  void isA503ThatMayBeRetried() {
    DatabaseUnavailable problem = new DatabaseUnavailable();
    assertThat(problem.kind()).isEqualTo(ProblemKind.SERVICE_UNAVAILABLE);
    assertThat(problem.slug()).isEqualTo("database-unavailable");
    assertThat(problem.retryAfterSeconds()).isPositive();
    assertThat(problem.getMessage()).doesNotContainIgnoringCase("sql");
  }
}
