package com.tradingbacktest.engine.cli;

import com.tradingbacktest.engine.cli.OptimizeCli.HeldOut;
import com.tradingbacktest.engine.cli.OptimizeCli.Optimization;
import com.tradingbacktest.engine.metrics.PerformanceMetrics;
import com.tradingbacktest.engine.optimize.ParameterGrid;
import com.tradingbacktest.engine.optimize.ParameterRange;
import com.tradingbacktest.engine.optimize.SweepResult;
import com.tradingbacktest.engine.optimize.ValidCombinations;
import com.tradingbacktest.engine.robust.DeflatedSharpe;
import com.tradingbacktest.engine.robust.OptimizationStatistics;
import com.tradingbacktest.engine.robust.Pbo;
import com.tradingbacktest.engine.robust.Plateau;
import com.tradingbacktest.engine.robust.WalkForwardResult;
import com.tradingbacktest.engine.robust.WalkForwardResult.ParameterDrift;
import com.tradingbacktest.engine.robust.WalkForwardResult.WindowOutcome;
import com.tradingbacktest.engine.robust.WalkForwardWindow;
import com.tradingbacktest.engine.series.BarSeries;
import com.tradingbacktest.engine.sim.Trade;
import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The reports of {@link OptimizeCli}: {@code --json} objects with the web API's field names, and
 * readable tables.
 */
final class OptimizeReport {

  private OptimizeReport() {}

