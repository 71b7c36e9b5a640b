package com.tradingbacktest.engine.lang;

import com.tradingbacktest.engine.series.BarSeries;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Evaluates a strategy over a universe, stage by stage: stage 0 is every node a symbol computes on
 * its own bars, for each symbol in turn; then the cross-sectional nodes of stage 1 compare the
 * symbols (they need their argument for every symbol), then each symbol's nodes of stage 1 that use
 * them, and so on. Between stages a symbol keeps only the columns a later stage or the result
 * reads, so memory grows with symbols x (outputs + cross-sectional inputs), not symbols x plan.
 * Without cross-sectional functions it is one stage: each symbol exactly as {@link
 * CompiledStrategy#signals} would evaluate it.
 */
final class UniverseEvaluator {

  private final CompiledStrategy strategy;
  private final List<BarSeries> universe;
  private final EvaluationLimits limits;
  private final boolean withPlots;

  UniverseEvaluator(
      CompiledStrategy strategy,
      List<BarSeries> universe,
      EvaluationLimits limits,
      boolean withPlots) {
    if (universe.isEmpty() || universe.size() > Limits.MAX_UNIVERSE_SYMBOLS) {
      throw new IllegalArgumentException(
          "a universe has 1 to "
              + Limits.MAX_UNIVERSE_SYMBOLS
              + " symbols, got "
              + universe.size());
    }
    if (strategy.readsPositionState(withPlots)) {
      throw new StrategyEvaluationException(
          "this strategy reads the position state ("
              + String.join(", ", PositionState.ALL.keySet())
              + "), which is evaluated bar by bar with one symbol's account: run it on a single"
              + " symbol, not over a universe");
    }
    Set<String> seen = new HashSet<>();
    long total = 0;
    int longest = 0;
    for (BarSeries s : universe) {
      if (!seen.add(s.symbol())) {
        throw new IllegalArgumentException("symbol " + s.symbol() + " is twice in the universe");
      }
      total += s.size();
      longest = Math.max(longest, s.size());
    }
    long bytes = strategy.universeBytes(withPlots, total, longest);
    if (bytes > limits.maxBytes()) {
      throw new StrategyEvaluationException(
          String.format(
              Locale.ROOT,
              "This strategy needs about %,d MB to run over %,d symbols with %,d bars in all;"
                  + " the limit per run is %,d MB. Use fewer symbols, shorten the date range, use"
                  + " a longer interval, or compute fewer series",
              (bytes + (1 << 20) - 1) >> 20,
              universe.size(),
              total,
              limits.maxBytes() >> 20));
    }
    this.strategy = strategy;
    this.universe = List.copyOf(universe);
    this.limits = limits;
    this.withPlots = withPlots;
  }

  UniverseEvaluation evaluate(Map<String, Double> overrides) {
    Map<String, Double> params = strategy.resolveParams(overrides);
    List<Node> nodes = strategy.nodes();
    boolean[] needed = strategy.neededNodes(withPlots);
    boolean[] kept = strategy.keptAcrossStages(withPlots);
    int stages = 0;
    for (Node n : nodes) {
      if (needed[n.id]) {
        stages = Math.max(stages, n.stage);
      }
    }
    int symbols = universe.size();
    int[] sizes = new int[symbols];
    Object[][] values = new Object[symbols][];
    for (int k = 0; k < symbols; k++) {
      sizes[k] = universe.get(k).size();
      values[k] = new Object[nodes.size()];
    }
    CrossSection.Index index = stages > 0 ? CrossSection.Index.of(universe) : null;
    Runnable checkpoint = () -> limits.control().checkpoint(0);
    for (int stage = 0; stage <= stages; stage++) {
      for (Node n : nodes) {
        if (needed[n.id] && n.stage == stage && n.op == Node.Op.CROSS) {
          crossSectional(n, values, sizes, index, checkpoint);
        }
      }
      for (int k = 0; k < symbols; k++) {
        // A fresh evaluator per pass: what it holds besides the columns (broadcast constants) goes
        // with it, so it is never held for every symbol at once.
        symbol(k).computeStage(values[k], params, stage);
        for (Node n : nodes) {
          if (n.stage == stage && !kept[n.id]) {
            values[k][n.id] = null; // this stage's work columns: no later stage reads them
          }
        }
      }
    }
    List<UniverseEvaluation.SymbolEvaluation> out = new ArrayList<>(symbols);
    for (int k = 0; k < symbols; k++) {
      StrategyEvaluator e = symbol(k);
      out.add(
          new UniverseEvaluation.SymbolEvaluation(
              universe.get(k).symbol(),
              e.signalsOf(values[k]),
              e.weightOf(values[k]),
              withPlots ? e.plotsOf(values[k]) : List.of()));
      values[k] = null;
    }
    return new UniverseEvaluation(strategy.rebalance(), out);
  }

  private StrategyEvaluator symbol(int k) {
    return new StrategyEvaluator(strategy, universe.get(k), limits, withPlots, false);
  }

  /** Fills in one cross-sectional node for every symbol from its arguments' columns. */
  private static void crossSectional(
      Node n, Object[][] values, int[] sizes, CrossSection.Index index, Runnable checkpoint) {
    Object[][] args = new Object[values.length][n.in.length];
    for (int k = 0; k < values.length; k++) {
      for (int a = 0; a < n.in.length; a++) {
        args[k][a] = values[k][n.in[a].id];
      }
    }
    Object[] columns = CrossSection.compute(n, args, sizes, index, checkpoint);
    for (int k = 0; k < values.length; k++) {
      values[k][n.id] = columns[k];
    }
  }
}
