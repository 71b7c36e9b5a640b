package com.tradingbacktest.app.common.error;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.Set;

/**
 * The database cannot be reached (down, restarting, or no connection free within
 * DB_CONNECTION_TIMEOUT): a 503 the client may retry, instead of a request that hangs and then
 * fails as a generic 500.
 */
public final class DatabaseUnavailable extends DomainException implements RetryableException {

  private static final long RETRY_AFTER_SECONDS = 5;

  /**
   * SQLSTATEs of a server that is gone or not accepting work yet: class 08 (connection exception),
   * 57P01 admin shutdown, 57P02 crash shutdown, 57P03 cannot connect now (starting, recovering).
   */
  private static final Set<String> SERVER_GONE = Set.of("57P01", "57P02", "57P03");

  public DatabaseUnavailable() {
    super(ProblemKind.SERVICE_UNAVAILABLE, "database-unavailable", List.of());
  }

  @Override
  public long retryAfterSeconds() {
    return RETRY_AFTER_SECONDS;
  }

  /**
   * True when {@code failure}, or anything it wraps (Spring's data access exceptions, Hibernate's,
   * JobRunr's storage exceptions), is a lost or refused connection to the database.
   */
  public static boolean isCause(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      // Not any ConnectException: an exchange or Redis refusing a connection is no database outage
      // (PgJDBC reports its own as SQLSTATE 08001).
      if (t instanceof SQLTransientConnectionException
          || t instanceof SQLNonTransientConnectionException) {
        return true;
      }
      if (t instanceof SQLException sql && sql.getSQLState() != null) {
        String state = sql.getSQLState();
        if (state.startsWith("08") || SERVER_GONE.contains(state)) {
          return true;
        }
      }
    }
    return false;
  }
}
