package com.tradingbacktest.engine.cli;

import com.tradingbacktest.engine.robust.MonteCarlo;
import com.tradingbacktest.engine.robust.MonteCarloInput;
import com.tradingbacktest.engine.robust.MonteCarloMethod;
import com.tradingbacktest.engine.robust.MonteCarloResult;
import com.tradingbacktest.engine.robust.MonteCarloSpec;
import com.tradingbacktest.engine.sim.RunControl;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The command line's Monte Carlo (docs/ROBUSTNESS.md, "Monte Carlo"): {@code --monte-carlo
 * METHOD:PATHS[:SEED]} resamples the finished run, {@code --ruin-equity} sets the ruin level. The
 * report's fields are the API's (docs/API.md), snake_case.
 */
final class MonteCarloOptions {

  static final String USAGE =
      """
        --monte-carlo METHOD:PATHS[:SEED]  resamples the finished run: shuffle (the trades in random
                      orders), bootstrap (trades drawn with replacement) or block_bootstrap (blocks of
                      ceil(sqrt(bars)) consecutive bar returns); 1..100000 paths; SEED a long, 0 when
                      left out (the same seed gives the same result); adds "monte_carlo" to --json,
                      a table otherwise
        --ruin-equity a path is ruined once its equity is at or below this (default: half of
                      --capital)""";

  /** Fan-chart points in the report: the API's. */
  static final int BAND_POINTS = 100;

  private MonteCarloMethod method;
  private int paths;
  private long seed;
  private Double ruinEquity;

  /** Whether {@code option} is one of these; then the next argument is its value. */
  static boolean handles(String option) {
    return option.equals("--monte-carlo") || option.equals("--ruin-equity");
  }

  void set(String option, String value) {
    if (option.equals("--ruin-equity")) {
      try {
        ruinEquity = Double.parseDouble(value.trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("--ruin-equity needs a number, got '" + value + "'", e);
      }
      if (!(ruinEquity >= 0) || ruinEquity.isInfinite()) {
        throw new IllegalArgumentException("--ruin-equity must be 0 or more, got '" + value + "'");
      }
      return;
    }
    String[] parts = value.split(":", -1);
    if (parts.length < 2 || parts.length > 3) {
      throw new IllegalArgumentException(
          "--monte-carlo is METHOD:PATHS[:SEED] (e.g. shuffle:1000:42), got '" + value + "'");
    }
    method = MonteCarloMethod.parse(parts[0]);
    try {
      paths = Integer.parseInt(parts[1].trim());
      seed = parts.length == 3 ? Long.parseLong(parts[2].trim()) : 0;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "--monte-carlo is METHOD:PATHS[:SEED] with whole numbers, got '" + value + "'", e);
    }
    if (paths < 1 || paths > MonteCarloSpec.MAX_PATHS) {
      throw new IllegalArgumentException(
          "--monte-carlo paths must be between 1 and "
              + MonteCarloSpec.MAX_PATHS
              + ", got "
              + paths);
    }
  }

  /** Whether --monte-carlo was given. */
  boolean requested() {
    return method != null;
  }

  /** Checks the options together once all are read. */
  void check() {
    if (ruinEquity != null && method == null) {
      throw new IllegalArgumentException(
          "--ruin-equity sets the ruin level of --monte-carlo: add --monte-carlo METHOD:PATHS");
    }
  }

  /** The analysis of a run started with {@code capital}. */
  MonteCarloResult run(MonteCarloInput input, double capital) {
    MonteCarloSpec spec =
        new MonteCarloSpec(
            method, paths, seed, 0, ruinEquity != null ? ruinEquity : capital / 2, BAND_POINTS);
    return MonteCarlo.run(input, spec, RunControl.NONE);
  }

