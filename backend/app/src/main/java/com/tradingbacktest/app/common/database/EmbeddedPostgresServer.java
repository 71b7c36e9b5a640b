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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL 16 server run by this process, its data kept in a folder across restarts.
 *
 * <p>The server is a child of {@code pg_ctl}, not of the JVM, so a JVM killed with SIGKILL leaves
 * it running. Before starting, an orphan from such a crash is stopped so the folder can be reused.
 *
 * <p>Every connection needs the generated password ({@link EmbeddedPostgresAuth}); a folder from
 * before the password is upgraded on its first start. A watchdog ({@link EmbeddedPostgresWatchdog})
 * restarts the server on the same folder and port if it dies under the running app.
 */
final class EmbeddedPostgresServer implements AutoCloseable {

  static final String DATABASE = "trading_backtest";
  static final String USER = "postgres";

  private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

  private final Path dataDir;
  private final Path pgData;
  private final int slowQueryMs;
  private final String password;
  private final int port;
  private final EmbeddedPostgres postgres;
  private EmbeddedPostgresWatchdog watchdog;
  private boolean closed;

  private EmbeddedPostgresServer(
      Path dataDir, Path pgData, int slowQueryMs, String password, EmbeddedPostgres postgres) {
    this.dataDir = dataDir;
    this.pgData = pgData;
    this.slowQueryMs = slowQueryMs;
    this.password = password;
    this.postgres = postgres;
    this.port = postgres.getPort();
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
      boolean fresh = !Files.exists(pgData.resolve("postgresql.conf"));
      Path passwordFile = EmbeddedPostgresAuth.passwordFile(dataDir);
      Path hba = pgData.resolve("pg_hba.conf");
      if (!fresh && !Files.exists(passwordFile) && EmbeddedPostgresAuth.requiresPassword(hba)) {
        throw new IllegalStateException(
            "The embedded database in "
                + pgData
                + " requires a password, but "
                + passwordFile
                + " is missing. Restore that file from where the data folder was copied.");
      }
      String password = EmbeddedPostgresAuth.loadOrCreatePassword(passwordFile);
      EmbeddedPostgres postgres = launch(pgData, port, slowQueryMs, password, passwordFile);
      log.info(
          "Embedded PostgreSQL started on port {} with data in {}", postgres.getPort(), pgData);
      EmbeddedPostgresServer server =
          new EmbeddedPostgresServer(dataDir, pgData, slowQueryMs, password, postgres);
      server.requirePassword(hba);
      server.createDatabaseIfMissing();
      server.createStatementStatisticsView();
      // For tools (scripts/psql.sh) that want to reach the running server.
      Files.writeString(dataDir.resolve("postgres.port"), Integer.toString(postgres.getPort()));
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + pgData, e);
    }
  }

  private static EmbeddedPostgres launch(
      Path pgData, int port, int slowQueryMs, String password, Path passwordFile)
      throws IOException {
    EmbeddedPostgres.Builder builder =
        EmbeddedPostgres.builder()
            .setDataDirectory(pgData)
            .setCleanDataDirectory(false)
            // Spring stops it (the holder bean's close), after everything that uses the database:
            // zonky's own JVM hook would stop it while JobRunr and the pool are still shutting
            // down.
            .setRegisterShutdownHook(false)
            .setPGStartupWait(Duration.ofSeconds(60))
            .setLocaleConfig("locale", "C.UTF-8")
            // zonky runs `initdb -A trust` and appends these as --name=value: a later --auth wins
            // over its -A, and --pwfile gives the superuser its password, so a new folder never
            // trusts anyone.
            .setLocaleConfig("auth", "scram-sha-256")
            .setLocaleConfig("pwfile", passwordFile.toAbsolutePath().toString())
            // What zonky itself connects with (its readiness check, getDatabase).
            .setConnectConfig("password", password);
    serverConfig(slowQueryMs).forEach(builder::setServerConfig);
    if (port > 0) {
      builder.setPort(port);
    }
    return builder.start();
  }

  /** The server's settings, the same at the first start and at a restart by the watchdog. */
  static Map<String, String> serverConfig(int slowQueryMs) {
    Map<String, String> config = new LinkedHashMap<>();
    config.put("listen_addresses", "localhost");
    config.put("max_connections", "100");
    // The embedded server keeps real data: zonky's test defaults (fsync and full-page
    // writes off) could corrupt it on a power loss. Commits are synchronous (the server's
    // default, said here so that nobody turns it off for speed): a write the app has
    // acknowledged is on disk and survives a crash of the JVM and the server together.
    config.put("fsync", "on");
    config.put("full_page_writes", "on");
    config.put("synchronous_commit", "on");
    config.put("password_encryption", "scram-sha-256");
    // Room for bulk imports: fewer forced checkpoints while a million bars go in.
    config.put("shared_buffers", "256MB");
    config.put("max_wal_size", "4GB");
    config.put("checkpoint_timeout", "15min");
    config.put("wal_buffers", "16MB");
    // Query statistics: the library must be loaded at start; the extension that
    // adds the pg_stat_statements view is created below.
    config.put("shared_preload_libraries", "pg_stat_statements");
    // The server's log goes to files in pgData/log, one per weekday, overwritten a
    // week later. Its standard error is a pipe nobody reads once pg_ctl has exited.
    config.put("logging_collector", "on");
    config.put("log_directory", "log");
    config.put("log_filename", "postgresql-%a.log");
    config.put("log_rotation_age", "1d");
    config.put("log_truncate_on_rotation", "on");
    // The slow-statement log (DB_SLOW_QUERY_MS), without bind values: they can be
    // password hashes or token digests.
    config.put("log_min_duration_statement", Integer.toString(slowQueryMs));
    config.put("log_parameter_max_length", "0");
    return config;
  }

  String jdbcUrl() {
    return "jdbc:postgresql://localhost:" + port + "/" + DATABASE;
  }

  int port() {
    return port;
  }

  /** The superuser's password (user {@link #USER}); never log it. */
  String password() {
    return password;
  }

  /**
   * Upgrades a folder whose server still trusts local connections: sets the superuser's password
   * (sent as a SCRAM verifier computed here, so the password itself never reaches the server's logs
   * or statistics) and then rewrites pg_hba.conf to require it, effective at the reload.
   */
  private void requirePassword(Path hba) {
    if (EmbeddedPostgresAuth.requiresPassword(hba)) {
      return;
    }
    try (Connection connection = connect("postgres")) {
      connection.unwrap(PGConnection.class).alterUserPassword(USER, password.toCharArray(), null);
      EmbeddedPostgresAuth.writePasswordOnlyHba(hba);
      try (Statement reload = connection.createStatement()) {
        reload.execute("select pg_reload_conf()");
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not set the embedded PostgreSQL's password", e);
    }
    log.info(
        "The embedded PostgreSQL now requires the password in {} for every connection",
        EmbeddedPostgresAuth.passwordFile(dataDir));
  }

  private Connection connect(String database) throws SQLException {
    return postgres.getDatabase(USER, database).getConnection();
  }

  /**
   * Checks every {@code interval} that the server process is alive, and restarts it on the same
   * folder and port when it is not; 0 checks never.
   */
  synchronized void watch(Duration interval) {
    if (watchdog == null && !closed) {
      watchdog = new EmbeddedPostgresWatchdog(pgData, port, serverConfig(slowQueryMs));
      watchdog.start(interval);
    }
  }

  /** The running postmaster of the folder, from the first line of its postmaster.pid. */
  static Optional<ProcessHandle> postmaster(Path pgData) {
    try {
      List<String> lines = Files.readAllLines(pgData.resolve("postmaster.pid"));
      return lines.isEmpty() ? Optional.empty() : parsePid(lines.get(0)).flatMap(ProcessHandle::of);
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private void createDatabaseIfMissing() {
    try (Connection connection = connect("postgres");
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
    try (Connection connection = connect(DATABASE);
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

  static Optional<Long> parsePid(String line) {
    try {
      return Optional.of(Long.parseLong(line.trim()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  @Override
  public void close() {
    synchronized (this) {
      closed = true;
      if (watchdog != null) {
        watchdog.close();
      }
    }
    try {
      postgres.close();
      log.info("Embedded PostgreSQL stopped");
    } catch (IOException e) {
      log.warn("Embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
    }
  }
}
