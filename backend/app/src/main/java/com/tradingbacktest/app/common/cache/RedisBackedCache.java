package com.tradingbacktest.app.common.cache;

import com.tradingbacktest.app.common.redis.SharedRedis;
import io.lettuce.core.KeyValue;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanIterator;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ObjectWriter;

/**
 * A cache in Redis: entries are JSON under {@code <prefix>cache:<name>:<key>} with the cache's time
 * to live, so every instance reads what any instance loaded, and an eviction anywhere is seen
 * everywhere. While Redis is away it falls back to a {@link LocalCache}. An eviction that could not
 * reach Redis is remembered: before this instance uses Redis again, it deletes the whole cache
 * there (it cannot know which entries went stale meanwhile), and it always drops its local
 * stand-in's entries, which nobody else could evict.
 */
final class RedisBackedCache<V> implements SharedCache<V> {

  private static final Logger log = LoggerFactory.getLogger(RedisBackedCache.class);

  private final SharedRedis redis;
  private final String namespace;
  private final ObjectReader reader;
  private final ObjectWriter writer;
  private final SetArgs expiry;
  private final LocalCache<V> local;
  private final AtomicBoolean missedEviction = new AtomicBoolean();

  RedisBackedCache(
      SharedRedis redis,
      String name,
      ObjectReader reader,
      ObjectWriter writer,
      Duration ttl,
      LocalCache<V> local) {
    this.redis = redis;
    this.namespace = redis.key("cache:" + name + ":");
    this.reader = reader;
    this.writer = writer;
    this.expiry = SetArgs.Builder.px(ttl.toMillis());
    this.local = local;
    redis.whenBack(this::beforeReuse);
  }

  @Override
  public V get(String key, Supplier<V> loader) {
    Lookup<V> cached =
        redis.execute(c -> new Lookup<>(decode(key, c.sync().get(namespace + key))), () -> null);
    if (cached == null) {
      return local.get(key, loader);
    }
    if (cached.value() != null) {
      return cached.value();
    }
    V loaded = loader.get();
    if (loaded != null) {
      store(Map.of(key, loaded));
    }
    return loaded;
  }

  @Override
  public Map<String, V> getAll(
      Collection<String> keys, Function<Set<String>, Map<String, V>> loader) {
    List<String> distinct = new ArrayList<>(new LinkedHashSet<>(keys));
    if (distinct.isEmpty()) {
      return new LinkedHashMap<>();
    }
    Map<String, V> found =
        redis.execute(
            c -> {
              String[] redisKeys = distinct.stream().map(k -> namespace + k).toArray(String[]::new);
              Map<String, V> values = new LinkedHashMap<>();
              for (KeyValue<String, byte[]> kv : c.sync().mget(redisKeys)) {
                String key = kv.getKey().substring(namespace.length());
                V value = kv.hasValue() ? decode(key, kv.getValue()) : null;
                if (value != null) {
                  values.put(key, value);
                }
              }
              return values;
            },
            () -> null);
    if (found == null) {
      return local.getAll(distinct, loader);
    }
    Set<String> missing = new LinkedHashSet<>(distinct);
    missing.removeAll(found.keySet());
    if (!missing.isEmpty()) {
      Map<String, V> loaded = new LinkedHashMap<>();
      loader
          .apply(missing)
          .forEach(
              (key, value) -> {
                if (value != null && missing.contains(key)) {
                  loaded.put(key, value);
                }
              });
      store(loaded);
      found.putAll(loaded);
    }
    return found;
  }

  @Override
  public void evict(String key) {
    local.evict(key);
    boolean done = redis.execute(c -> c.sync().del(namespace + key) >= 0, () -> false);
    if (!done) {
      missedEviction.set(true);
    }
  }

  /**
   * Runs before Redis is used again after an absence; a Redis failure here keeps Redis counted as
   * away.
   */
  private void beforeReuse(StatefulRedisConnection<String, byte[]> c) {
    local.clear();
    if (missedEviction.getAndSet(false)) {
      try {
        long deleted = 0;
        List<String> batch = new ArrayList<>();
        for (ScanIterator<String> keys =
                ScanIterator.scan(c.sync(), ScanArgs.Builder.matches(namespace + "*").limit(500));
            keys.hasNext(); ) {
          batch.add(keys.next());
          if (batch.size() == 500 || !keys.hasNext()) {
            deleted += c.sync().del(batch.toArray(String[]::new));
            batch.clear();
          }
        }
        log.info(
            "Cleared {} entries of {}* in Redis: an eviction missed them while Redis was away",
            deleted,
            namespace);
      } catch (RuntimeException e) {
        missedEviction.set(true);
        throw e;
      }
    }
  }

  /**
   * Writes entries with the cache's expiry, pipelined; Redis being away only means they are not
   * cached.
   */
  private void store(Map<String, V> entries) {
    if (entries.isEmpty()) {
      return;
    }
    redis.execute(
        c -> {
          RedisAsyncCommands<String, byte[]> async = c.async();
          List<RedisFuture<String>> writes = new ArrayList<>(entries.size());
          entries.forEach(
              (key, value) ->
                  writes.add(async.set(namespace + key, writer.writeValueAsBytes(value), expiry)));
          for (RedisFuture<String> write : writes) {
            await(write);
          }
          return null;
        },
        () -> null);
  }

  private V decode(String key, byte[] bytes) {
    if (bytes == null) {
      return null;
    }
    try {
      return reader.readValue(bytes);
    } catch (JacksonException e) {
      // Written by another version of the app: a miss, replaced by the next store.
      log.debug(
          "Ignoring an unreadable cache entry {}{}: {}", namespace, key, e.getOriginalMessage());
      return null;
    }
  }

  private static void await(RedisFuture<?> future) {
    try {
      future.get();
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RedisException r ? r : new RedisException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RedisException(e);
    }
  }

  /** What Redis had for a key: {@code value} null for nothing (or nothing readable). */
  private record Lookup<V>(V value) {}
}
