package com.tradingbacktest.app.auth;

import com.tradingbacktest.app.common.persistence.AssignedIdEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A personal API key. The secret is shown once at creation; only its SHA-256 hash and a short
 * prefix (to recognise it in a list) are stored.
 */
@Entity
@Table(name = "api_keys")
class ApiKey extends AssignedIdEntity {

  @Column(name = "user_id", nullable = false)
  private UUID userId;

  @Column(nullable = false)
  private String name;

  @Column(nullable = false)
  private String prefix;

  @Column(name = "key_hash", nullable = false)
  private byte[] keyHash;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "expires_at")
  private Instant expiresAt;

  @Column(name = "last_used_at")
  private Instant lastUsedAt;

  @Column(name = "revoked_at")
  private Instant revokedAt;

  protected ApiKey() {}

  static ApiKey create(
      UUID userId, String name, String prefix, byte[] keyHash, Instant now, Instant expiresAt) {
    ApiKey key = new ApiKey();
    key.assignNewId();
    key.userId = userId;
    key.name = name;
    key.prefix = prefix;
    key.keyHash = keyHash;
    key.createdAt = now;
    key.expiresAt = expiresAt;
    return key;
  }

  boolean isUsable(Instant now) {
    return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
  }

  void revoke(Instant now) {
    if (revokedAt == null) {
      revokedAt = now;
    }
  }

  UUID userId() {
    return userId;
  }

  String name() {
    return name;
  }

  String prefix() {
    return prefix;
  }

  Instant createdAt() {
    return createdAt;
  }

  Instant expiresAt() {
    return expiresAt;
  }

  Instant lastUsedAt() {
    return lastUsedAt;
  }

  Instant revokedAt() {
    return revokedAt;
  }
}
