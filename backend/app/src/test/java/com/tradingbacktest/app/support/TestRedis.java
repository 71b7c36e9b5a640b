package com.tradingbacktest.app.support;

import com.tradingbacktest.app.common.redis.RedisSettings;
import com.tradingbacktest.app.common.redis.SharedRedis;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import redis.embedded.RedisServer;

/**
 * A real redis-server process (the binary shipped in the embedded-redis test jar, so nothing needs
 * installing) on a free port of 127.0.0.1. It appends every write to a file in its own folder, so
 * {@link #stop()} then {@link #start()} plays Redis going away and coming back with its data, as a
 * restarted or partitioned production Redis would.
 */
public final class TestRedis implements AutoCloseable {

  private final int port;
  private final RedisServer server;

  private TestRedis(int port, Path dir) throws IOException {
    this.port = port;
    this.server =
        RedisServer.newRedisServer()
            .port(port)
            .bind("127.0.0.1")
            .setting("dir " + dir)
            .setting("save \"\"")
            .setting("appendonly yes")
            .setting("appendfsync always")
            .build();
  }

  public static TestRedis started() {
    try {
      TestRedis redis = new TestRedis(freePort(), IntegrationTest.newDataDir());
      redis.start();
      return redis;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String url() {
    return "redis://127.0.0.1:" + port;
  }

  public int port() {
    return port;
  }

  public void start() {
    try {
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Stops the server process (and waits for it to exit). */
  public void stop() {
    try {
      server.stop();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Runs commands on a fresh connection of a plain client, for assertions on what the app stored.
   */
  public <T> T inspect(Function<RedisCommands<String, String>, T> commands) {
    RedisClient client = RedisClient.create(url());
    try (StatefulRedisConnection<String, String> connection = client.connect()) {
      return commands.apply(connection.sync());
    } finally {
      client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
  }

  /** The app's Redis client for this server, as one instance of the app would have it. */
  public SharedRedis connect(Duration retryInterval) {
    return SharedRedis.connect(
        new RedisSettings(url(), Duration.ofMillis(500), retryInterval, "tb:"));
  }

  /** {@code redis} the way Spring hands an optional bean to a constructor; null for none. */
  public static ObjectProvider<SharedRedis> provider(SharedRedis redis) {
    DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
    if (redis != null) {
      beans.registerSingleton("sharedRedis", redis);
    }
    return beans.getBeanProvider(SharedRedis.class);
  }

  @Override
  public void close() {
    stop();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