  static Map<String, Object> optimization(
      OptimizeOptions options, ValidCombinations valid, Optimization done) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("objective", options.objective.jsonName());
    body.put("ranges", ranges(done.grid()));
    body.put("combinations", valid.size());
    body.put("skipped", valid.skipped());
    List<Map<String, Object>> results = new ArrayList<>();
    for (int k = 0; k < Math.min(options.top, done.ranked().size()); k++) {
      SweepResult r = done.ranked().get(k);
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("rank", k + 1);
      m.put("combination", r.index());
      m.put("parameters", r.parameters());
      m.put("score", r.score());
      m.put("feasible", r.feasible());
      m.put("metrics", BacktestCli.metrics(r.metrics()));
      results.add(m);
    }
    body.put("results", results);
    body.put("out_of_sample", done.split() == null ? null : split(options, done.split()));
    body.put("statistics", statistics(done.grid(), done.statistics()));
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("optimization", body);
    return report;
  }

  private static Map<String, Object> split(OptimizeOptions options, OptimizeCli.Split split) {
    Map<String, Object> part = new LinkedHashMap<>();
    part.put("fraction", options.outOfSampleFraction);
    part.put("from", options.outOfSampleFrom == null ? null : options.outOfSampleFrom.toString());
    part.put("split_time", Instant.ofEpochMilli(split.time()));
    part.put("in_sample_bars", split.inSampleBars());
    part.put("out_of_sample_bars", split.outOfSampleBars());
    List<Map<String, Object>> results = new ArrayList<>();
    for (HeldOut h : split.results()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("rank", h.rank());
      m.put("combination", h.inSample().index());
      m.put("parameters", h.inSample().parameters());
      m.put("in_sample_score", h.inSample().score());
      m.put("out_of_sample_score", h.score());
      m.put("in_sample_metrics", BacktestCli.metrics(h.inSample().metrics()));
      m.put("out_of_sample_metrics", BacktestCli.metrics(h.test().metrics()));
      results.add(m);
    }
    part.put("results", results);
    return part;
  }

  private static Map<String, Object> statistics(
      ParameterGrid grid, OptimizationStatistics statistics) {
    Map<String, Object> m = new LinkedHashMap<>();
    DeflatedSharpe dsr = statistics.deflatedSharpe();
    m.put("deflated_sharpe", dsr == null ? null : recordMap(dsr));
    Pbo pbo = statistics.pbo();
    Map<String, Object> pboMap = null;
    if (pbo != null) {
      pboMap = new LinkedHashMap<>();
      pboMap.put("probability", pbo.probability());
      pboMap.put("partitions", pbo.partitions());
      pboMap.put("splits", pbo.splits());
      pboMap.put("combinations", pbo.combinations());
      pboMap.put("degradation_slope", pbo.degradationSlope());
      pboMap.put("probability_of_loss", pbo.probabilityOfLoss());
    }
    m.put("pbo", pboMap);
    Plateau plateau = statistics.plateau();
    Map<String, Object> plateauMap = null;
    if (plateau != null) {
      plateauMap = recordMap(plateau);
      plateauMap.put(
          "plateau_parameters",
          plateau.plateauCombination() < 0 ? null : grid.combination(plateau.plateauCombination()));
    }
    m.put("plateau", plateauMap);
    return m;
  }

  /** A record's numeric components under snake_case names. */
  private static Map<String, Object> recordMap(Record record) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (var c : record.getClass().getRecordComponents()) {
      try {
        m.put(snake(c.getName()), c.getAccessor().invoke(record));
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
    }
    return m;
  }

  private static String snake(String camel) {
    return camel.replaceAll("([A-Z])", "_$1").toLowerCase(java.util.Locale.ROOT);
  }

  static Map<String, Object> walkForward(
      OptimizeOptions options, ValidCombinations valid, BarSeries bars, WalkForwardResult result) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("mode", options.walkForwardMode.jsonName());
    body.put("count", options.walkForwardWindows);
    body.put("train_test_ratio", options.trainTestRatio);
    body.put("gap_bars", options.gapBars);
    body.put("objective", options.objective.jsonName());
    body.put("ranges", ranges(valid.grid()));
    body.put("combinations", valid.size());
    List<Map<String, Object>> windows = new ArrayList<>();
    for (WindowOutcome w : result.windows()) {
      WalkForwardWindow at = w.window();
      long[] t = bars.times();
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("number", at.number());
      m.put("train_start", Instant.ofEpochMilli(t[at.trainFrom()]));
      m.put("train_end", Instant.ofEpochMilli(t[at.trainTo() - 1]));
      m.put("test_start", Instant.ofEpochMilli(t[at.testFrom()]));
      m.put("test_end", Instant.ofEpochMilli(t[at.testTo() - 1]));
      m.put("train_bars", at.trainTo() - at.trainFrom());
      m.put("test_bars", at.testTo() - at.testFrom());
      m.put("parameters", w.combination() < 0 ? null : w.parameters());
      m.put("combination", w.combination() < 0 ? null : w.combination());
      m.put("in_sample_score", w.inSampleScore());
      m.put(
          "in_sample_metrics",
          w.inSampleMetrics() == null ? null : BacktestCli.metrics(w.inSampleMetrics()));
      m.put("out_of_sample_metrics", BacktestCli.metrics(w.test().metrics()));
      m.put("start_equity", w.test().startEquity());
      m.put("end_equity", w.test().endEquity());
      m.put("trade_count", w.test().trades().size());
      windows.add(m);
    }
    body.put("windows", windows);
    Map<String, Object> stitched = new LinkedHashMap<>();
    stitched.put("metrics", BacktestCli.metrics(result.metrics()));
    stitched.put("trade_count", result.trades().size());
    List<Map<String, Object>> trades = new ArrayList<>();
    for (Trade trade : result.trades()) {
      trades.add(BacktestCli.trade(new LinkedHashMap<>(), trade));
    }
    stitched.put("trades", trades);
    body.put("out_of_sample", stitched);
    body.put("efficiency", result.efficiency());
    List<Map<String, Object>> drift = new ArrayList<>();
    for (ParameterDrift d : result.drift()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", d.name());
      List<Double> values = new ArrayList<>();
      for (double v : d.values()) {
        values.add(v);
      }
      m.put("values", values);
      m.put("mean", d.mean());
      m.put("stdev", d.stdev());
      m.put("changes", d.changes());
      drift.add(m);
    }
    body.put("parameter_drift", drift);
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("walk_forward", body);
    return report;
  }

  private static List<Map<String, Object>> ranges(ParameterGrid grid) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (ParameterRange r : grid.ranges()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", r.name());
      m.put("from", r.from());
      m.put("to", r.to());
      m.put("step", r.step());
      m.put("count", r.count());
      out.add(m);
    }
    return out;
  }

  static void printOptimization(
      PrintStream out, OptimizeOptions options, ValidCombinations valid, Optimization done) {
    out.printf(
        "%,d combinations (%,d skipped by constraints), ranked by %s%s%n",
        valid.size(),
        valid.skipped(),
        options.objective.jsonName(),
        done.split() == null
            ? ""
            : String.format(
                " on the %,d bars before %s",
                done.split().inSampleBars(), Instant.ofEpochMilli(done.split().time())));
    out.printf(
        "%4s  %-30s %12s %12s %12s %6s%n",
        "rank", "parameters", "score", "return", "max_dd", "trades");
    for (int k = 0; k < Math.min(options.top, done.ranked().size()); k++) {
      SweepResult r = done.ranked().get(k);
      PerformanceMetrics m = r.metrics();
      out.printf(
          "%4d  %-30s %12s %12s %12s %6d%s%n",
          k + 1,
          parameters(r.parameters()),
          number(r.score()),
          number(m.totalReturn()),
          number(m.maxDrawdown()),
          m.tradeCount(),
          r.feasible() ? "" : "  (infeasible)");
    }
    if (done.split() != null) {
      out.printf(
          "%nheld out: %,d bars from %s%n",
          done.split().outOfSampleBars(), Instant.ofEpochMilli(done.split().time()));
      out.printf(
          "%4s  %-30s %12s %12s %12s%n", "rank", "parameters", "in-sample", "held-out", "return");
      for (HeldOut h : done.split().results()) {
        out.printf(
            "%4d  %-30s %12s %12s %12s%n",
            h.rank(),
            parameters(h.inSample().parameters()),
            number(h.inSample().score()),
            number(h.score()),
            number(h.test().metrics().totalReturn()));
      }
    }
    OptimizationStatistics s = done.statistics();
    out.println();
    out.println(
        "deflated Sharpe ratio: "
            + (s.deflatedSharpe() == null ? "n/a" : number(s.deflatedSharpe().probability())));
    out.println(
        "probability of backtest overfitting: "
            + (s.pbo() == null ? "n/a" : number(s.pbo().probability())));
    out.println("plateau ratio: " + (s.plateau() == null ? "n/a" : number(s.plateau().ratio())));
  }

  static void printWalkForward(
      PrintStream out,
      OptimizeOptions options,
      ValidCombinations valid,
      BarSeries bars,
      WalkForwardResult result) {
    out.printf(
        "walk-forward: %d %s windows, train %sx test, gap %d bars; %,d combinations by %s%n",
        result.windows().size(),
        options.walkForwardMode.jsonName(),
        Json.number(options.trainTestRatio),
        options.gapBars,
        valid.size(),
        options.objective.jsonName());
    out.printf(
        "%3s  %-10s %-10s  %-10s %-10s  %-28s %10s %10s %12s%n",
        "#", "train", "", "test", "", "parameters", "in-sample", "return", "end equity");
    long[] t = bars.times();
    for (WindowOutcome w : result.windows()) {
      WalkForwardWindow at = w.window();
      out.printf(
          "%3d  %-10s %-10s  %-10s %-10s  %-28s %10s %10s %12s%n",
          at.number(),
          date(bars, t[at.trainFrom()]),
          date(bars, t[at.trainTo() - 1]),
          date(bars, t[at.testFrom()]),
          date(bars, t[at.testTo() - 1]),
          w.combination() < 0 ? "(none feasible: cash)" : parameters(w.parameters()),
          number(w.inSampleScore()),
          number(w.test().metrics().totalReturn()),
          number(w.test().endEquity()));
    }
    out.println();
    out.println("stitched out-of-sample:");
    BacktestCli.printMetrics(out, result.metrics().toMap());
    out.println("efficiency  " + number(result.efficiency()));
    for (ParameterDrift d : result.drift()) {
      out.printf(
          "drift of %s: mean %s, stdev %s, %d changes%n",
          d.name(), number(d.mean()), number(d.stdev()), d.changes());
    }
  }

  private static String date(BarSeries bars, long time) {
    return Instant.ofEpochMilli(time).atZone(bars.zone()).toLocalDate().toString();
  }

  private static String parameters(Map<String, Double> parameters) {
    return parameters.entrySet().stream()
        .map(e -> e.getKey() + "=" + Json.number(e.getValue()))
        .collect(Collectors.joining(" "));
  }

  private static String number(double d) {
    return Double.isNaN(d) ? "n/a" : String.format(java.util.Locale.ROOT, "%.6g", d);
  }
}
