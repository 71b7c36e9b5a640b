package com.tradingbacktest.app.common.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One {@link DataSource} for the whole app: the server named by DATABASE_URL, or else an embedded
 * PostgreSQL started here. The embedded server bean is closed after the pool (Spring destroys
 * dependants first), so shutdown is clean.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

  @Bean(destroyMethod = "close")
  EmbeddedPostgresHolder embeddedPostgres(DatabaseSettings settings) {
    if (!settings.embedded()) {
      return new EmbeddedPostgresHolder(null);
    }
    EmbeddedPostgresServer server =
        EmbeddedPostgresServer.start(
            settings.dataDir(), settings.embeddedPort(), settings.slowQueryMs());
    server.watch(settings.embeddedWatchdogInterval());
    return new EmbeddedPostgresHolder(server);
  }

  @Bean(destroyMethod = "close")
  HikariDataSource dataSource(DatabaseSettings settings, EmbeddedPostgresHolder embedded) {
    HikariConfig config = new HikariConfig();
    EmbeddedPostgresServer server = embedded.server();
    if (server != null) {
      config.setJdbcUrl(server.jdbcUrl());
      config.setUsername(EmbeddedPostgresServer.USER);
      config.setPassword(server.password());
    } else {
      DatabaseUrl url = DatabaseUrl.parse(settings.url(), settings.username(), settings.password());
      config.setJdbcUrl(url.jdbcUrl());
      config.setUsername(url.username());
      config.setPassword(url.password());
    }
    config.setPoolName("tb-db");
    config.setMaximumPoolSize(settings.poolSize());
    config.setMinimumIdle(Math.min(2, settings.poolSize()));
    // Fail fast when the server is gone: a request waits at most this long for a connection and is
    // then answered 503 (common/error), instead of Hikari's default 30 s. Broken connections are
    // found by the check on borrow and replaced once the server answers again.
    long timeoutMs = settings.connectionTimeout().toMillis();
    config.setConnectionTimeout(timeoutMs);
    config.setValidationTimeout(Math.max(250, timeoutMs / 2));
    long connectSeconds = Math.max(1, settings.connectionTimeout().toSeconds());
    config.addDataSourceProperty("connectTimeout", Long.toString(connectSeconds));
    config.addDataSourceProperty("loginTimeout", Long.toString(connectSeconds));
    config.addDataSourceProperty(
        "socketTimeout", Long.toString(settings.socketTimeout().toSeconds()));
    config.addDataSourceProperty("tcpKeepAlive", "true");
    // Stream large result sets instead of buffering them (PgJDBC needs autocommit off + fetch
    // size).
    config.addDataSourceProperty("defaultRowFetchSize", "10000");
    config.addDataSourceProperty("reWriteBatchedInserts", "true");
    // numeric (OID 1700) in binary too: bar reads decode it directly instead of the server
    // formatting text.
    config.addDataSourceProperty("binaryTransferEnable", "1700");
    config.addDataSourceProperty("ApplicationName", "trading-backtest");
    return new HikariDataSource(config);
  }

  /** Holds the embedded server when there is one, so the bean exists in both modes. */
  record EmbeddedPostgresHolder(EmbeddedPostgresServer server) implements AutoCloseable {
    @Override
    public void close() {
      if (server != null) {
        server.close();
      }
    }
  }
}
