package com.tradingbacktest.app.common.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.tradingbacktest.app.common.redis.SharedRedis;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.local.LocalBucketBuilder;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Bucket4j buckets by key. With REDIS_URL set, a bucket's state lives in Redis under {@code
 * <prefix>rate:<key>} (compare-and-swap, expiring once the bucket would be full again), so a limit
 * holds across all instances. Without it, and while Redis is away, each instance has its own
 * buckets in memory: limits then count per instance, which is the price of never failing a request.
 */
@Component
public class TokenBuckets {

  private final Cache<String, Bucket> local =
      Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(2, TimeUnit.HOURS).build();
  private final SharedRedis redis;
  private volatile Remote remote;

  TokenBuckets(ObjectProvider<SharedRedis> redis) {
    this.redis = redis.getIfAvailable();
  }

  /**
   * Runs {@code action} (a consume or an estimate) on the bucket of {@code key}, created with
   * {@code configuration} when new, and returns its result.
   */
  public <T> T apply(
      String key, Supplier<BucketConfiguration> configuration, Function<Bucket, T> action) {
    Supplier<T> inMemory =
        () -> action.apply(local.get(key, k -> localBucket(configuration.get())));
    if (redis == null) {
      return inMemory.get();
    }
    return redis.execute(
        c -> action.apply(proxies(c).builder().build(redis.key("rate:" + key), configuration)),
        inMemory);
  }

  private ProxyManager<String> proxies(StatefulRedisConnection<String, byte[]> connection) {
    Remote current = remote;
    if (current == null || current.connection() != connection) {
      // A bucket's key expires 10 s after it would be full again: idle addresses leave nothing
      // behind.
      current =
          new Remote(
              connection,
              Bucket4jLettuce.casBasedBuilder(connection)
                  .expirationAfterWrite(
                      ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                          Duration.ofSeconds(10)))
                  .build());
      remote = current;
    }
    return current.proxies();
  }

  private static Bucket localBucket(BucketConfiguration configuration) {
    LocalBucketBuilder builder = Bucket.builder();
    for (Bandwidth limit : configuration.getBandwidths()) {
      builder.addLimit(limit);
    }
    return builder.build();
  }

  /** The proxy manager made for one connection (Lettuce keeps a connection across reconnects). */
  private record Remote(
      StatefulRedisConnection<String, byte[]> connection, ProxyManager<String> proxies) {}
}
