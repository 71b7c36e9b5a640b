package com.tradingbacktest.app.strategy;

import com.tradingbacktest.app.common.error.NotFoundException;
import com.tradingbacktest.app.common.persistence.LikePatterns;
import com.tradingbacktest.app.common.web.PageResponse;
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
 */
@Service
class StrategyService {

  private static final String WHAT = "The strategy";

  private final StrategyRepository strategies;
  private final StrategyLanguage language;
  private final Clock clock;

  StrategyService(StrategyRepository strategies, StrategyLanguage language, Clock clock) {
    this.strategies = strategies;
    this.language = language;
    this.clock = clock;
  }

  @Transactional
  public StrategyResponse create(UUID userId, StrategyRequest request) {
    List<StrategyParameter> parameters = language.compile(request.code());
    Strategy strategy =
        strategies.save(
            Strategy.create(
                userId,
                request.trimmedName(),
                request.trimmedDescription(),
                request.code(),
                parameters,
                request.wantsPublic(),
                now()));
    return StrategyResponse.of(strategy, userId);
  }

  @Transactional(readOnly = true)
  public StrategyResponse get(UUID userId, UUID id) {
    return StrategyResponse.of(readable(userId, id), userId);
  }

  @Transactional
  public StrategyResponse update(UUID userId, UUID id, StrategyRequest request) {
    Strategy strategy = owned(userId, id);
    List<StrategyParameter> parameters = language.compile(request.code());
    Instant now = now();
    strategy.update(
        request.trimmedName(), request.trimmedDescription(), request.code(), parameters, now);
    if (request.wantsPublic()) {
      strategy.publish(now);
    } else {
      strategy.unpublish(now);
    }
    return StrategyResponse.of(strategies.save(strategy), userId);
  }

  @Transactional
  public void delete(UUID userId, UUID id) {
    if (strategies.deleteOwned(id, userId) == 0) {
      throw new NotFoundException(WHAT);
    }
  }

  @Transactional
  public StrategyResponse copy(UUID userId, UUID id) {
    Strategy copy = strategies.save(readable(userId, id).copyFor(userId, now()));
    return StrategyResponse.of(copy, userId);
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

  private Strategy readable(UUID userId, UUID id) {
    return strategies.findReadable(id, userId).orElseThrow(() -> new NotFoundException(WHAT));
  }

  private Strategy owned(UUID userId, UUID id) {
    return strategies.findOwned(id, userId).orElseThrow(() -> new NotFoundException(WHAT));
  }

  /** PostgreSQL keeps microseconds: what we answer now is what a later read returns. */
  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}
