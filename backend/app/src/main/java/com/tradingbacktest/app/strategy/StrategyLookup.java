package com.tradingbacktest.app.strategy;

import com.tradingbacktest.engine.lang.CompiledStrategy;
import com.tradingbacktest.engine.lang.StrategyCompiler;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** How other features read strategies, under the API's rule: your own, or anyone's public one. */
@Service
public class StrategyLookup {

  private final StrategyRepository strategies;

  StrategyLookup(StrategyRepository strategies) {
    this.strategies = strategies;
  }

  /**
   * The strategy's current version if {@code userId} may read it; empty when it is missing or
   * someone else's private one. A draft is never run: runs use the last valid version.
   *
   * @throws StrategyNotRunnable (422) when the strategy has only a draft, no version to run
   */
  @Transactional(readOnly = true)
  public Optional<StrategySource> findRunnable(UUID userId, UUID strategyId) {
    Optional<Strategy> strategy = strategies.findReadable(strategyId, userId);
    if (strategy.isPresent() && !strategy.get().isRunnable()) {
      throw new StrategyNotRunnable();
    }
    return strategy.map(
        s -> new StrategySource(s.getId(), s.ownerId(), s.name(), s.code(), s.version()));
  }

  /**
   * Compiles code that is about to run. Saved code compiled when it was saved, but the language may
   * have changed since; then the client gets the same 422 {@code invalid-strategy} as when saving.
   */
  public CompiledStrategy compile(String code) {
    StrategyCompiler.Compilation compilation = StrategyCompiler.compile(code);
    if (!compilation.ok()) {
      throw new InvalidStrategy(StrategyCodeError.of(compilation.errors()));
    }
    return compilation.strategy();
  }
}
