package com.tradingbacktest.app.common.database;

import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Restarts the embedded server when its process has died (killed, out of memory), on the same
 * folder, port and settings, until it is back; PostgreSQL recovers from the crash by itself and the
 * pool reconnects once it answers. Without it the app stayed broken until someone restarted it.
 *
 * <p>The restart is {@code pg_ctl start -w} with the options zonky gave at the first start. zonky's
 * own start cannot be repeated: its instance holds the folder's lock for the life of the app, which
 * is what keeps a second app off the folder.
 */
final class EmbeddedPostgresWatchdog implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresWatchdog.class);

  private final Path pgData;
  private final int port;
  private final Map<String, String> serverConfig;
  private final Optional<Path> pgCtl;
  private ProcessHandle postmaster;
  private volatile ScheduledExecutorService executor;
  private volatile boolean closed;

  EmbeddedPostgresWatchdog(Path pgData, int port, Map<String, String> serverConfig) {
    this.pgData = pgData;
    this.port = port;
    this.serverConfig = Map.copyOf(serverConfig);
    this.postmaster = EmbeddedPostgresServer.postmaster(pgData).orElse(null);
    // The binaries zonky unpacked: the restart runs their pg_ctl.
    this.pgCtl =
        Optional.ofNullable(postmaster)
            .flatMap(process -> process.info().command())
            .map(command -> Path.of(command).resolveSibling("pg_ctl"));
  }

  /** Checks every {@code interval}; zero (or less) checks never. */
  synchronized void start(Duration interval) {
    if (executor != null || closed || interval.isZero() || interval.isNegative()) {
      return;
    }
    executor =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "embedded-postgres-watchdog");
              thread.setDaemon(true);
              return thread;
            });
    // Every failure is caught inside, so the schedule never ends by itself.
    ScheduledFuture<?> unused =
        executor.scheduleWithFixedDelay(
            this::restartIfDead, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  synchronized void restartIfDead() {
    if (closed || (postmaster != null && isRunning(postmaster))) {
      return;
    }
    Optional<ProcessHandle> started =
        EmbeddedPostgresServer.postmaster(pgData).filter(EmbeddedPostgresWatchdog::isRunning);
    if (started.isPresent()) { // an earlier attempt's server finished starting after all
      postmaster = started.get();
      return;
    }
    log.error(
        "The embedded PostgreSQL (pid {}) is not running; restarting it on port {}",
        pidOf(postmaster),
        port);
    if (pgCtl.isEmpty()) {
      log.error("Cannot restart the embedded PostgreSQL: where its pg_ctl is is unknown");
      return;
    }
    try {
      int exit = pgCtlStart(pgCtl.get());
      if (exit != 0) {
        log.error(
            "Could not restart the embedded PostgreSQL (pg_ctl exited with {}; see {}); "
                + "trying again shortly",
            exit,
            pgData.resolve("log"));
        return;
      }
      postmaster = EmbeddedPostgresServer.postmaster(pgData).orElse(null);
      log.warn("Embedded PostgreSQL restarted on port {} (pid {})", port, pidOf(postmaster));
    } catch (IOException e) {
      log.error("Could not restart the embedded PostgreSQL; trying again shortly", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private int pgCtlStart(Path pgCtl) throws IOException, InterruptedException {
    StringBuilder options = new StringBuilder("-p ").append(port).append(" -F");
    serverConfig.forEach(
        (name, value) -> options.append(" -c ").append(name).append('=').append(value));
    Path output = Files.createDirectories(pgData.resolve("log")).resolve("pg_ctl-restart.log");
    List<String> command = new ArrayList<>();
    if (LinuxUtils.isUnshareAvailable()) {
      // As zonky does: PostgreSQL refuses to run as root, and a user namespace makes it not root.
      command.addAll(List.of("unshare", "-U"));
    }
    command.addAll(
        List.of(
            pgCtl.toString(),
            "-D",
            pgData.toString(),
            "-o",
            options.toString(),
            "-w",
            "-t",
            "120",
            "start"));
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            // A file, not a pipe: the server inherits it and outlives pg_ctl.
            .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()))
            .start();
    if (!process.waitFor(150, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      return -1;
    }
    return process.exitValue();
  }

  private static String pidOf(ProcessHandle process) {
    return process == null ? "?" : Long.toString(process.pid());
  }

  /** Alive and not a zombie (a killed server nobody has reaped yet is dead for our purposes). */
  private static boolean isRunning(ProcessHandle process) {
    if (!process.isAlive()) {
      return false;
    }
    Path stat = Path.of("/proc", Long.toString(process.pid()), "stat");
    try {
      String line = Files.readString(stat);
      int afterName = line.lastIndexOf(')');
      return afterName < 0 || line.length() < afterName + 3 || line.charAt(afterName + 2) != 'Z';
    } catch (IOException | RuntimeException notLinux) {
      return true;
    }
  }

  /** Stops the checks, interrupting a restart under way (without waiting for its lock). */
  @Override
  public void close() {
    closed = true;
    ScheduledExecutorService running = executor;
    if (running != null) {
      running.shutdownNow();
    }
  }
}
