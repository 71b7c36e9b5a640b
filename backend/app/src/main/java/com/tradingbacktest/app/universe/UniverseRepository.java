package com.tradingbacktest.app.universe;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/**
 * Every query is scoped by the caller: what they own, or what they may read (their own or shared).
 * Name searches take a LIKE pattern already escaped with backslashes ({@code LikePatterns}).
 */
interface UniverseRepository extends Repository<Universe, UUID> {

  Universe save(Universe universe);

  void delete(Universe universe);

  @Query("select u from Universe u where u.id = :id and (u.ownerId = :userId or u.ownerId is null)")
  Optional<Universe> findReadable(UUID id, UUID userId);

  @Query("select count(u) from Universe u where u.ownerId = :userId")
  long countOwnedBy(UUID userId);

  @Query(
      "select u from Universe u where u.ownerId = :userId "
          + "and lower(u.name) like lower(:pattern) escape '\\'")
  Page<Universe> findOwnedBy(UUID userId, String pattern, Pageable pageable);

  @Query(
      "select u from Universe u where u.ownerId is null "
          + "and lower(u.name) like lower(:pattern) escape '\\'")
  Page<Universe> findShared(String pattern, Pageable pageable);

  @Query(
      "select u from Universe u where (u.ownerId = :userId or u.ownerId is null) "
          + "and lower(u.name) like lower(:pattern) escape '\\'")
  Page<Universe> findOwnedByOrShared(UUID userId, String pattern, Pageable pageable);
}
