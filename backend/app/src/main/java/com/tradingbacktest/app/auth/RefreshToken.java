package com.tradingbacktest.app.auth;

import com.tradingbacktest.app.common.persistence.AssignedIdEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One refresh token of a login session. Only its SHA-256 hash is stored. All tokens issued from one
 * login share a family; each use rotates the token (this one is revoked and points at its
 * successor), so presenting a rotated token again means it was stolen, and the whole family is
 * revoked.
 */
@Entity
@Table(name = "refresh_tokens")
class RefreshToken extends AssignedIdEntity {

  @Column(name = "user_id", nullable = false)
  private UUID userId;

  @Column(name = "family_id", nullable = false)
  private UUID familyId;

  @Column(name = "token_hash", nullable = false)
  private byte[] tokenHash;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "expires_at", nullable = false)
  private Instant expiresAt;

  @Column(name = "revoked_at")
  private Instant revokedAt;

  @Column(name = "replaced_by")
  private UUID replacedBy;

  @Column(name = "user_agent")
  private String userAgent;

  @Column(name = "ip_address")
  private String ipAddress;

  protected RefreshToken() {}

  static RefreshToken issue(
      UUID userId,
      UUID familyId,
      byte[] tokenHash,
      Instant now,
      Instant expiresAt,
      String userAgent,
      String ipAddress) {
    RefreshToken token = new RefreshToken();
    token.assignNewId();
    token.userId = userId;
    token.familyId = familyId;
    token.tokenHash = tokenHash;
    token.createdAt = now;
    token.expiresAt = expiresAt;
    token.userAgent =
        userAgent == null ? null : userAgent.substring(0, Math.min(255, userAgent.length()));
    token.ipAddress = ipAddress;
    return token;
  }

  /** Marks this token used, succeeded by {@code successor}. */
  void rotateTo(RefreshToken successor, Instant now) {
    if (revokedAt != null) {
      throw new IllegalStateException("a revoked token cannot be rotated");
    }
    revokedAt = now;
    replacedBy = successor.getId();
  }

  boolean isRevoked() {
    return revokedAt != null;
  }

  boolean isExpired(Instant now) {
    return !now.isBefore(expiresAt);
  }

  UUID userId() {
    return userId;
  }

  UUID familyId() {
    return familyId;
  }
}
