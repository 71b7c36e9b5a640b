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
 * A user's strategy: its source and, from the last successful compilation, its declared parameters,
 * which are those of its current version ({@link StrategyVersion}); and optionally a draft, code
 * that did not compile, kept beside it for its owner. A strategy saved only as a draft so far has
 * no version and empty code. Only its owner changes it; when public, everyone may read and copy it.
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

  /** The number of its current version; null while it has only a draft. */
  @Column private Integer version;

  @Column(name = "draft_code")
  private String draftCode;

  @Column(name = "draft_saved_at")
  private Instant draftSavedAt;

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
    strategy.version = 1;
    strategy.isPublic = isPublic;
    strategy.createdAt = now;
    strategy.updatedAt = now;
    return strategy;
  }

  /** A strategy whose only content so far is a draft: no version, empty code, private. */
  static Strategy createDraft(
      UUID ownerId, String name, String description, String draftCode, Instant now) {
    Strategy strategy = create(ownerId, name, description, "", List.of(), false, now);
    strategy.version = null;
    strategy.saveDraft(draftCode, now);
    return strategy;
  }

  /**
   * A private copy owned by {@code ownerId}, named "... (copy)" within the name limit, starting a
   * history of its own; a strategy that has only a draft (readable by its owner alone) copies as
   * one.
   */
  Strategy copyFor(UUID ownerId, Instant now) {
    return version == null
        ? createDraft(ownerId, copyName(name), description, draftCode, now)
        : create(ownerId, copyName(name), description, code, parameters(), false, now);
  }

  /** Renames and redescribes it, leaving its code and versions alone. */
  void describe(String name, String description, Instant now) {
    this.name = name;
    this.description = description;
    this.updatedAt = now;
  }

  /**
   * Whether saving {@code code} that compiled to {@code parameters} changes its content, and so
   * makes a version: always for a strategy that has none yet.
   */
  boolean changesContent(String code, List<StrategyParameter> parameters) {
    return version == null || !this.code.equals(code) || !parameters().equals(parameters);
  }

  /**
   * Makes {@code code}, which compiled to {@code parameters}, its content as its next version, and
   * drops its draft (the valid code supersedes it).
   *
   * @return the new version's number
   */
  int commit(String code, List<StrategyParameter> parameters, Instant now) {
    this.code = code;
    this.parameters = StrategyParameter.toJson(parameters);
    this.version = version == null ? 1 : version + 1;
    discardDraft(now);
    this.updatedAt = now;
    return version;
  }

  /**
   * Makes an earlier version's code its content again as its next version; unlike a save, it leaves
   * a draft in place (the owner did not write the restored code).
   *
   * @return the new version's number
   */
  int restore(String code, List<StrategyParameter> parameters, Instant now) {
    this.code = code;
    this.parameters = StrategyParameter.toJson(parameters);
    this.version = version + 1;
    this.updatedAt = now;
    return version;
  }

  /** Keeps code that does not compile as its draft, replacing any earlier one. */
  void saveDraft(String draftCode, Instant now) {
    this.draftCode = draftCode;
    this.draftSavedAt = now;
    this.updatedAt = now;
  }

  /**
   * Drops its draft. A strategy that has only a draft keeps it: deleting the strategy is how that
   * goes.
   *
   * @return whether there was one to drop
   */
  boolean discardDraft(Instant now) {
    if (draftCode == null || version == null) {
      return false;
    }
    draftCode = null;
    draftSavedAt = null;
    updatedAt = now;
    return true;
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

  /** Its current version's number; null while it has only a draft. */
  Integer version() {
    return version;
  }

  /** Whether it has a version to run (not only a draft). */
  boolean isRunnable() {
    return version != null;
  }

  /** Its draft's code; null without a draft. */
  String draftCode() {
    return draftCode;
  }

  Instant draftSavedAt() {
    return draftSavedAt;
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
