package com.tradingbacktest.app.auth;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.Instant;
import java.util.UUID;
import org.springframework.data.domain.Persistable;

/**
 * One refresh token of a login session. Only its SHA-256 hash is stored. All tokens issued from one
 * login share a family; each use rotates the token (this one is revoked and points at its successor),
 * so presenting a rotated token again means it was stolen, and the whole family is revoked.
 */
@Entity
@Table(name = "refresh_tokens")
class RefreshToken implements Persistable<UUID> {

  @Id
  private UUID id;

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

  @Transient
  private boolean isNew;

  protected RefreshToken() {}

  static RefreshToken issue(UUID userId, UUID familyId, byte[] tokenHash, Instant now, Instant expiresAt,
      String userAgent, String ipAddress) {
    RefreshToken token = new RefreshToken();
    token.id = UUID.randomUUID();
    token.userId = userId;
    token.familyId = familyId;
    token.tokenHash = tokenHash;
    token.createdAt = now;
    token.expiresAt = expiresAt;
    token.userAgent = userAgent == null ? null : userAgent.substring(0, Math.min(255, userAgent.length()));
    token.ipAddress = ipAddress;
    token.isNew = true;
    return token;
  }

  /** Marks this token used, succeeded by {@code successor}. */
  void rotateTo(RefreshToken successor, Instant now) {
    if (revokedAt != null) {
      throw new IllegalStateException("a revoked token cannot be rotated");
    }
    revokedAt = now;
    replacedBy = successor.id;
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

  @Override
  public UUID getId() {
    return id;
  }

  @Override
  public boolean isNew() {
    return isNew;
  }

  @PostLoad
  @PostPersist
  void markPersisted() {
    isNew = false;
  }
}
