package com.tradingbacktest.app.auth;

import com.tradingbacktest.app.common.ratelimit.TokenBuckets;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Token buckets against password guessing and sign-up floods. Every login attempt spends from its
 * client address's bucket; every failed login spends from the bucket of the login text and, when
 * the text names an account, from that account's bucket, so guessing one account's password is
 * capped whichever addresses the guesses come from and whichever of its names (username or email)
 * they use, while the owner's correct logins cost the account nothing. Every sign-up spends from
 * its address's sign-up bucket. Buckets are {@link TokenBuckets}: in Redis, shared by all
 * instances, when REDIS_URL is set; in memory otherwise.
 */
@Component
class AuthRateLimiter {

  private final TokenBuckets buckets;
  private final Supplier<BucketConfiguration> perIpLogin;
  private final Supplier<BucketConfiguration> perAccountFailure;
  private final Supplier<BucketConfiguration> perIpRegistration;

  AuthRateLimiter(TokenBuckets buckets, AuthSettings settings) {
    this.buckets = buckets;
    perIpLogin = limit(settings.loginAttemptsPerIpPerMinute(), Duration.ofMinutes(1));
    perAccountFailure = limit(settings.failedLoginsPerAccount(), settings.failedLoginWindow());
    perIpRegistration = limit(settings.registrationsPerIpPerHour(), Duration.ofHours(1));
  }

  /** Spends one login attempt of this address; throws when the budget is gone. */
  void beforeLogin(String ip, String login) {
    ConsumptionProbe probe =
        buckets.apply("login-ip:" + ip, perIpLogin, b -> b.tryConsumeAndReturnRemaining(1));
    if (!probe.isConsumed()) {
      throw new TooManyAttempts(
          "login attempts from your address", seconds(probe.getNanosToWaitForRefill()));
    }
    EstimationProbe account =
        buckets.apply(accountKey(login), perAccountFailure, b -> b.estimateAbilityToConsume(1));
    if (!account.canBeConsumed()) {
      throw new TooManyAttempts(
          "failed logins for this account", seconds(account.getNanosToWaitForRefill()));
    }
  }

  /**
   * Throws when the account the login resolved to has no failed login left, whichever of its names
   * the failures used.
   */
  void beforePasswordCheck(UUID account) {
    EstimationProbe probe =
        buckets.apply(userKey(account), perAccountFailure, b -> b.estimateAbilityToConsume(1));
    if (!probe.canBeConsumed()) {
      throw new TooManyAttempts(
          "failed logins for this account", seconds(probe.getNanosToWaitForRefill()));
    }
  }

  /**
   * @param account the account the login text resolved to, or null when it named none
   */
  void loginFailed(String login, UUID account) {
    buckets.apply(accountKey(login), perAccountFailure, b -> b.tryConsume(1));
    if (account != null) {
      buckets.apply(userKey(account), perAccountFailure, b -> b.tryConsume(1));
    }
  }

  private static String userKey(UUID account) {
    return "login-user:" + account;
  }

  void beforeRegistration(String ip) {
    ConsumptionProbe probe =
        buckets.apply(
            "register-ip:" + ip, perIpRegistration, b -> b.tryConsumeAndReturnRemaining(1));
    if (!probe.isConsumed()) {
      throw new TooManyAttempts(
          "sign-ups from your address", seconds(probe.getNanosToWaitForRefill()));
    }
  }

  /** By a digest of the login, so no email address ends up in Redis keys. */
  private static String accountKey(String login) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(login.trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
      return "login-account:" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  private static Supplier<BucketConfiguration> limit(int capacity, Duration period) {
    return () ->
        BucketConfiguration.builder()
            .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, period).build())
            .build();
  }

  private static long seconds(long nanos) {
    return Math.max(1, (long) Math.ceil(nanos / 1_000_000_000.0));
  }
}
