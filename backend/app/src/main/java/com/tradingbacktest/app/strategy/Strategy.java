package com.tradingbacktest.app.strategy;

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
 * A user's strategy: its source and, from the last successful compilation, its declared parameters.
 * Only its owner changes it; when public, everyone may read and copy it.
 */
@Entity
@Table(name = "strategies")
class Strategy extends AssignedIdEntity {

  static final int MAX_NAME = 200;
  static final String COPY_SUFFIX = " (copy)";

  @Column(name = "user_id", nullable = false, updatable = false)
  private UUID userId;

  @Column(nullable = false, length = MAX_NAME)
  private String name;

  @Column private String description;

  @Column(nullable = false)
  private String code;

  /** jsonb: the compiled parameters as {@link StrategyParameter#toJson}. */
  @JdbcTypeCode(SqlTypes.JSON)
  @Column(nullable = false)
  private String parameters;

  @Column(name = "is_public", nullable = false)
  private boolean isPublic;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected Strategy() {}

  static Strategy create(
      UUID ownerId,
      String name,
      String description,
      String code,
      List<StrategyParameter> parameters,
      boolean isPublic,
      Instant now) {
    Strategy strategy = new Strategy();
    strategy.assignNewId();
    strategy.userId = ownerId;
    strategy.name = name;
    strategy.description = description;
    strategy.code = code;
    strategy.parameters = StrategyParameter.toJson(parameters);
    strategy.isPublic = isPublic;
    strategy.createdAt = now;
    strategy.updatedAt = now;
    return strategy;
  }

  /** A private copy owned by {@code ownerId}, named "... (copy)" within the name limit. */
  Strategy copyFor(UUID ownerId, Instant now) {
    return create(ownerId, copyName(name), description, code, parameters(), false, now);
  }

  /** Replaces the content; {@code parameters} are those the new code compiled to. */
  void update(
      String name,
      String description,
      String code,
      List<StrategyParameter> parameters,
      Instant now) {
    this.name = name;
    this.description = description;
    this.code = code;
    this.parameters = StrategyParameter.toJson(parameters);
    this.updatedAt = now;
  }

  /** Lets everyone read and copy it (never change it). */
  void publish(Instant now) {
    if (!isPublic) {
      isPublic = true;
      updatedAt = now;
    }
  }

  void unpublish(Instant now) {
    if (isPublic) {
      isPublic = false;
      updatedAt = now;
    }
  }

  boolean isOwnedBy(UUID userId) {
    return this.userId.equals(userId);
  }

  UUID ownerId() {
    return userId;
  }

  String name() {
    return name;
  }

  String description() {
    return description;
  }

  String code() {
    return code;
  }

  List<StrategyParameter> parameters() {
    return StrategyParameter.fromJson(parameters);
  }

  boolean isPublic() {
    return isPublic;
  }

  Instant createdAt() {
    return createdAt;
  }

  Instant updatedAt() {
    return updatedAt;
  }

  /**
   * Within the same limit as a name typed in (UTF-16 units), without splitting a surrogate pair.
   */
  static String copyName(String name) {
    int room = MAX_NAME - COPY_SUFFIX.length();
    if (name.length() <= room) {
      return name + COPY_SUFFIX;
    }
    int cut = Character.isHighSurrogate(name.charAt(room - 1)) ? room - 1 : room;
    return name.substring(0, cut).stripTrailing() + COPY_SUFFIX;
  }
}
