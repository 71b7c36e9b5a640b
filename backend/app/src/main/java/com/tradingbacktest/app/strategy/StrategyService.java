package com.tradingbacktest.app.strategy;

import com.tradingbacktest.app.common.error.NotFoundException;
import com.tradingbacktest.app.common.persistence.LikePatterns;
import com.tradingbacktest.app.common.web.PageResponse;
import com.tradingbacktest.engine.lang.StrategyCompiler;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Strategies and who may do what with them: the owner reads, changes, deletes and copies; everyone
 * else may read and copy a public one. Anything else is "not found", never "forbidden", so other
 * users' private strategies cannot be told apart from missing ones.
 *
 * <p>An explicit save whose code compiles and differs from the current version's makes the next
 * version; the same code makes none. Code that does not compile is refused, or, when the request
 * allows it, kept as the strategy's draft without touching its versions. Versions and drafts are
 * the owner's alone.
 */
@Service
class StrategyService {

  /** The most versions one strategy keeps; a save that would make one more is refused. */
  static final int MAX_VERSIONS = 500;

  private static final String WHAT = "The strategy";
  private static final String WHAT_VERSION = "The version";

  private final StrategyRepository strategies;
  private final StrategyVersionRepository versions;
  private final StrategyLanguage language;
  private final Clock clock;

  StrategyService(
      StrategyRepository strategies,
      StrategyVersionRepository versions,
      StrategyLanguage language,
      Clock clock) {
    this.strategies = strategies;
    this.versions = versions;
    this.language = language;
    this.clock = clock;
  }

  @Transactional
  public StrategyResponse create(UUID userId, StrategyRequest request) {
    Instant now = now();
    StrategyCompiler.Compilation compilation = StrategyCompiler.compile(request.code());
    if (!compilation.ok()) {
      if (!request.allowsDraft()) {
        throw new InvalidStrategy(StrategyCodeError.of(compilation.errors()));
      }
      Strategy draft =
          Strategy.createDraft(
              userId, request.trimmedName(), request.trimmedDescription(), request.code(), now);
      return response(strategies.save(draft), userId);
    }
    Strategy strategy =
        strategies.saveAndFlush(
            Strategy.create(
                userId,
                request.trimmedName(),
                request.trimmedDescription(),
                request.code(),
                StrategyParameter.of(compilation.strategy().params()),
                request.wantsPublic(),
                now));
    recordVersion(strategy, request.trimmedNote(), null, now);
    return response(strategy, userId);
  }

  @Transactional(readOnly = true)
  public StrategyResponse get(UUID userId, UUID id) {
    return response(readable(userId, id), userId);
  }

  @Transactional
  public StrategyResponse update(UUID userId, UUID id, StrategyRequest request) {
    Strategy strategy = ownedForUpdate(userId, id);
    Instant now = now();
    StrategyCompiler.Compilation compilation = StrategyCompiler.compile(request.code());
    if (!compilation.ok() && !request.allowsDraft()) {
      throw new InvalidStrategy(StrategyCodeError.of(compilation.errors()));
    }
    strategy.describe(request.trimmedName(), request.trimmedDescription(), now);
    if (compilation.ok()) {
      List<StrategyParameter> parameters = StrategyParameter.of(compilation.strategy().params());
      if (strategy.changesContent(request.code(), parameters)) {
        requireRoomForAVersion(strategy);
        strategy.commit(request.code(), parameters, now);
        recordVersion(strategy, request.trimmedNote(), null, now);
      } else {
        // Saving the current version's code again supersedes a draft all the same.
        strategy.discardDraft(now);
      }
    } else {
      strategy.saveDraft(request.code(), now);
    }
    // Only a strategy with a version to show may be public.
    if (request.wantsPublic() && strategy.isRunnable()) {
      strategy.publish(now);
    } else {
      strategy.unpublish(now);
    }
    return response(strategies.save(strategy), userId);
  }

  @Transactional
  public void delete(UUID userId, UUID id) {
    if (strategies.deleteOwned(id, userId) == 0) {
      throw new NotFoundException(WHAT);
    }
  }

  @Transactional
  public StrategyResponse copy(UUID userId, UUID id) {
    Instant now = now();
    Strategy copy = strategies.saveAndFlush(readable(userId, id).copyFor(userId, now));
    if (copy.isRunnable()) {
      recordVersion(copy, null, null, now);
    }
    return response(copy, userId);
  }

