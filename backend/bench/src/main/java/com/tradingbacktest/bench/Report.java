package com.tradingbacktest.bench;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Turns JMH's JSON results ({@code -rf json}) into the tables of docs/PERFORMANCE.md: bars per
 * second of one backtest per engine and size with our speed-up, and backtests per second of the
 * sweep.
 *
 * <p>Usage: {@code Report results.json [more.json ...]}; prints Markdown.
 */
public final class Report {

  /** Score in ms/op per key "benchmark|bars|num". */
  private final Map<String, Double> ms = new LinkedHashMap<>();

  private final Map<String, String> modes = new LinkedHashMap<>();

  public static void main(String[] args) throws IOException {
    if (args.length == 0) {
      System.err.println("usage: Report jmh-result.json [...]");
      System.exit(2);
    }
    Report r = new Report();
    for (String a : args) {
      r.read(Path.of(a));
    }
    System.out.print(r.markdown());
  }

  void read(Path file) throws IOException {
    JsonArray results = JsonParser.parseString(Files.readString(file)).getAsJsonArray();
    for (JsonElement e : results) {
      JsonObject o = e.getAsJsonObject();
      String bench = o.get("benchmark").getAsString();
      bench =
          bench.substring(bench.lastIndexOf('.', bench.lastIndexOf('.') - 1) + 1); // Class.method
      JsonObject params = o.has("params") ? o.getAsJsonObject("params") : new JsonObject();
      String bars = params.has("bars") ? params.get("bars").getAsString() : "";
      String num = params.has("num") ? params.get("num").getAsString() : "";
      JsonObject metric = o.getAsJsonObject("primaryMetric");
      double score =
          toMillis(metric.get("score").getAsDouble(), metric.get("scoreUnit").getAsString());
      String key = bench + "|" + bars + "|" + num;
      ms.put(key, score);
      modes.put(
          key,
          o.get("mode").getAsString()
              + ", "
              + o.get("measurementIterations").getAsInt()
              + " x "
              + o.get("measurementTime").getAsString());
    }
  }

  private static double toMillis(double score, String unit) {
    return switch (unit) {
      case "ms/op" -> score;
      case "s/op" -> score * 1e3;
      case "us/op" -> score / 1e3;
      case "ns/op" -> score / 1e6;
      default ->
          throw new IllegalArgumentException("unsupported unit " + unit + " (use a time per op)");
    };
  }

  private Double get(String bench, String bars, String num) {
    return ms.get(bench + "|" + bars + "|" + num);
  }

  /** The ta4j single-backtest figure at this size, wherever it was measured. */
  private Double ta4j(String bars, String num) {
    Double v = get("Ta4jSingleBench.ta4j", bars, num);
    return v != null ? v : get("Ta4jSingleLargeBench.ta4j", bars, num);
  }

  String markdown() {
    StringBuilder out = new StringBuilder();
    TreeSet<Integer> sizes = new TreeSet<>();
    for (String k : ms.keySet()) {
      String[] p = k.split("\\|", -1);
      if ((p[0].startsWith("SingleBacktestBench") || p[0].startsWith("Ta4jSingle"))
          && !p[1].isEmpty()) {
        sizes.add(Integer.parseInt(p[1]));
      }
    }
    if (!sizes.isEmpty()) {
      out.append("### One backtest: SMA(10)/SMA(30) crossover, metrics included\n\n");
      out.append(
          "| bars | ours ms/op | ours bars/s | ta4j DoubleNum ms/op | ta4j DoubleNum bars/s "
              + "| ta4j DecimalNum ms/op | ta4j DecimalNum bars/s | ours vs DoubleNum | ours vs DecimalNum |\n");
      out.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
      for (int n : sizes) {
        String b = Integer.toString(n);
        Double ours = get("SingleBacktestBench.ours", b, "");
        Double dbl = ta4j(b, "DoubleNum");
        Double dec = ta4j(b, "DecimalNum");
        out.append(
            String.format(
                Locale.ROOT,
                "| %,d | %s | %s | %s | %s | %s | %s | %s | %s |%n",
                n,
                msf(ours),
                rate(n, ours),
                msf(dbl),
                rate(n, dbl),
                msf(dec),
                rate(n, dec),
                ratio(dbl, ours),
                ratio(dec, ours)));
      }
      out.append("\n");
    }
    appendDiagnostics(out);
    String sweepBars = null;
    for (String k : ms.keySet()) {
      if (k.contains("SweepBench.")) {
        sweepBars = k.split("\\|", -1)[1];
      }
    }
    if (sweepBars != null) {
      int combos = Sweep.COMBINATIONS.length;
      Double oursSeq = get("SweepBench.oursSingleCore", sweepBars, "");
      Double oursPar = get("SweepBench.oursAllCores", sweepBars, "");
      Double taSeq = get("Ta4jSweepBench.ta4jDoubleNumSingleCore", sweepBars, "");
      Double taPar = get("Ta4jSweepBench.ta4jDoubleNumAllCores", sweepBars, "");
      out.append(
          String.format(
              Locale.ROOT,
              "### Sweep: %d SMA combinations on %,d bars, %d cores%n%n",
              combos,
              Integer.parseInt(sweepBars),
              Runtime.getRuntime().availableProcessors()));
      out.append("| engine | threads | ms per sweep | backtests/s |\n|---|---|---:|---:|\n");
      out.append(row("ours", "1", oursSeq, combos));
      out.append(row("ours", "all cores", oursPar, combos));
      out.append(row("ta4j DoubleNum", "1", taSeq, combos));
      out.append(row("ta4j DoubleNum", "all cores", taPar, combos));
      out.append("\n| ratio (backtests/s) | value |\n|---|---:|\n");
      out.append("| ours 1 thread / ta4j 1 thread | " + ratio(taSeq, oursSeq) + " |\n");
      out.append("| ours all cores / ta4j all cores | " + ratio(taPar, oursPar) + " |\n");
      out.append("| ours all cores / ta4j 1 thread | " + ratio(taSeq, oursPar) + " |\n");
      out.append(
          "| ours all cores / ours 1 thread (parallel speed-up) | "
              + ratio(oursSeq, oursPar)
              + " |\n");
      out.append(
          "| ta4j all cores / ta4j 1 thread (parallel speed-up) | "
              + ratio(taSeq, taPar)
              + " |\n\n");
    }
    out.append("JMH modes: ");
    StringBuilder m = new StringBuilder();
    modes.forEach(
        (k, v) ->
            m.append(m.length() == 0 ? "" : "; ")
                .append(k.replace("||", "").replace('|', ' '))
                .append(" = ")
                .append(v));
    out.append(m).append("\n");
    return out.toString();
  }

