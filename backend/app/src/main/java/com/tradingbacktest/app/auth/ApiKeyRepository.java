package com.tradingbacktest.app.auth;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface ApiKeyRepository extends Repository<ApiKey, UUID> {

  ApiKey save(ApiKey key);

  @Query("select k from ApiKey k where k.keyHash = :hash")
  Optional<ApiKey> findByHash(byte[] hash);

  @Query("select k from ApiKey k where k.id = :id and k.userId = :userId")
  Optional<ApiKey> findOwned(UUID id, UUID userId);

  @Query("select k from ApiKey k where k.userId = :userId order by k.createdAt desc")
  List<ApiKey> findAllOwnedBy(UUID userId);

  /** Records use at most once a minute per key, so authenticating is not a write per request. */
  @Modifying
  @Query(
      "update ApiKey k set k.lastUsedAt = :now where k.id = :id "
          + "and (k.lastUsedAt is null or k.lastUsedAt < :staleBefore)")
  int touch(UUID id, Instant now, Instant staleBefore);
}
