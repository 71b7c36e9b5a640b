package com.tradingbacktest.app.common.cache;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A cache of one kind of value by string key, made by {@link Caches}. Absent values (a loader's
 * {@code null}) are never cached, so only the owner of the data has to evict, and only on change.
 *
 * @param <V> an immutable value that Jackson can write and read back (records, lists of records)
 */
public interface SharedCache<V> {

  /** The cached value of {@code key}, or else {@code loader}'s (cached unless null). */
  V get(String key, Supplier<V> loader);

  /**
   * The values of several keys: the cached ones, and the others from one call of {@code loader}
   * with the missing keys (keys it leaves out stay absent and uncached).
   */
  Map<String, V> getAll(Collection<String> keys, Function<Set<String>, Map<String, V>> loader);

  /** Forgets {@code key}'s value everywhere: in Redis (so in every instance) and here. */
  void evict(String key);
}