  /** The report's {@code monte_carlo} object. */
  static Map<String, Object> toJson(MonteCarloResult r) {
    Map<String, Object> m = new LinkedHashMap<>();
    MonteCarloSpec spec = r.spec();
    m.put("method", spec.method().jsonName());
    m.put("paths", spec.paths());
    m.put("seed", spec.seed());
    m.put(
        "block_length", spec.method() == MonteCarloMethod.BLOCK_BOOTSTRAP ? r.blockLength() : null);
    m.put("ruin_equity", spec.ruinEquity());
    m.put("steps", r.steps());
    m.put("step_unit", spec.method() == MonteCarloMethod.BLOCK_BOOTSTRAP ? "bar" : "trade");
    m.put("final_equity", percentiles(r.finalEquity()));
    m.put("max_drawdown", percentiles(r.maxDrawdown()));
    m.put("cagr", percentiles(r.cagr()));
    m.put("longest_drawdown", percentiles(r.longestDrawdown()));
    m.put("probability_of_ruin", r.probabilityOfRuin());
    Map<String, Object> original = new LinkedHashMap<>();
    original.put("final_equity", r.original().finalEquity());
    original.put("max_drawdown", r.original().maxDrawdown());
    original.put("cagr", r.original().cagr());
    original.put("longest_drawdown", r.original().longestDrawdown());
    m.put("original", original);
    Map<String, Object> bands = new LinkedHashMap<>();
    List<Integer> steps = new ArrayList<>();
    for (int s : r.bands().step()) {
      steps.add(s);
    }
    bands.put("step", steps);
    bands.put("p5", list(r.bands().p5()));
    bands.put("p25", list(r.bands().p25()));
    bands.put("p50", list(r.bands().p50()));
    bands.put("p75", list(r.bands().p75()));
    bands.put("p95", list(r.bands().p95()));
    m.put("bands", bands);
    Map<String, Object> histograms = new LinkedHashMap<>();
    histograms.put("final_equity", histogram(r.finalEquityHistogram()));
    histograms.put("max_drawdown", histogram(r.maxDrawdownHistogram()));
    m.put("histograms", histograms);
    return m;
  }

  /** A short table: the percentiles of each outcome beside the run's own. */
  static void printTable(PrintStream out, MonteCarloResult r) {
    MonteCarloSpec spec = r.spec();
    out.printf(
        "%nMonte Carlo: %s, %d paths of %d %s, seed %d%n",
        spec.method().jsonName(),
        spec.paths(),
        r.steps(),
        spec.method() == MonteCarloMethod.BLOCK_BOOTSTRAP
            ? "bars (blocks of " + r.blockLength() + ")"
            : "trades",
        spec.seed());
    out.printf(
        "%-17s %14s %14s %14s %14s %14s %14s%n", "", "p5", "p25", "p50", "p75", "p95", "run");
    row(out, "final_equity", r.finalEquity(), r.original().finalEquity());
    row(out, "max_drawdown", r.maxDrawdown(), r.original().maxDrawdown());
    row(out, "cagr", r.cagr(), r.original().cagr());
    row(out, "longest_drawdown", r.longestDrawdown(), r.original().longestDrawdown());
    out.printf(
        "probability of ruin (equity <= %s): %s%n",
        Json.number(spec.ruinEquity()), Json.number(r.probabilityOfRuin()));
  }

  private static void row(
      PrintStream out, String name, MonteCarloResult.Percentiles p, double original) {
    out.printf(
        "%-17s %14s %14s %14s %14s %14s %14s%n",
        name,
        Json.number(p.p5()),
        Json.number(p.p25()),
        Json.number(p.p50()),
        Json.number(p.p75()),
        Json.number(p.p95()),
        Json.number(original));
  }

  private static Map<String, Object> percentiles(MonteCarloResult.Percentiles p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("p5", p.p5());
    m.put("p25", p.p25());
    m.put("p50", p.p50());
    m.put("p75", p.p75());
    m.put("p95", p.p95());
    m.put("mean", p.mean());
    return m;
  }

  private static Map<String, Object> histogram(MonteCarloResult.Histogram h) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("edges", list(h.edges()));
    List<Integer> counts = new ArrayList<>();
    for (int c : h.counts()) {
      counts.add(c);
    }
    m.put("counts", counts);
    return m;
  }

  private static List<Double> list(double[] values) {
    List<Double> out = new ArrayList<>(values.length);
    for (double v : values) {
      out.add(v);
    }
    return out;
  }
}
