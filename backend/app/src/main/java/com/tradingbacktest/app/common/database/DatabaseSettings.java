package com.tradingbacktest.app.common.database;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the data lives. With {@code url} empty the app starts its own PostgreSQL 16 in {@code
 * dataDir/postgres}; otherwise it connects to {@code url}.
 *
 * @param url DATABASE_URL: postgres://user:pass@host:port/db or jdbc:postgresql://...
 * @param username used with a jdbc: URL that carries no credentials
 * @param password used with a jdbc: URL that carries no credentials
 * @param poolSize the most connections this process opens
 * @param dataDir DATA_DIR: the folder for the embedded database and generated secrets
 * @param embeddedPort the embedded server's port; 0 picks a free one
 * @param slowQueryMs DB_SLOW_QUERY_MS: a repository call (and, on the embedded server, a statement)
 *     that takes at least this many milliseconds is logged; 0 logs every one, -1 none. The
 *     semantics of PostgreSQL's {@code log_min_duration_statement}, which the embedded server gets.
 * @param connectionTimeout DB_CONNECTION_TIMEOUT: the longest a request waits for a connection
 *     (pool or new) before it is answered 503 database-unavailable
 * @param socketTimeout DB_SOCKET_TIMEOUT: the longest one statement waits for the server's next
 *     bytes before its connection is given up (a server that hangs rather than dies); 0 for never
 * @param embeddedWatchdogInterval how often the embedded server is checked, and restarted if it
 *     died; 0 turns the check off
 */
@ConfigurationProperties("tb.database")
public record DatabaseSettings(
    String url,
    String username,
    String password,
    @DefaultValue("10") int poolSize,
    @DefaultValue("./var") Path dataDir,
    @DefaultValue("0") int embeddedPort,
    @DefaultValue("500") int slowQueryMs,
    @DefaultValue("2s") Duration connectionTimeout,
    @DefaultValue("5m") Duration socketTimeout,
    @DefaultValue("5s") Duration embeddedWatchdogInterval) {

  public DatabaseSettings {
    if (slowQueryMs < -1) {
      throw new IllegalArgumentException(
          "DB_SLOW_QUERY_MS must be -1 (off), 0 (log every call) or a number of milliseconds, not "
              + slowQueryMs);
    }
    if (connectionTimeout.toMillis() < 250) {
      throw new IllegalArgumentException(
          "DB_CONNECTION_TIMEOUT must be at least 250ms (the pool's minimum), not "
              + connectionTimeout);
    }
    if (socketTimeout.isNegative() || embeddedWatchdogInterval.isNegative()) {
      throw new IllegalArgumentException("Database timeouts and intervals cannot be negative");
    }
  }

  public boolean embedded() {
    return url == null || url.isBlank();
  }
}
