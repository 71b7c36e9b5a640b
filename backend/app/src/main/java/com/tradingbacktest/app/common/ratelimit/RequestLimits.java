package com.tradingbacktest.app.common.ratelimit;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Per-account budgets of expensive requests ({@link RequestLimit}), in {@link TokenBuckets}: shared
 * by every instance through Redis when REDIS_URL is set. Controller methods declare theirs with
 * {@link RateLimited}; code that is not a controller method may call {@link #spend} itself.
 */
@Component
public class RequestLimits {

  private final TokenBuckets buckets;
  private final Map<RequestLimit, Integer> perMinute = new EnumMap<>(RequestLimit.class);
  private final Map<RequestLimit, Supplier<BucketConfiguration>> configurations =
      new EnumMap<>(RequestLimit.class);

  RequestLimits(TokenBuckets buckets, RateLimitSettings settings) {
    this.buckets = buckets;
    for (RequestLimit limit : RequestLimit.values()) {
      int capacity = limit.perMinute(settings);
      perMinute.put(limit, capacity);
      configurations.put(
          limit,
          () ->
              BucketConfiguration.builder()
                  .addLimit(
                      Bandwidth.builder()
                          .capacity(capacity)
                          .refillGreedy(capacity, Duration.ofMinutes(1))
                          .build())
                  .build());
    }
  }

  /**
   * Spends one request of {@code limit} from {@code account}'s budget.
   *
   * @throws TooManyRequests when the budget is gone (429 with Retry-After)
   */
  public void spend(RequestLimit limit, String account) {
    int capacity = perMinute.get(limit);
    if (capacity == 0) {
      return;
    }
    ConsumptionProbe probe =
        buckets.apply(
            "request:" + limit.name().toLowerCase(java.util.Locale.ROOT) + ":" + account,
            configurations.get(limit),
            b -> b.tryConsumeAndReturnRemaining(1));
    if (!probe.isConsumed()) {
      throw new TooManyRequests(
          limit, capacity, (long) Math.ceil(probe.getNanosToWaitForRefill() / 1_000_000_000.0));
    }
  }
}
