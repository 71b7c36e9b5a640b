package com.tradingbacktest.app.support;

import com.tradingbacktest.app.TradingBacktestApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/**
 * The app started as a separate JVM with a fixed heap: for the tests that need a real memory limit
 * or a kill (SIGKILL of the process, no shutdown hook), which an app inside the test JVM cannot
 * give. It runs from the test's own class path, on a port of its own, against a data folder it is
 * given (so that a second instance can start on the same data after a kill); its output goes to
 * {@code app.log} in that folder.
 */
public final class ForkedApp implements AutoCloseable {

  private static final Duration START_TIMEOUT = Duration.ofMinutes(2);

  private final Process process;
  private final int port;
  private final Path dataDir;
  private final Path log;

  private ForkedApp(Process process, int port, Path dataDir, Path log) {
    this.process = process;
    this.port = port;
    this.dataDir = dataDir;
    this.log = log;
  }

  /**
   * Starts the app with at most {@code heap} of Java heap (a JVM size such as "768m") on {@code
   * dataDir} and waits until it is ready to take requests.
   *
   * @param jvmArgs more JVM options (system properties, GC flags)
   * @param appArgs more application arguments ({@code --name=value})
   */
  public static ForkedApp start(
      Path dataDir, String heap, List<String> jvmArgs, List<String> appArgs)
      throws IOException, InterruptedException {
    int port = freePort();
    Path log = dataDir.resolve("app.log");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx" + heap);
    command.add("-XX:+ExitOnOutOfMemoryError");
    command.addAll(jvmArgs);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(TradingBacktestApplication.class.getName());
    command.add("--server.port=" + port);
    command.add("--tb.database.data-dir=" + dataDir);
    command.add("--tb.auth.bcrypt-strength=4");
    command.add("--tb.auth.login-attempts-per-ip-per-minute=10000");
    command.add("--tb.auth.failed-logins-per-account=10000");
    command.add("--tb.auth.registrations-per-ip-per-hour=10000");
    command.add("--tb.marketdata.seed-online=false");
    command.addAll(appArgs);
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
    ForkedApp app = new ForkedApp(process, port, dataDir, log);
    app.awaitReady();
    return app;
  }

  /** A client of this instance. */
  public Api api(JsonMapper json) {
    return new Api(baseUrl(), json);
  }

  public String baseUrl() {
    return "http://localhost:" + port;
  }

  public int port() {
    return port;
  }

  public Path dataDir() {
    return dataDir;
  }

  public Process process() {
    return process;
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** What the instance has printed so far (for assertions and for a failing test's message). */
  public String output() {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** SIGKILL: no shutdown hook runs (the embedded PostgreSQL it started keeps running). */
  public void kill() throws InterruptedException {
    process.destroyForcibly().waitFor();
  }

  /** A graceful stop (SIGTERM), then a kill if it does not end within a minute. */
  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
      kill();
    }
  }

  private void awaitReady() throws InterruptedException {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest readiness =
        HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health/readiness"))
            .timeout(Duration.ofSeconds(5))
            .build();
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "the forked app exited with " + process.exitValue() + ":\n" + output());
      }
      try {
        if (client.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException notYetListening) {
        // still starting
      }
      Thread.sleep(250);
    }
    process.destroyForcibly();
    throw new IllegalStateException(
        "the forked app was not ready within " + START_TIMEOUT + ":\n" + output());
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
