package com.tradingbacktest.app.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Whether an access token's subject is a user of this database. Without this check, a token signed
 * for a user who is gone (a database reset behind the same JWT_SECRET) would reach the features,
 * which then fail on a missing row. Users found are remembered for a minute, so a busy client costs
 * one lookup a minute, not one a request.
 */
@Component
class KnownUsers {

  private final UserRepository users;
  private final Cache<UUID, Boolean> found =
      Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(Duration.ofMinutes(1)).build();

  KnownUsers(UserRepository users) {
    this.users = users;
  }

  boolean exists(UUID id) {
    if (found.getIfPresent(id) != null) {
      return true;
    }
    boolean exists = users.existsById(id);
    if (exists) {
      found.put(id, Boolean.TRUE);
    }
    return exists;
  }
}
