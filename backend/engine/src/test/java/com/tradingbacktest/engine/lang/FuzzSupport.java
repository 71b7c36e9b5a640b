package com.tradingbacktest.engine.lang;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;

import com.tradingbacktest.engine.series.BarSeries;
import com.tradingbacktest.engine.series.Interval;
import com.tradingbacktest.engine.series.MarketCalendar;
import com.tradingbacktest.engine.sim.Signals;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.opentest4j.AssertionFailedError;

/**
 * Shared machinery of the language's fuzz, property and look-ahead tests: random bars, the columns
 * of a {@link Signals}, and a checker that runs one source through the compiler and the evaluator
 * and records anything that is neither a compile result nor a {@link StrategyEvaluationException}.
 */
final class FuzzSupport {

  /** Per input: a hang check, not a performance assertion. */
  static final Duration TIME_BOUND = Duration.ofSeconds(2);

  /** The Signals fields, in the order of the language's outputs. */
  static final List<String> COLUMNS =
      List.of(
          "longEntry",
          "longExit",
          "shortEntry",
          "shortExit",
          "longEntryStop",
          "longEntryLimit",
          "shortEntryStop",
          "shortEntryLimit",
          "stopLoss",
          "takeProfit",
          "trailingStop",
          "size");

  /**
   * Orders working during the bar: their value at bar i may use bar i's open but not its high, low
   * or close.
   */
  static final Set<String> INTRABAR =
      Set.of("longEntryStop", "longEntryLimit", "shortEntryStop", "shortEntryLimit");

  private static final long START = 1_704_067_200_000L; // 2024-01-01T00:00Z
  private static final long MINUTE = 60_000L;
  private static final List<ZoneId> ZONES =
      List.of(ZoneOffset.UTC, ZoneId.of("Asia/Seoul"), ZoneId.of("America/New_York"));

  private FuzzSupport() {}

  // ---- signals