  @Transactional(readOnly = true)
  public PageResponse<StrategySummary> list(
      UUID userId, StrategyScope scope, String query, Pageable pageable) {
    String pattern = LikePatterns.contains(query);
    Page<Strategy> page =
        switch (scope) {
          case MINE -> strategies.findOwnedBy(userId, pattern, pageable);
          case PUBLIC -> strategies.findPublic(pattern, pageable);
          case ALL -> strategies.findOwnedByOrPublic(userId, pattern, pageable);
        };
    return PageResponse.of(page, strategy -> StrategySummary.of(strategy, userId));
  }

  /** Drops the draft of the caller's strategy; nothing to drop is fine. */
  @Transactional
  public StrategyResponse discardDraft(UUID userId, UUID id) {
    Strategy strategy = ownedForUpdate(userId, id);
    if (!strategy.isRunnable()) {
      throw new OnlyADraft();
    }
    strategy.discardDraft(now());
    return response(strategies.save(strategy), userId);
  }

  /** A page of the caller's strategy's versions, newest first, without their code. */
  @Transactional(readOnly = true)
  public PageResponse<StrategyVersionResponse> versions(UUID userId, UUID id, int page, int size) {
    Strategy strategy = owned(userId, id);
    List<StrategyVersionResponse> items =
        versions.page(id, page, size).stream()
            .map(version -> StrategyVersionResponse.of(version, strategy.version()))
            .toList();
    return PageResponse.of(items, page, size, versions.count(id));
  }

  /** One version of the caller's strategy, with its code. */
  @Transactional(readOnly = true)
  public StrategyVersionResponse version(UUID userId, UUID id, int number) {
    Strategy strategy = owned(userId, id);
    return StrategyVersionResponse.of(findVersion(id, number), strategy.version());
  }

  /**
   * Makes version {@code number}'s code the strategy's content again, as a new version (history is
   * never rewritten); its name and description stay as they are, and so does a draft.
   */
  @Transactional
  public StrategyResponse restore(UUID userId, UUID id, int number) {
    Strategy strategy = ownedForUpdate(userId, id);
    StrategyVersion old = findVersion(id, number);
    requireRoomForAVersion(strategy);
    Instant now = now();
    strategy.restore(old.code(), old.parameters(), now);
    recordVersion(strategy, null, number, now);
    return response(strategies.save(strategy), userId);
  }

  private void recordVersion(Strategy strategy, String note, Integer restoredFrom, Instant now) {
    versions.insert(
        strategy.getId(),
        new StrategyVersion(
            strategy.version(),
            strategy.name(),
            strategy.code(),
            strategy.parameters(),
            note,
            restoredFrom,
            now));
  }

  private void requireRoomForAVersion(Strategy strategy) {
    if (versions.count(strategy.getId()) >= MAX_VERSIONS) {
      throw new TooManyVersions(MAX_VERSIONS);
    }
  }

  private StrategyVersion findVersion(UUID strategyId, int number) {
    return versions.find(strategyId, number).orElseThrow(() -> new NotFoundException(WHAT_VERSION));
  }

  /** The strategy as {@code viewerId} sees it: its draft, as it compiles now, for its owner. */
  private StrategyResponse response(Strategy strategy, UUID viewerId) {
    StrategyDraftResponse draft = null;
    if (strategy.draftCode() != null && strategy.isOwnedBy(viewerId)) {
      draft =
          new StrategyDraftResponse(
              strategy.draftCode(),
              strategy.draftSavedAt(),
              language.validate(strategy.draftCode()).errors());
    }
    return StrategyResponse.of(strategy, viewerId, draft);
  }

  private Strategy readable(UUID userId, UUID id) {
    return strategies.findReadable(id, userId).orElseThrow(() -> new NotFoundException(WHAT));
  }

  private Strategy owned(UUID userId, UUID id) {
    return strategies.findOwned(id, userId).orElseThrow(() -> new NotFoundException(WHAT));
  }

  /** The caller's strategy, locked until the transaction ends so versions are numbered in turn. */
  private Strategy ownedForUpdate(UUID userId, UUID id) {
    return strategies.lockOwned(id, userId).orElseThrow(() -> new NotFoundException(WHAT));
  }

  /** PostgreSQL keeps microseconds: what we answer now is what a later read returns. */
  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}
