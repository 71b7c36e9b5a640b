package com.tradingbacktest.engine.lang;

import com.tradingbacktest.engine.lang.FunctionSpec.Arg;
import com.tradingbacktest.engine.series.BarSeries;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cross-sectional functions: at each time of the union of a universe's bar times they compare
 * the symbols that have a bar at that time (a symbol without one, or whose value is na there, is
 * left out), and each symbol gets the result on its own bars. Ties are broken by symbol name, so
 * the order a universe is listed in never changes a result. Evaluated on one series, a strategy
 * sees a universe of that one symbol.
 */
final class CrossSection {

  /**
   * What the union index holds per symbol-bar: which symbol and which bar (8 bytes), plus while it
   * is built every bar time (8) and its position in the union (4).
   */
  static final long INDEX_BYTES_PER_BAR = 20;

  /** How many bar times between two checkpoints of a long cross-sectional column. */
  private static final int CHECKPOINT_EVERY = 4096;

  private static final Map<String, FunctionSpec> SPECS = new LinkedHashMap<>();

  static {
    add(
        "rank",
        List.of(series("source")),
        "number",
        "The symbol's rank by source among the universe's symbols at this bar time: 1 = highest."
            + " Equal values share the best rank (1, 2, 2, 4); na where source is na.",
        "이 시각 유니버스 종목 중 source 기준 순위: 1 = 가장 큼. 같은 값은 가장 좋은 순위를 공유"
            + " (1, 2, 2, 4); source가 na이면 na.",
        "long_entry = rank(roc(close, 60)) <= 3");
    add(
        "top",
        List.of(length("n"), series("source")),
        "bool",
        "True for the n symbols with the highest source at this bar time; equal values at the"
            + " cut are taken in symbol-name order; false where source is na.",
        "이 시각 source가 가장 큰 n개 종목이면 참; 경계의 같은 값은 종목명 순으로 선택; source가 na이면" + " 거짓.",
        "weight = top(10, roc(close, 252)) ? 0.1 : 0");
    add(
        "bottom",
        List.of(length("n"), series("source")),
        "bool",
        "True for the n symbols with the lowest source at this bar time; equal values at the cut"
            + " are taken in symbol-name order; false where source is na.",
        "이 시각 source가 가장 작은 n개 종목이면 참; 경계의 같은 값은 종목명 순으로 선택; source가 na이면" + " 거짓.",
        "weight = bottom(5, stdev(close / close[1] - 1, 60)) ? 0.2 : 0");
    add(
        "zscore_cs",
        List.of(series("source")),
        "number",
        "(source - mean) / standard deviation across the universe's symbols at this bar time"
            + " (population deviation; 0 when every value is equal); na where source is na.",
        "이 시각 유니버스 종목들의 (source - 평균) / 표준편차 (모집단 표준편차; 값이 모두 같으면 0);" + " source가 na이면 na.",
        "long_entry = zscore_cs(roc(close, 20)) > 1");
    add(
        "sum_cs",
        List.of(series("source")),
        "number",
        "The sum of source over the universe's symbols at this bar time, na ones left out (na"
            + " when every one is na); the same for every symbol with a bar, to normalise weights.",
        "이 시각 유니버스 종목들의 source 합계 (na는 제외, 모두 na면 na); 봉이 있는 모든 종목에 같은 값," + " 비중 정규화용.",
        "weight = (1 / stdev(close, 20)) / sum_cs(1 / stdev(close, 20))");
    add(
        "count_cs",
        List.of(boolSeries("condition")),
        "number",
        "How many of the universe's symbols with a bar at this time have the condition true.",
        "이 시각 봉이 있는 유니버스 종목 중 조건이 참인 종목 수.",
        "long_entry = count_cs(close > sma(close, 200)) > universe_size() / 2");
    add(
        "universe_size",
        List.of(),
        "number",
        "How many of the universe's symbols have a bar at this time.",
        "이 시각 봉이 있는 유니버스 종목 수.",
        "weight = 1 / universe_size()");
  }

  private CrossSection() {}

  static FunctionSpec get(String name) {
    return SPECS.get(name);
  }

  static List<FunctionSpec> specs() {
    return List.copyOf(SPECS.values());
  }

  static List<String> names() {
    return List.copyOf(SPECS.keySet());
  }

  /**
   * Which symbols have a bar at each time of the union of their bar times, and which bar: for union
   * time u, entries {@code start[u]} to {@code start[u + 1] - 1} of {@code symbol} and {@code bar},
   * in symbol-name order.
   */
  static final class Index {
    private final int[] start;
    private final int[] symbol;
    private final int[] bar;