  /**
   * Our backtest's stages (StagesBench) and ta4j without its criteria (Ta4jNoCriteriaBench), if
   * run.
   */
  private void appendDiagnostics(StringBuilder out) {
    String[][] stages = {
      {"s1TwoSmas", "two SMAs (TA-Lib)"},
      {"s2TwoCrosses", "crossover + crossunder"},
      {"s3Simulation", "simulation (Simulator.run)"},
      {"s4Metrics", "metrics (Metrics.compute)"}
    };
    for (String k : ms.keySet()) {
      String[] p = k.split("\\|", -1);
      if (p[0].equals("StagesBench.s1TwoSmas")) {
        int n = Integer.parseInt(p[1]);
        out.append(String.format(Locale.ROOT, "### Our backtest by stage, %,d bars%n%n", n));
        out.append("| stage | ms/op | ns/bar |\n|---|---:|---:|\n");
        double total = 0;
        for (String[] st : stages) {
          Double v = get("StagesBench." + st[0], p[1], "");
          total += v == null ? 0 : v;
          out.append(
              String.format(
                  Locale.ROOT,
                  "| %s | %s | %s |%n",
                  st[1],
                  msf(v),
                  v == null ? "n/a" : String.format(Locale.ROOT, "%.1f", v * 1e6 / n)));
        }
        out.append(
            String.format(
                Locale.ROOT, "| sum of the stages | %s | %.1f |%n%n", msf(total), total * 1e6 / n));
      }
    }
    for (String num : new String[] {"DoubleNum", "DecimalNum"}) {
      for (String k : ms.keySet()) {
        String[] p = k.split("\\|", -1);
        if (p[0].equals("Ta4jNoCriteriaBench.ta4jWithoutCriteria") && p[2].equals(num)) {
          Double without = ms.get(k);
          Double with = ta4j(p[1], num);
          out.append(
              String.format(
                  Locale.ROOT,
                  "ta4j %s, %,d bars, without its criteria: %s ms/op (%s bars/s); with them: %s ms/op, so the"
                      + " criteria take %s of its backtest.%n%n",
                  num,
                  Integer.parseInt(p[1]),
                  msf(without),
                  rate(Integer.parseInt(p[1]), without),
                  msf(with),
                  with == null
                      ? "n/a"
                      : String.format(Locale.ROOT, "%.1f%%", 100 * (1 - without / with))));
        }
      }
    }
  }

  private static String row(String engine, String threads, Double msPerSweep, int combos) {
    return String.format(
        Locale.ROOT,
        "| %s | %s | %s | %s |%n",
        engine,
        threads,
        msf(msPerSweep),
        msPerSweep == null
            ? "n/a"
            : String.format(Locale.ROOT, "%,.1f", combos / (msPerSweep / 1e3)));
  }

  private static String msf(Double v) {
    if (v == null) {
      return "n/a";
    }
    return v >= 100
        ? String.format(Locale.ROOT, "%,.0f", v)
        : String.format(Locale.ROOT, "%.3g", v);
  }

  private static String rate(int bars, Double msPerOp) {
    if (msPerOp == null) {
      return "n/a";
    }
    double perSecond = bars / (msPerOp / 1e3);
    return perSecond >= 1e6
        ? String.format(Locale.ROOT, "%.1f M", perSecond / 1e6)
        : String.format(Locale.ROOT, "%,.0f", perSecond);
  }

  /** How many times faster {@code fast} is than {@code slow} (both ms/op). */
  private static String ratio(Double slow, Double fast) {
    if (slow == null || fast == null) {
      return "n/a";
    }
    double r = slow / fast;
    return r >= 100
        ? String.format(Locale.ROOT, "%,.0fx", r)
        : String.format(Locale.ROOT, "%.1fx", r);
  }
}
