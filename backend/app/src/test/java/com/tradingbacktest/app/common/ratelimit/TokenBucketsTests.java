package com.tradingbacktest.app.common.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tradingbacktest.app.support.TestRedis;
import com.tradingbacktest.app.support.TwoRedisClients;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two instances of the app, played by two clients of one real redis-server, spending from buckets.
 */
class TokenBucketsTests {

  private static BucketConfiguration fivePerHour() {
    return BucketConfiguration.builder()
        .addLimit(Bandwidth.builder().capacity(5).refillGreedy(5, Duration.ofHours(1)).build())
        .build();
  }

  private TwoRedisClients redis;
  private TokenBuckets a;
  private TokenBuckets b;

  @BeforeEach
  void start() {
    redis = TwoRedisClients.started();
    a = new TokenBuckets(TestRedis.provider(redis.ofA));
    b = new TokenBuckets(TestRedis.provider(redis.ofB));
  }

  @AfterEach
  void stop() {
    redis.close();
  }

  @Test
  void twoInstancesSpendFromOneBucket() {
    assertThat(spend(a, 3)).isEqualTo(3);
    assertThat(spend(b, 2)).isEqualTo(2);

    assertThat(spend(a, 1)).isZero();
    assertThat(spend(b, 1)).isZero();
    assertThat(redis.server.<Long>inspect(c -> c.pttl("tb:rate:login-ip:203.0.113.5")))
        .as("the bucket expires once it would be full again")
        .isBetween(1L, Duration.ofHours(1).plusSeconds(10).toMillis());
  }

  @Test
  void whileRedisIsAwayEachInstanceLimitsOnItsOwnAndSharesAgainWhenItIsBack() {
    assertThat(spend(a, 2)).isEqualTo(2);
    redis.server.stop();

    assertThat(spend(a, 6)).as("local bucket of A").isEqualTo(5);
    assertThat(spend(b, 6)).as("local bucket of B").isEqualTo(5);

    redis.server.start();
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> {
              a.apply(
                  "probe", TokenBucketsTests::fivePerHour, bucket -> bucket.getAvailableTokens());
              return redis.ofA.available();
            });
    assertThat(spend(a, 4))
        .as("the shared bucket, with the 3 tokens it had when Redis went away")
        .isEqualTo(3);
  }

  @Test
  void withoutRedisBucketsAreLocal() {
    TokenBuckets local = new TokenBuckets(TestRedis.provider(null));
    TokenBuckets other = new TokenBuckets(TestRedis.provider(null));

    assertThat(spend(local, 6)).isEqualTo(5);
    assertThat(spend(other, 6)).isEqualTo(5);
    assertThat(redis.server.<java.util.List<String>>inspect(c -> c.keys("*"))).isEmpty();
  }

  /** Tries to take {@code tokens} tokens one by one; returns how many were granted. */
  private static int spend(TokenBuckets buckets, int tokens) {
    int granted = 0;
    for (int i = 0; i < tokens; i++) {
      if (buckets.apply(
          "login-ip:203.0.113.5", TokenBucketsTests::fivePerHour, bucket -> bucket.tryConsume(1))) {
        granted++;
      }
    }
    return granted;
  }
}
