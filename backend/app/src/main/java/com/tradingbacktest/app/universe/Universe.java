package com.tradingbacktest.app.universe;

import com.tradingbacktest.app.common.persistence.AssignedIdEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A named, ordered list of tickers: a user's own, or shared (no owner) for everyone to read. The
 * tickers are checked and free of duplicates before they get here ({@link UniverseSymbols}).
 */
@Entity
@Table(name = "universes")
class Universe extends AssignedIdEntity {

  static final int MAX_NAME = 100;
  static final int MAX_DESCRIPTION = 1000;

  /** Null for a shared universe. */
  @Column(name = "owner_id", updatable = false)
  private UUID ownerId;

  @Column(nullable = false, length = MAX_NAME)
  private String name;

  @Column private String description;

  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(nullable = false)
  private String[] symbols;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected Universe() {}

  /**
   * @param ownerId the owner, or null for a shared universe
   */
  static Universe create(
      UUID ownerId, String name, String description, List<String> symbols, Instant now) {
    Universe universe = new Universe();
    universe.assignNewId();
    universe.ownerId = ownerId;
    universe.name = name;
    universe.description = description;
    universe.symbols = symbols.toArray(new String[0]);
    universe.createdAt = now;
    universe.updatedAt = now;
    return universe;
  }

  /** Replaces the content; who owns it (or that it is shared) never changes. */
  void update(String name, String description, List<String> symbols, Instant now) {
    this.name = name;
    this.description = description;
    this.symbols = symbols.toArray(new String[0]);
    this.updatedAt = now;
  }

  boolean isShared() {
    return ownerId == null;
  }

  boolean isOwnedBy(UUID userId) {
    return userId.equals(ownerId);
  }

  String name() {
    return name;
  }

  String description() {
    return description;
  }

  List<String> symbols() {
    return List.of(symbols);
  }

  Instant createdAt() {
    return createdAt;
  }

  Instant updatedAt() {
    return updatedAt;
  }
}
