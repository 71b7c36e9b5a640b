package com.tradingbacktest.app.auth;

import com.tradingbacktest.app.common.error.NotFoundException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal API keys: {@code tb_<8 hex prefix>_<43 chars of secret>}. The prefix is stored in clear
 * to tell keys apart in a list; the key is found by the SHA-256 of the whole string.
 */
@Service
class ApiKeyService {

  static final String KEY_PREFIX = "tb_";
  private static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);

  private final ApiKeyRepository keys;
  private final UserRepository users;
  private final Clock clock;

  ApiKeyService(ApiKeyRepository keys, UserRepository users, Clock clock) {
    this.keys = keys;
    this.users = users;
    this.clock = clock;
  }

  @Transactional
  public CreatedApiKeyResponse create(UUID userId, CreateApiKeyRequest request) {
    Instant now = clock.instant();
    String prefix =
        KEY_PREFIX
            + java.util.HexFormat.of().formatHex(Secrets.sha256(Secrets.randomToken(16)), 0, 4);
    String secret = prefix + "_" + Secrets.randomToken(32);
    Instant expiresAt =
        request.expiresInDays() == null ? null : now.plus(Duration.ofDays(request.expiresInDays()));
    ApiKey key =
        keys.save(
            ApiKey.create(
                userId, request.name().trim(), prefix, Secrets.sha256(secret), now, expiresAt));
    return new CreatedApiKeyResponse(secret, ApiKeyResponse.of(key));
  }

  @Transactional(readOnly = true)
  public List<ApiKeyResponse> list(UUID userId) {
    return keys.findAllOwnedBy(userId).stream().map(ApiKeyResponse::of).toList();
  }

  @Transactional
  public void revoke(UUID userId, UUID keyId) {
    ApiKey key =
        keys.findOwned(keyId, userId).orElseThrow(() -> new NotFoundException("The API key"));
    key.revoke(clock.instant());
    keys.save(key);
  }

  /** The user a presented key belongs to, if the key is known, unrevoked and unexpired. */
  @Transactional
  public Optional<AuthenticatedUser> authenticate(String presented) {
    if (presented == null || !presented.startsWith(KEY_PREFIX) || presented.length() > 100) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    return keys.findByHash(Secrets.sha256(presented))
        .filter(key -> key.isUsable(now))
        .flatMap(
            key -> {
              keys.touch(key.getId(), now, now.minus(TOUCH_INTERVAL));
              return users.findById(key.userId());
            })
        .map(user -> new AuthenticatedUser(user.getId(), user.username()));
  }
}