    private Index(int[] start, int[] symbol, int[] bar) {
      this.start = start;
      this.symbol = symbol;
      this.bar = bar;
    }

    /** The index of a universe whose series each have strictly increasing times. */
    static Index of(List<BarSeries> universe) {
      int total = 0;
      for (BarSeries s : universe) {
        total = Math.addExact(total, s.size());
      }
      long[] times = new long[total];
      int at = 0;
      for (BarSeries s : universe) {
        System.arraycopy(s.times(), 0, times, at, s.size());
        at += s.size();
      }
      Arrays.sort(times);
      int unique = 0;
      for (int i = 0; i < total; i++) {
        if (i == 0 || times[i] != times[unique - 1]) {
          times[unique++] = times[i];
        }
      }
      int[][] position = new int[universe.size()][];
      int[] start = new int[unique + 1];
      for (int k = 0; k < universe.size(); k++) {
        long[] t = universe.get(k).times();
        int[] pos = new int[t.length];
        int u = 0;
        for (int i = 0; i < t.length; i++) {
          while (times[u] < t[i]) {
            u++;
          }
          pos[i] = u;
          start[u + 1]++;
        }
        position[k] = pos;
      }
      for (int u = 0; u < unique; u++) {
        start[u + 1] += start[u];
      }
      int[] fill = Arrays.copyOf(start, unique);
      int[] symbol = new int[total];
      int[] bar = new int[total];
      for (int k : byName(universe)) {
        int[] pos = position[k];
        for (int i = 0; i < pos.length; i++) {
          int slot = fill[pos[i]]++;
          symbol[slot] = k;
          bar[slot] = i;
        }
      }
      return new Index(start, symbol, bar);
    }

    /** How many distinct bar times the universe has. */
    int times() {
      return start.length - 1;
    }

    private static int[] byName(List<BarSeries> universe) {
      Integer[] order = new Integer[universe.size()];
      for (int k = 0; k < order.length; k++) {
        order[k] = k;
      }
      Arrays.sort(
          order,
          Comparator.comparing((Integer k) -> universe.get(k).symbol())
              .thenComparing(Comparator.naturalOrder()));
      return Arrays.stream(order).mapToInt(Integer::intValue).toArray();
    }
  }

  /**
   * One cross-sectional node's value for every symbol.
   *
   * @param args per symbol, its evaluated arguments in the function's order (a column or a
   *     constant)
   * @param sizes per symbol, its bar count
   * @param checkpoint run every few thousand bar times; may throw to stop the evaluation
   * @return per symbol, a column over its own bars ({@code double[]} or {@code boolean[]})
   */
  static Object[] compute(Node n, Object[][] args, int[] sizes, Index index, Runnable checkpoint) {
    int symbols = args.length;
    Object[] out = new Object[symbols];
    boolean bools = n.type == Node.Type.BOOL;
    for (int k = 0; k < symbols; k++) {
      if (bools) {
        out[k] = new boolean[sizes[k]];
      } else {
        double[] column = new double[sizes[k]];
        Arrays.fill(column, Double.NaN);
        out[k] = column;
      }
    }
    int count = symbols == 0 ? 0 : countArgument(n, args[0]);
    double[] values = new double[symbols];
    double[] sorted = new double[symbols];
    for (int u = 0; u < index.times(); u++) {
      if (u % CHECKPOINT_EVERY == 0) {
        checkpoint.run();
      }
      int from = index.start[u];
      int to = index.start[u + 1];
      int defined = 0;
      for (int j = from; j < to; j++) {
        int k = index.symbol[j];
        double v = valueOf(n, args[k], index.bar[j]);
        values[j - from] = v;
        if (!Double.isNaN(v)) {
          sorted[defined++] = v;
        }
      }
      switch (n.name) {
        case "rank" -> rank(out, index, from, to, values, sorted, defined);
        case "top" -> top(out, index, from, to, values, sorted, defined, count);
        case "bottom" -> bottom(out, index, from, to, values, sorted, defined, count);
        case "zscore_cs" -> zscore(out, index, from, to, values, sorted, defined);
        case "sum_cs" -> {
          double sum = defined == 0 ? Double.NaN : 0;
          for (int j = 0; j < defined; j++) {
            sum += sorted[j];
          }
          for (int j = from; j < to; j++) {
            ((double[]) out[index.symbol[j]])[index.bar[j]] = sum;
          }
        }
        default -> { // count_cs and universe_size: the count, for every symbol with a bar
          double total = n.name.equals("universe_size") ? to - from : defined;
          for (int j = from; j < to; j++) {
            ((double[]) out[index.symbol[j]])[index.bar[j]] = total;
          }
        }
      }
    }
    return out;
  }

