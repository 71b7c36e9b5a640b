package com.tradingbacktest.app.common.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A cache in this process (Caffeine): the whole cache without REDIS_URL, and the stand-in while
 * Redis is away. Loaders run outside Caffeine's locks, so a slow query never blocks other keys.
 */
final class LocalCache<V> implements SharedCache<V> {

  private final Cache<String, V> entries;

  LocalCache(Duration ttl, long maxEntries) {
    entries = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(maxEntries).build();
  }

  @Override
  public V get(String key, Supplier<V> loader) {
    V value = entries.getIfPresent(key);
    if (value == null) {
      value = loader.get();
      if (value != null) {
        entries.put(key, value);
      }
    }
    return value;
  }

  @Override
  public Map<String, V> getAll(
      Collection<String> keys, Function<Set<String>, Map<String, V>> loader) {
    Map<String, V> found = new LinkedHashMap<>(entries.getAllPresent(keys));
    Set<String> missing = new LinkedHashSet<>(keys);
    missing.removeAll(found.keySet());
    if (!missing.isEmpty()) {
      loader
          .apply(missing)
          .forEach(
              (key, value) -> {
                if (value != null && missing.contains(key)) {
                  entries.put(key, value);
                  found.put(key, value);
                }
              });
    }
    return found;
  }

  @Override
  public void evict(String key) {
    entries.invalidate(key);
  }

  void clear() {
    entries.invalidateAll();
  }
}
