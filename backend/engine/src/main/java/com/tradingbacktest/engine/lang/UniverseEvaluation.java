package com.tradingbacktest.engine.lang;

import com.tradingbacktest.engine.portfolio.Rebalance;
import com.tradingbacktest.engine.sim.Signals;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * A strategy evaluated over a universe ({@link CompiledStrategy#evaluateUniverse}): per symbol, in
 * the universe's order, what the portfolio engine trades on.
 *
 * @param rebalance the weight output's schedule (the strategy's setting, else monthly); empty when
 *     the strategy has no weight output
 * @param symbols one entry per series of the universe, in its order
 */
public record UniverseEvaluation(Optional<Rebalance> rebalance, List<SymbolEvaluation> symbols) {

  public UniverseEvaluation {
    symbols = List.copyOf(symbols);
  }

  /**
   * One symbol's part, over its own bars.
   *
   * @param signals entries, exits and the rest, exactly as {@link CompiledStrategy#signals} gives
   *     for this series (with cross-sectional functions comparing it to the other symbols)
   * @param weight the target weight at each bar (na = no opinion: keep the position), never
   *     negative; null when the strategy has no weight output
   * @param plots the plotted series; empty for {@link CompiledStrategy#universeSignals}
   */
  public record SymbolEvaluation(
      String symbol, Signals signals, double[] weight, List<Plot> plots) {

    public SymbolEvaluation {
      plots = List.copyOf(plots);
    }
  }

  /**
   * The part of {@code symbol}.
   *
   * @throws NoSuchElementException when the universe has no such symbol
   */
  public SymbolEvaluation of(String symbol) {
    return symbols.stream()
        .filter(s -> s.symbol().equals(symbol))
        .findFirst()
        .orElseThrow(() -> new NoSuchElementException("no symbol " + symbol + " in the universe"));
  }
}