  /** Every output column of {@code s} (null when the strategy does not assign it). */
  static Map<String, Object> columns(Signals s) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("longEntry", s.longEntry());
    out.put("longExit", s.longExit());
    out.put("shortEntry", s.shortEntry());
    out.put("shortExit", s.shortExit());
    out.put("longEntryStop", s.longEntryStop());
    out.put("longEntryLimit", s.longEntryLimit());
    out.put("shortEntryStop", s.shortEntryStop());
    out.put("shortEntryLimit", s.shortEntryLimit());
    out.put("stopLoss", s.stopLoss());
    out.put("takeProfit", s.takeProfit());
    out.put("trailingStop", s.trailingStop());
    out.put("size", s.size());
    return out;
  }

  /**
   * Null when every column is exactly equal (doubles bit for bit, so NaN equals NaN), else where
   * they differ.
   */
  static String exactDifference(Signals a, Signals b) {
    return firstDifference(a, b, FuzzSupport::exactColumnDifference);
  }

  /**
   * Null when the columns are equal as values (numbers equal or both NaN, so -0 equals 0), else
   * where not.
   */
  static String valueDifference(Signals a, Signals b) {
    return firstDifference(a, b, FuzzSupport::valueColumnDifference);
  }

  /** How one column (null when unassigned) differs between two runs; null when it does not. */
  private interface ColumnDifference {
    String of(String name, Object u, Object v);
  }

  private static String firstDifference(Signals a, Signals b, ColumnDifference difference) {
    Map<String, Object> x = columns(a);
    Map<String, Object> y = columns(b);
    for (String name : COLUMNS) {
      String d = difference.of(name, x.get(name), y.get(name));
      if (d != null) {
        return d;
      }
    }
    return null;
  }

  private static String exactColumnDifference(String name, Object u, Object v) {
    boolean same =
        (u == null || v == null)
            ? u == v
            : u instanceof boolean[] p
                ? Arrays.equals(p, (boolean[]) v)
                : Arrays.equals((double[]) u, (double[]) v);
    return same ? null : name + ": " + describe(u) + " vs " + describe(v);
  }

  private static String valueColumnDifference(String name, Object u, Object v) {
    if (u == null || v == null) {
      return u == v ? null : name + " is assigned in one and not in the other";
    }
    int n = java.lang.reflect.Array.getLength(u);
    for (int i = 0; i < n; i++) {
      if (!sameAt(u, v, i)) {
        return name + "[" + i + "]: " + valueAt(u, i) + " vs " + valueAt(v, i);
      }
    }
    return null;
  }

  static boolean sameAt(Object u, Object v, int i) {
    if (u instanceof boolean[] p) {
      return p[i] == ((boolean[]) v)[i];
    }
    double a = ((double[]) u)[i];
    double b = ((double[]) v)[i];
    return a == b || (Double.isNaN(a) && Double.isNaN(b));
  }

  static String valueAt(Object column, int i) {
    return column instanceof boolean[] p
        ? Boolean.toString(p[i])
        : Double.toString(((double[]) column)[i]);
  }

  private static String describe(Object column) {
    if (column == null) {
      return "unassigned";
    }
    String s =
        column instanceof boolean[] p ? Arrays.toString(p) : Arrays.toString((double[]) column);
    return s.length() > 300 ? s.substring(0, 300) + "..." : s;
  }

  // ---- bars

  /**
   * A random walk of valid bars with random gaps in time (so every time part changes), some flat
   * bars and zero volumes.
   */
  static BarSeries randomBars(Random r, int n) {
    return build(
        r,
        n,
        ZONES.get(r.nextInt(ZONES.size())),
        new long[n],
        new double[n],
        new double[n],
        new double[n],
        new double[n],
        new double[n],
        0,
        START + r.nextInt(1440) * MINUTE,
        20 + r.nextDouble() * 200);
  }

  /** {@code n} identical bars: open = high = low = close, constant volume. */
  static BarSeries flatBars(int n, double price) {
    long[] t = new long[n];
    double[] p = new double[n];
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      t[i] = START + i * 1440L * MINUTE;
      p[i] = price;
      v[i] = 1000;
    }
    return BarSeries.of(
        "FLAT",
        Interval.D1,
        MarketCalendar.CRYPTO,
        ZoneOffset.UTC,
        t,
        p,
        p.clone(),
        p.clone(),
        p.clone(),
        v);
  }

  /**
   * {@code base} with bars {@code k..} replaced by other random bars (other prices, volumes and
   * times).
   */
  static BarSeries withNewFuture(BarSeries base, int k, Random r) {
    int n = base.size();
    long[] t = Arrays.copyOf(base.times(), n);
    double[] o = Arrays.copyOf(base.open(), n);
    double[] h = Arrays.copyOf(base.high(), n);
    double[] l = Arrays.copyOf(base.low(), n);
    double[] c = Arrays.copyOf(base.close(), n);
    double[] v = Arrays.copyOf(base.volume(), n);
    long nextTime = k == 0 ? START : t[k - 1] + MINUTE * (1 + r.nextInt(3000));
    double price = k == 0 ? 100 : c[k - 1] * Math.exp(r.nextGaussian() * 0.2);
    return build(r, n, base.zone(), t, o, h, l, c, v, k, nextTime, price);
  }

  /**
   * {@code base} with bar {@code k}'s high, low, close and volume redrawn (its time and open kept)
   * and every later bar replaced: what an order working during bar k must not be able to see.
   */
  static BarSeries withBarRedrawnAfterOpen(BarSeries base, int k, Random r) {
    int n = base.size();
    BarSeries future = withNewFuture(base, Math.min(k + 1, n), r);
    long[] t = Arrays.copyOf(future.times(), n);
    double[] o = Arrays.copyOf(future.open(), n);
    double[] h = Arrays.copyOf(future.high(), n);
    double[] l = Arrays.copyOf(future.low(), n);
    double[] c = Arrays.copyOf(future.close(), n);
    double[] v = Arrays.copyOf(future.volume(), n);
    double open = o[k];
    c[k] = open * Math.exp(r.nextGaussian() * 0.1);
    h[k] = Math.max(open, c[k]) * (1 + r.nextDouble() * 0.05);
    l[k] = Math.min(open, c[k]) * (1 - r.nextDouble() * 0.05);
    v[k] = r.nextInt(5) == 0 ? 0 : r.nextDouble() * 10_000;
    if (k + 1 < n && t[k + 1] <= t[k]) {
      throw new IllegalStateException("times must ascend");
    }
    return BarSeries.of(
        "REDRAWN", Interval.D1, MarketCalendar.CRYPTO, base.zone(), t, o, h, l, c, v);
  }

  /** Fills bars {@code from..n-1} with a random walk starting at {@code price} and {@code time}. */
  private static BarSeries build(
      Random r,
      int n,
      ZoneId zone,
      long[] t,
      double[] o,
      double[] h,
      double[] l,
      double[] c,
      double[] v,
      int from,
      long time,
      double price) {
    long[] gaps = {MINUTE, 5 * MINUTE, 60 * MINUTE, 1440 * MINUTE, 3 * 1440 * MINUTE};
    for (int i = from; i < n; i++) {
      t[i] = time;
      time += gaps[r.nextInt(gaps.length)] + (r.nextInt(4) == 0 ? r.nextInt(600) * MINUTE : 0);
      int shape = r.nextInt(12);
      double open = shape == 0 && i > 0 ? c[i - 1] : price * Math.exp(r.nextGaussian() * 0.01);
      double close = shape == 1 ? open : open * Math.exp(r.nextGaussian() * 0.03);
      o[i] = open;
      c[i] = close;
      h[i] = shape == 1 ? open : Math.max(open, close) * (1 + r.nextDouble() * 0.02);
      l[i] = shape == 1 ? open : Math.min(open, close) * (1 - r.nextDouble() * 0.02);
      v[i] = shape == 2 ? 0 : Math.rint(r.nextDouble() * 100_000) / 10;
      price = close;
    }
    return BarSeries.of("RANDOM", Interval.D1, MarketCalendar.CRYPTO, zone, t, o, h, l, c, v);
  }

  // ---- parameters

  /** Each declared parameter at a random value of its range (on its step grid when it has one). */
  static Map<String, Double> randomParams(CompiledStrategy s, Random r) {
    Map<String, Double> values = new HashMap<>();
    for (ParamSpec p : s.params()) {
      if (r.nextInt(4) == 0) {
        continue; // keep the default
      }
      values.put(p.name(), randomValue(p, r));
    }
    return values;
  }

  static double randomValue(ParamSpec p, Random r) {
    if (p.min() == null) {
      return p.defaultValue();
    }
    if (p.step() != null) {
      long steps = (long) Math.floor((p.max() - p.min()) / p.step() + 1e-9);
      double v = p.min() + p.step() * (steps <= 0 ? 0 : (long) (r.nextDouble() * (steps + 1)));
      v = Math.rint(v * 1e9) / 1e9;
      return Math.max(p.min(), Math.min(p.max(), v));
    }
    if (r.nextBoolean() && Math.ceil(p.min()) <= Math.floor(p.max())) {
      return Math.ceil(p.min())
          + Math.floor(r.nextDouble() * (Math.floor(p.max()) - Math.ceil(p.min()) + 1));
    }
    return p.min() + r.nextDouble() * (p.max() - p.min());
  }

  /**
   * The value sets an evaluation of a fresh strategy is tried with: defaults, every low end, every
   * high end, random.
   */
  static List<Map<String, Double>> paramSets(CompiledStrategy s, Random r) {
    List<Map<String, Double>> sets = new ArrayList<>();
    sets.add(Map.of());
    if (s.params().stream().anyMatch(p -> p.min() != null)) {
      Map<String, Double> low = new HashMap<>();
      Map<String, Double> high = new HashMap<>();
      for (ParamSpec p : s.params()) {
        if (p.min() != null) {
          low.put(p.name(), p.min());
          high.put(p.name(), p.max());
        }
      }
      sets.add(low);
      sets.add(high);
      sets.add(randomParams(s, r));
    }
    return sets;
  }

  // ---- the checker

  /** What a checked source did. */
  enum Outcome {
    COMPILE_ERRORS,
    EVALUATED,
    REJECTED_AT_RUN_TIME
  }

  /**
   * Compiles {@code source} within {@link #TIME_BOUND}; checks every diagnostic; when it compiles,
   * evaluates it on small random bars, one bar and flat bars, with default, extreme and random
   * parameter values. Anything but a compile result, signals or a StrategyEvaluationException goes
   * to {@code log}.
   */
  static Outcome check(String source, long seed, BugLog log) {
    log.caseDone();
    Outcome[] outcome = new Outcome[1];
    try {
      assertTimeoutPreemptively(
          TIME_BOUND,
          () -> {
            outcome[0] = checkNow(source, seed, log);
          });
    } catch (AssertionFailedError e) {
      log.add("timeout: took more than " + TIME_BOUND.toSeconds() + " s", source, e.getMessage());
    }
    if (outcome[0] != null) {
      log.count(outcome[0]);
    }
    return outcome[0];
  }

  /** As {@link #check} without the time bound (for callers that already bound a whole loop). */
  static Outcome checkNow(String source, long seed, BugLog log) {
    StrategyCompiler.Compilation c;
    try {
      c = StrategyCompiler.compile(source);
    } catch (Throwable t) {
      log.add(t, "compile", source);
      return null;
    }
    if (!checkCompilation(source, c, log)) {
      return null;
    }
    if (!c.ok()) {
      return Outcome.COMPILE_ERRORS;
    }
    Random r = new Random(seed);
    CompiledStrategy s = c.strategy();
    List<BarSeries> barSets =
        List.of(randomBars(r, 2 + r.nextInt(80)), randomBars(r, 1), flatBars(30, 50));
    boolean rejected = false;
    for (BarSeries bars : barSets) {
      for (Map<String, Double> params : paramSets(s, r)) {
        try {
          Signals signals = s.signals(bars, params);
          String problem = checkSignals(s, signals, bars.size());
          if (problem == null && s.hasWeight()) {
            double[] weight =
                s.universeSignals(List.of(bars), params, EvaluationLimits.defaults())
                    .symbols()
                    .get(0)
                    .weight();
            problem =
                weight.length == bars.size()
                    ? null
                    : "a weight column of " + weight.length + " for " + bars.size() + " bars";
          }
          if (problem != null) {
            log.add(
                "bad signals: " + problem, source, "bars " + bars.size() + ", params " + params);
            return null;
          }
        } catch (StrategyEvaluationException e) {
          rejected = true;
          if (e.getMessage() == null || e.getMessage().isBlank()) {
            log.add("StrategyEvaluationException without a message", source, "bars " + bars.size());
            return null;
          }
        } catch (Throwable t) {
          log.add(t, "evaluate on " + bars.size() + " bars with params " + params, source);
          return null;
        }
      }
    }
    return rejected ? Outcome.REJECTED_AT_RUN_TIME : Outcome.EVALUATED;
  }

  /**
   * Checks the compilation's shape and every diagnostic; records and returns false on a problem.
   */
  static boolean checkCompilation(String source, StrategyCompiler.Compilation c, BugLog log) {
    if (c == null || c.errors() == null) {
      log.add("compile returned null", source, String.valueOf(c));
      return false;
    }
    if (c.ok() != (c.strategy() != null)) {
      log.add(
          "compile returned " + (c.ok() ? "no errors and no strategy" : "errors and a strategy"),
          source,
          c.errors().toString());
      return false;
    }
    int lines = 1;
    for (int i = 0; i < source.length(); i++) {
      if (source.charAt(i) == '\n') {
        lines++;
      }
    }
    for (Diagnostic d : c.errors()) {
      String problem =
          d == null
              ? "a null diagnostic"
              : d.line() < 1
                  ? "line < 1"
                  : d.column() < 1
                      ? "column < 1"
                      : d.length() < 1
                          ? "length < 1"
                          : d.message() == null || d.message().isBlank()
                              ? "blank message"
                              : d.line() > lines ? "line beyond the end of the source" : null;
      if (problem != null) {
        log.add(
            "bad diagnostic: " + problem,
            source,
            String.valueOf(d)
                + (d == null
                    ? ""
                    : " (line "
                        + d.line()
                        + ", column "
                        + d.column()
                        + ", length "
                        + d.length()
                        + "; the source has "
                        + lines
                        + " lines)"));
        return false;
      }
    }
    return true;
  }

  /**
   * Null when {@code s} is what {@code strategy} must give for {@code bars} bars: an entry column
   * (or, for a strategy with target weights, which trades through the rebalancer, none) and every
   * column as long as the bars.
   */
  static String checkSignals(CompiledStrategy strategy, Signals s, int bars) {
    if (s == null) {
      return "null signals";
    }
    if (!s.hasEntries() && !strategy.hasWeight()) {
      return "a compiled strategy without an entry column";
    }
    for (Map.Entry<String, Object> e : columns(s).entrySet()) {
      if (e.getValue() != null && java.lang.reflect.Array.getLength(e.getValue()) != bars) {
        return e.getKey()
            + " has "
            + java.lang.reflect.Array.getLength(e.getValue())
            + " values for "
            + bars
            + " bars";
      }
    }
    return null;
  }

  // ---- the bug log

  /** Failures grouped by kind and place, with the shortest source for each and a count. */
  static final class BugLog {

    private record Entry(String source, String detail, int count) {}

    private final Map<String, Entry> bugs = new LinkedHashMap<>();
    private final Map<Outcome, Integer> outcomes = new HashMap<>();
    private int cases;

    void count(Outcome o) {
      outcomes.merge(o, 1, Integer::sum);
    }

    void caseDone() {
      cases++;
    }

    int cases() {
      return cases;
    }

    int outcomes(Outcome o) {
      return outcomes.getOrDefault(o, 0);
    }

    synchronized void add(Throwable t, String during, String source) {
      StackTraceElement where = null;
      for (StackTraceElement e : t.getStackTrace()) {
        if (e.getClassName().startsWith("com.tradingbacktest.engine.")) {
          where = e;
          break;
        }
      }
      String signature =
          t.getClass().getName()
              + (where == null
                  ? ""
                  : " at "
                      + where.getClassName().substring(where.getClassName().lastIndexOf('.') + 1)
                      + "."
                      + where.getMethodName()
                      + ":"
                      + where.getLineNumber());
      StringBuilder detail = new StringBuilder("during ").append(during).append(": ").append(t);
      StackTraceElement[] trace = t.getStackTrace();
      for (int i = 0; i < Math.min(8, trace.length); i++) {
        detail.append("\n        at ").append(trace[i]);
      }
      add(signature, source, detail.toString());
    }

    synchronized void add(String signature, String source, String detail) {
      Entry old = bugs.get(signature);
      if (old == null || source.length() < old.source.length()) {
        bugs.put(signature, new Entry(source, detail, old == null ? 1 : old.count + 1));
      } else {
        bugs.put(signature, new Entry(old.source, old.detail, old.count + 1));
      }
    }

    boolean isEmpty() {
      return bugs.isEmpty();
    }

    String summary() {
      return cases
          + " cases: "
          + outcomes(Outcome.COMPILE_ERRORS)
          + " with compile errors, "
          + outcomes(Outcome.EVALUATED)
          + " compiled and evaluated, "
          + outcomes(Outcome.REJECTED_AT_RUN_TIME)
          + " compiled and rejected some run with a StrategyEvaluationException";
    }

    /** Fails with every distinct problem, or does nothing. */
    void assertNoBugs(String what) {
      if (cases >= 50) {
        System.out.println("[" + what + "] " + summary() + "; distinct problems: " + bugs.size());
      }
      if (bugs.isEmpty()) {
        return;
      }
      StringBuilder m =
          new StringBuilder(what)
              .append(": ")
              .append(bugs.size())
              .append(
                  " distinct problem(s) besides compile errors and StrategyEvaluationException (")
              .append(summary())
              .append(")");
      int k = 1;
      for (Map.Entry<String, Entry> e : bugs.entrySet()) {
        m.append("\n[")
            .append(k++)
            .append("] ")
            .append(e.getKey())
            .append(" -- ")
            .append(e.getValue().count)
            .append(" case(s); shortest source (")
            .append(e.getValue().source.length())
            .append(" chars): ")
            .append(quote(e.getValue().source))
            .append("\n    ")
            .append(e.getValue().detail);
      }
      fail(m.toString());
    }
  }

  /**
   * The source as a Java string literal (long ones shortened), so a failure can be pasted into a
   * test.
   */
  static String quote(String s) {
    StringBuilder b = new StringBuilder("\"");
    String body =
        s.length() <= 600
            ? s
            : s.substring(0, 300)
                + "<... "
                + (s.length() - 500)
                + " chars ...>"
                + s.substring(s.length() - 200);
    for (int i = 0; i < body.length(); i++) {
      char ch = body.charAt(i);
      switch (ch) {
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        default -> {
          if (ch < 0x20 || ch > 0x7e) {
            b.append(String.format("\\u%04x", (int) ch));
          } else {
            b.append(ch);
          }
        }
      }
    }
    return b.append('"').toString();
  }
}
