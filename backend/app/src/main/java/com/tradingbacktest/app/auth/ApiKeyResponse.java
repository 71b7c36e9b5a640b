package com.tradingbacktest.app.auth;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;

/** A key as listed: its prefix identifies it; the secret is never shown again. */
record ApiKeyResponse(
    UUID id,
    String name,
    @Schema(example = "tb_3f9a1c2e") String prefix,
    Instant createdAt,
    @Schema(nullable = true) Instant expiresAt,
    @Schema(nullable = true) Instant lastUsedAt,
    @Schema(nullable = true) Instant revokedAt) {

  static ApiKeyResponse of(ApiKey key) {
    return new ApiKeyResponse(
        key.getId(),
        key.name(),
        key.prefix(),
        key.createdAt(),
        key.expiresAt(),
        key.lastUsedAt(),
        key.revokedAt());
  }
}
