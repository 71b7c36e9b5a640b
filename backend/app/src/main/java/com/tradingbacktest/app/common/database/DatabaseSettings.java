package com.tradingbacktest.app.common.database;

import java.nio.file.Path;
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
 */
@ConfigurationProperties("tb.database")
public record DatabaseSettings(
    String url,
    String username,
    String password,
    @DefaultValue("10") int poolSize,
    @DefaultValue("./var") Path dataDir,
    @DefaultValue("0") int embeddedPort,
    @DefaultValue("500") int slowQueryMs) {

  public DatabaseSettings {
    if (slowQueryMs < -1) {
      throw new IllegalArgumentException(
          "DB_SLOW_QUERY_MS must be -1 (off), 0 (log every call) or a number of milliseconds, not "
              + slowQueryMs);
    }
  }

  public boolean embedded() {
    return url == null || url.isBlank();
  }
}
