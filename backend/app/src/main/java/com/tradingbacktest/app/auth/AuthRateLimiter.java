package com.tradingbacktest.app.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Token buckets against password guessing and sign-up floods. Every login attempt spends from its
 * client address's bucket; every failed login spends from the account's bucket, so guessing one
 * account's password is capped whichever addresses the guesses come from, while the owner's correct
 * logins cost the account nothing. Every sign-up spends from its address's sign-up bucket. Buckets live
 * in a bounded in-memory cache (shared through Redis once REDIS_URL support lands).
 */
@Component
class AuthRateLimiter {

  private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
      .maximumSize(100_000)
      .expireAfterAccess(2, TimeUnit.HOURS)
      .build();
  private final Supplier<Bandwidth> perIpLogin;
  private final Supplier<Bandwidth> perAccountFailure;
  private final Supplier<Bandwidth> perIpRegistration;

  AuthRateLimiter(AuthSettings settings) {
    perIpLogin = limit(settings.loginAttemptsPerIpPerMinute(), Duration.ofMinutes(1));
    perAccountFailure = limit(settings.failedLoginsPerAccount(), settings.failedLoginWindow());
    perIpRegistration = limit(settings.registrationsPerIpPerHour(), Duration.ofHours(1));
  }

  /** Spends one login attempt of this address; throws when the budget is gone. */
  void beforeLogin(String ip, String login) {
    ConsumptionProbe probe = bucket("login-ip:" + ip, perIpLogin).tryConsumeAndReturnRemaining(1);
    if (!probe.isConsumed()) {
      throw new TooManyAttempts("login attempts from your address", seconds(probe.getNanosToWaitForRefill()));
    }
    EstimationProbe account = bucket(accountKey(login), perAccountFailure).estimateAbilityToConsume(1);
    if (!account.canBeConsumed()) {
      throw new TooManyAttempts("failed logins for this account", seconds(account.getNanosToWaitForRefill()));
    }
  }

  void loginFailed(String login) {
    bucket(accountKey(login), perAccountFailure).tryConsume(1);
  }

  void beforeRegistration(String ip) {
    ConsumptionProbe probe = bucket("register-ip:" + ip, perIpRegistration).tryConsumeAndReturnRemaining(1);
    if (!probe.isConsumed()) {
      throw new TooManyAttempts("sign-ups from your address", seconds(probe.getNanosToWaitForRefill()));
    }
  }

  private Bucket bucket(String key, Supplier<Bandwidth> limit) {
    return buckets.get(key, k -> Bucket.builder().addLimit(limit.get()).build());
  }

  private static String accountKey(String login) {
    return "login-account:" + login.trim().toLowerCase(Locale.ROOT);
  }

  private static Supplier<Bandwidth> limit(int capacity, Duration period) {
    return () -> Bandwidth.builder().capacity(capacity).refillGreedy(capacity, period).build();
  }

  private static long seconds(long nanos) {
    return Math.max(1, (long) Math.ceil(nanos / 1_000_000_000.0));
  }
}