  /**
   * The value a symbol contributes at its bar {@code i}: the source, or for {@code count_cs} 1
   * where the condition holds and na where it does not (so that only true ones are counted), or 0
   * for {@code universe_size}.
   */
  private static double valueOf(Node n, Object[] args, int i) {
    if (args.length == 0) {
      return 0;
    }
    Object source = args[args.length - 1];
    if (n.name.equals("count_cs")) {
      boolean b = source instanceof boolean[] column ? column[i] : (Boolean) source;
      return b ? 1 : Double.NaN;
    }
    return source instanceof double[] column ? column[i] : (Double) source;
  }

  /** The {@code n} of top and bottom, checked when it came from a param; 0 for the others. */
  private static int countArgument(Node n, Object[] args) {
    if (!n.name.equals("top") && !n.name.equals("bottom")) {
      return 0;
    }
    double value = (Double) args[0];
    String problem = Lengths.problem(value, 1);
    if (problem != null) {
      throw new StrategyEvaluationException(n.name + " n (" + n.in[0].name + ") " + problem);
    }
    return (int) value;
  }

  private static void rank(
      Object[] out, Index index, int from, int to, double[] values, double[] sorted, int defined) {
    Arrays.sort(sorted, 0, defined);
    for (int j = from; j < to; j++) {
      double v = values[j - from];
      if (!Double.isNaN(v)) {
        ((double[]) out[index.symbol[j]])[index.bar[j]] = defined - above(sorted, defined, v) + 1;
      }
    }
  }

  private static void top(
      Object[] out,
      Index index,
      int from,
      int to,
      double[] values,
      double[] sorted,
      int defined,
      int n) {
    Arrays.sort(sorted, 0, defined);
    double cut = defined <= n ? Double.NEGATIVE_INFINITY : sorted[defined - n];
    int atCut = defined <= n ? defined : n - (defined - above(sorted, defined, cut));
    for (int j = from; j < to; j++) {
      double v = values[j - from];
      boolean in = v > cut || (v == cut && atCut-- > 0);
      ((boolean[]) out[index.symbol[j]])[index.bar[j]] = in;
    }
  }

  private static void bottom(
      Object[] out,
      Index index,
      int from,
      int to,
      double[] values,
      double[] sorted,
      int defined,
      int n) {
    Arrays.sort(sorted, 0, defined);
    double cut = defined <= n ? Double.POSITIVE_INFINITY : sorted[n - 1];
    int atCut = defined <= n ? defined : n - below(sorted, defined, cut);
    for (int j = from; j < to; j++) {
      double v = values[j - from];
      boolean in = v < cut || (v == cut && atCut-- > 0);
      ((boolean[]) out[index.symbol[j]])[index.bar[j]] = in;
    }
  }

  private static void zscore(
      Object[] out, Index index, int from, int to, double[] values, double[] sorted, int defined) {
    double sum = 0;
    for (int j = 0; j < defined; j++) {
      sum += sorted[j];
    }
    double mean = sum / defined;
    double squares = 0;
    for (int j = 0; j < defined; j++) {
      squares += (sorted[j] - mean) * (sorted[j] - mean);
    }
    double sd = Math.sqrt(squares / defined);
    for (int j = from; j < to; j++) {
      double v = values[j - from];
      if (!Double.isNaN(v)) {
        ((double[]) out[index.symbol[j]])[index.bar[j]] = sd == 0 ? 0 : (v - mean) / sd;
      }
    }
  }

  /** The index of the first of the sorted values above {@code v}. */
  private static int above(double[] sorted, int size, double v) {
    int lo = 0;
    int hi = size;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] > v) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }

  /** How many of the sorted values are below {@code v}. */
  private static int below(double[] sorted, int size, double v) {
    int lo = 0;
    int hi = size;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] < v) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private static Arg series(String name) {
    return new Arg(name, "series", null, null);
  }

  private static Arg boolSeries(String name) {
    return new Arg(name, "bool series", null, null);
  }

  private static Arg length(String name) {
    return new Arg(name, "length", null, 1);
  }

  private static void add(
      String name, List<Arg> params, String result, String en, String ko, String example) {
    SPECS.put(
        name,
        new FunctionSpec(name, "cross-sectional", params, result, List.of(), en, ko, example));
  }
}
