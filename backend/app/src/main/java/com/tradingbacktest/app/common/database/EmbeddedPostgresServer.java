package com.tradingbacktest.app.common.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL 16 server run by this process, its data kept in a folder across restarts.
 *
 * <p>The server is a child of {@code pg_ctl}, not of the JVM, so a JVM killed with SIGKILL leaves
 * it running. Before starting, an orphan from such a crash is stopped so the folder can be reused.
 */
final class EmbeddedPostgresServer implements AutoCloseable {

  static final String DATABASE = "trading_backtest";
  static final String USER = "postgres";

  private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

  private final EmbeddedPostgres postgres;

  private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  /**
   * Starts the server on {@code dataDir/postgres}, creating the folder and the database on first
   * use.
   *
   * @param port the port to listen on; 0 picks a free one
   * @param slowQueryMs PostgreSQL's {@code log_min_duration_statement}: statements taking at least
   *     this many milliseconds are logged (0 every one, -1 none)
   */
  static EmbeddedPostgresServer start(Path dataDir, int port, int slowQueryMs) {
    Path pgData = dataDir.resolve("postgres").toAbsolutePath().normalize();
    try {
      Files.createDirectories(pgData);
      stopOrphanedServer(pgData);
      EmbeddedPostgres.Builder builder =
          EmbeddedPostgres.builder()
              .setDataDirectory(pgData)
              .setCleanDataDirectory(false)
              // Spring stops it (the holder bean's close), after everything that uses the database:
              // zonky's own JVM hook would stop it while JobRunr and the pool are still shutting
              // down.
              .setRegisterShutdownHook(false)
              .setPGStartupWait(Duration.ofSeconds(60))
              .setServerConfig("listen_addresses", "localhost")
              .setServerConfig("max_connections", "100")
              // The embedded server keeps real data: zonky's test defaults (fsync and full-page
              // writes off) could corrupt it on a power loss. Commits stay asynchronous: a crash
              // may lose the last moments, never the database.
              .setServerConfig("fsync", "on")
              .setServerConfig("full_page_writes", "on")
              .setServerConfig("synchronous_commit", "off")
              // Room for bulk imports: fewer forced checkpoints while a million bars go in.
              .setServerConfig("shared_buffers", "256MB")
              .setServerConfig("max_wal_size", "4GB")
              .setServerConfig("checkpoint_timeout", "15min")
              .setServerConfig("wal_buffers", "16MB")
              // Query statistics: the library must be loaded at start; the extension that
              // adds the pg_stat_statements view is created below.
              .setServerConfig("shared_preload_libraries", "pg_stat_statements")
              // The server's log goes to files in pgData/log, one per weekday, overwritten a
              // week later. Its standard error is a pipe nobody reads once pg_ctl has exited.
              .setServerConfig("logging_collector", "on")
              .setServerConfig("log_directory", "log")
              .setServerConfig("log_filename", "postgresql-%a.log")
              .setServerConfig("log_rotation_age", "1d")
              .setServerConfig("log_truncate_on_rotation", "on")
              // The slow-statement log (DB_SLOW_QUERY_MS), without bind values: they can be
              // password hashes or token digests.
              .setServerConfig("log_min_duration_statement", Integer.toString(slowQueryMs))
              .setServerConfig("log_parameter_max_length", "0")
              .setLocaleConfig("locale", "C.UTF-8");
      if (port > 0) {
        builder.setPort(port);
      }
      EmbeddedPostgres postgres = builder.start();
      log.info(
          "Embedded PostgreSQL started on port {} with data in {}", postgres.getPort(), pgData);
      EmbeddedPostgresServer server = new EmbeddedPostgresServer(postgres);
      server.createDatabaseIfMissing();
      server.createStatementStatisticsView();
      // For tools (scripts/psql.sh) that want to reach the running server.
      Files.writeString(dataDir.resolve("postgres.port"), Integer.toString(postgres.getPort()));
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + pgData, e);
    }
  }

  String jdbcUrl() {
    return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + DATABASE;
  }

  int port() {
    return postgres.getPort();
  }

  private void createDatabaseIfMissing() {
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
        PreparedStatement exists =
            connection.prepareStatement("select 1 from pg_database where datname = ?")) {
      exists.setString(1, DATABASE);
      try (ResultSet rs = exists.executeQuery()) {
        if (rs.next()) {
          return;
        }
      }
      try (Statement create = connection.createStatement()) {
        create.execute("create database " + DATABASE + " encoding 'UTF8'");
      }
      log.info("Created database {}", DATABASE);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not create the database " + DATABASE, e);
    }
  }

  /**
   * {@code create extension pg_stat_statements} in the app's database, so that the view answers
   * there (scripts/psql.sh). It only adds views and functions, which Flyway ignores. Never fatal:
   * without it the app works the same, only the statistics are missing.
   */
  private void createStatementStatisticsView() {
    try (Connection connection = postgres.getDatabase(USER, DATABASE).getConnection();
        Statement create = connection.createStatement()) {
      create.execute("create extension if not exists pg_stat_statements");
    } catch (SQLException e) {
      log.warn("pg_stat_statements is not available: {}", e.getMessage());
    }
  }

  /**
   * Stops a server left behind by a process that died without shutting it down. The folder's lock
   * file tells a dead owner from a live one: a running instance holds the lock, and then this start
   * must fail rather than take the database from under it.
   */
  private static void stopOrphanedServer(Path pgData) throws IOException {
    Path pidFile = pgData.resolve("postmaster.pid");
    if (!Files.exists(pidFile)) {
      return;
    }
    if (!ownerIsGone(pgData.resolve("epg-lock"))) {
      throw new IllegalStateException(
          "The data folder "
              + pgData
              + " is in use by another running "
              + "instance. Stop it, or give this one its own DATA_DIR.");
    }
    List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
    Optional<ProcessHandle> orphan =
        lines.isEmpty() ? Optional.empty() : parsePid(lines.get(0)).flatMap(ProcessHandle::of);
    if (orphan.isEmpty() || !orphan.get().isAlive()) {
      return; // a stale pid file: pg_ctl starts over it
    }
    ProcessHandle process = orphan.get();
    String command = process.info().command().orElse("");
    if (!command.endsWith("postgres")) {
      return; // the pid was reused by something else; pg_ctl will sort out the stale file
    }
    log.warn(
        "Stopping an orphaned embedded PostgreSQL (pid {}) left by an earlier crash",
        process.pid());
    process.destroy(); // SIGTERM: PostgreSQL's smart shutdown
    try {
      process.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(
          "An earlier PostgreSQL (pid " + process.pid() + ") still holds " + pgData, e);
    }
  }

  /** True when nobody holds the folder's lock (its holder, if any, has died). */
  private static boolean ownerIsGone(Path lockFile) throws IOException {
    if (!Files.exists(lockFile)) {
      return true;
    }
    try (java.nio.channels.FileChannel channel =
        java.nio.channels.FileChannel.open(lockFile, java.nio.file.StandardOpenOption.WRITE)) {
      java.nio.channels.FileLock lock = channel.tryLock();
      if (lock == null) {
        return false;
      }
      lock.release();
      return true;
    } catch (java.nio.channels.OverlappingFileLockException heldByThisJvm) {
      return false;
    }
  }

  private static Optional<Long> parsePid(String line) {
    try {
      return Optional.of(Long.parseLong(line.trim()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  @Override
  public void close() {
    try {
      postgres.close();
      log.info("Embedded PostgreSQL stopped");
    } catch (IOException e) {
      log.warn("Embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
    }
  }
}
