package com.tradingbacktest.app.common.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.lettuce.core.resource.Delay;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one Redis connection of this process (string keys, byte values), and what happens when Redis
 * is away. Every use goes through {@link #execute}: the operation runs on Redis, or, when Redis
 * cannot be reached or fails, the caller's local stand-in runs instead. The first failure logs one
 * warning; then Redis is left alone for {@code retryInterval} so requests never wait on it, and is
 * tried again after. When it answers again, the listeners given to {@link #whenBack} run first (so
 * stale local state is dropped) and an info line is logged. Requests never fail because of Redis.
 *
 * <p>Lettuce reconnects by itself; while it is disconnected, commands are rejected at once instead
 * of queued, and every command is bounded by {@code timeout}.
 */
public final class SharedRedis implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(SharedRedis.class);
  private static final RedisCodec<String, byte[]> CODEC =
      RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);

  private final ClientResources resources;
  private final RedisClient client;
  private final String where;
  private final String keyPrefix;
  private final long retryNanos;
  private final List<Consumer<StatefulRedisConnection<String, byte[]>>> whenBack =
      new CopyOnWriteArrayList<>();
  private final Object connecting = new Object();
  private final AtomicBoolean away = new AtomicBoolean();
  private volatile StatefulRedisConnection<String, byte[]> connection;
  private volatile long retryAt;

  private SharedRedis(RedisSettings settings) {
    RedisURI uri = RedisURI.create(settings.url().trim());
    uri.setTimeout(settings.timeout());
    // Never log the URL itself: it may carry a password.
    where = uri.getSocket() != null ? uri.getSocket() : uri.getHost() + ":" + uri.getPort();
    keyPrefix = settings.keyPrefix();
    retryNanos = settings.retryInterval().toNanos();
    resources =
        DefaultClientResources.builder()
            .reconnectDelay(
                Delay.exponential(
                    Duration.ofMillis(100), Duration.ofSeconds(5), 2, TimeUnit.MILLISECONDS))
            .build();
    client = RedisClient.create(resources, uri);
    client.setOptions(
        ClientOptions.builder()
            .autoReconnect(true)
            .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
            .socketOptions(SocketOptions.builder().connectTimeout(settings.timeout()).build())
            .timeoutOptions(TimeoutOptions.enabled(settings.timeout()))
            .build());
  }

  /** Creates the client and tries to connect; an unreachable Redis is logged, not fatal. */
  public static SharedRedis connect(RedisSettings settings) {
    SharedRedis redis = new SharedRedis(settings);
    if (redis.connection() != null) {
      log.info("Caches and rate limits are shared through Redis at {}", redis.where);
    }
    return redis;
  }

  /** {@code part} under this deployment's key prefix, e.g. {@code tb:cache:symbols:AAPL}. */
  public String key(String part) {
    return keyPrefix + part;
  }

  /**
   * Runs {@code operation} on Redis and returns its result; when Redis is away or the operation
   * fails because of Redis, returns {@code fallback}'s result instead. Other exceptions pass
   * through.
   */
  public <T> T execute(
      Function<StatefulRedisConnection<String, byte[]>, T> operation, Supplier<T> fallback) {
    StatefulRedisConnection<String, byte[]> c = connection();
    if (c == null) {
      return fallback.get();
    }
    try {
      if (away.get()) {
        comeBack(c);
      }
      return operation.apply(c);
    } catch (RuntimeException e) {
      if (!causedByRedis(e)) {
        throw e;
      }
      failed(e);
      return fallback.get();
    }
  }

  /**
   * Registers what must happen before Redis is used again after an absence (runs on the first
   * request that finds it back; a Redis failure inside it keeps Redis counted as away).
   */
  public void whenBack(Consumer<StatefulRedisConnection<String, byte[]>> listener) {
    whenBack.add(listener);
  }

  /** False from a failure until Redis has answered again. */
  public boolean available() {
    return !away.get() && connection != null;
  }

  private StatefulRedisConnection<String, byte[]> connection() {
    if (away.get() && System.nanoTime() - retryAt < 0) {
      return null;
    }
    StatefulRedisConnection<String, byte[]> c = connection;
    if (c != null) {
      return c;
    }
    synchronized (connecting) {
      if (connection == null) {
        try {
          connection = client.connect(CODEC);
        } catch (RedisException e) {
          failed(e);
          return null;
        }
      }
      return connection;
    }
  }

  private synchronized void comeBack(StatefulRedisConnection<String, byte[]> c) {
    if (!away.get()) {
      return;
    }
    c.sync().ping(); // throws while Redis is still away
    whenBack.forEach(listener -> listener.accept(c));
    away.set(false);
    log.info("Redis at {} answers again: caches and rate limits are shared again", where);
  }

  private void failed(RuntimeException e) {
    retryAt = System.nanoTime() + retryNanos;
    if (away.compareAndSet(false, true)) {
      log.warn(
          "Redis at {} is unavailable ({}): using local caches and rate limits until it answers again",
          where,
          rootMessage(e));
    } else {
      log.debug("Redis at {} is still unavailable: {}", where, rootMessage(e));
    }
  }

  private static boolean causedByRedis(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof RedisException) {
        return true;
      }
    }
    return false;
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }

  @Override
  public void close() {
    StatefulRedisConnection<String, byte[]> c = connection;
    if (c != null) {
      c.close();
    }
    client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    resources.shutdown(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(3, TimeUnit.SECONDS);
  }
}
