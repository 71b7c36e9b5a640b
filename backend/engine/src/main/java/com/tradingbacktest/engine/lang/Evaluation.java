package com.tradingbacktest.engine.lang;

import com.tradingbacktest.engine.sim.Signals;
import java.util.List;

/**
 * One full evaluation of a strategy for a run: the signals the simulator trades on and the series
 * the strategy plots, in declaration order. A parameter sweep asks only for {@link Signals} and
 * never pays for the plots.
 */
public record Evaluation(Signals signals, List<Plot> plots) {

  public Evaluation {
    plots = List.copyOf(plots);
  }
}
