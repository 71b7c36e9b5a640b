package com.tradingbacktest.app.strategy;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/**
 * Every query is scoped by the caller: what they own, or what they may read (their own or public).
 * Name searches take a LIKE pattern already escaped with backslashes ({@link
 * StrategyService#containsPattern}).
 */
interface StrategyRepository extends Repository<Strategy, UUID> {

  Strategy save(Strategy strategy);

  /** Saves and writes it at once: its versions, written with SQL, reference its row. */
  Strategy saveAndFlush(Strategy strategy);

  @Query("select s from Strategy s where s.id = :id and s.userId = :userId")
  Optional<Strategy> findOwned(UUID id, UUID userId);

  /** The owner's strategy, its row locked until the transaction ends. */
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select s from Strategy s where s.id = :id and s.userId = :userId")
  Optional<Strategy> lockOwned(UUID id, UUID userId);

  @Query("select s from Strategy s where s.id = :id and (s.userId = :userId or s.isPublic = true)")
  Optional<Strategy> findReadable(UUID id, UUID userId);

  @Modifying
  @Query("delete from Strategy s where s.id = :id and s.userId = :userId")
  int deleteOwned(UUID id, UUID userId);

  @Query(
      "select s from Strategy s where s.userId = :userId and lower(s.name) like lower(:pattern) escape '\\'")
  Page<Strategy> findOwnedBy(UUID userId, String pattern, Pageable pageable);

  @Query(
      "select s from Strategy s where s.isPublic = true and lower(s.name) like lower(:pattern) escape '\\'")
  Page<Strategy> findPublic(String pattern, Pageable pageable);

  @Query(
      "select s from Strategy s where (s.userId = :userId or s.isPublic = true) "
          + "and lower(s.name) like lower(:pattern) escape '\\'")
  Page<Strategy> findOwnedByOrPublic(UUID userId, String pattern, Pageable pageable);
}
