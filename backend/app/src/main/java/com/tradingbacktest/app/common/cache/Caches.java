package com.tradingbacktest.app.common.cache;

import com.tradingbacktest.app.common.redis.SharedRedis;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Makes the caches features use: in Redis when REDIS_URL is set, otherwise in this process. Values
 * are stored as JSON written by a mapper of their own, independent of the API's naming settings.
 */
@Component
public class Caches {

  private final SharedRedis redis;
  private final JsonMapper mapper = JsonMapper.builder().build();

  Caches(ObjectProvider<SharedRedis> redis) {
    this.redis = redis.getIfAvailable();
  }

  /**
   * A cache of values of {@code type}.
   *
   * @param name part of the Redis keys, unique among caches (e.g. {@code symbols})
   * @param ttl how long an entry lives: the bound on staleness should an eviction be missed
   * @param maxLocalEntries the most entries held in this process (without Redis, or while it is
   *     away)
   */
  public <V> SharedCache<V> create(
      String name, TypeReference<V> type, Duration ttl, long maxLocalEntries) {
    LocalCache<V> local = new LocalCache<>(ttl, maxLocalEntries);
    if (redis == null) {
      return local;
    }
    JavaType javaType = mapper.getTypeFactory().constructType(type);
    return new RedisBackedCache<>(
        redis, name, mapper.readerFor(javaType), mapper.writerFor(javaType), ttl, local);
  }
}
