package com.tradingbacktest.engine.lang;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.tradingbacktest.engine.series.BarSeries;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * The cross-sectional functions agree with a direct computation: for every symbol and bar, look up
 * which other symbols have a bar at the same time and a value, and compare them one by one. Random
 * universes have mixed calendars (each symbol skips random days) and warm-ups of random lengths.
 */
class CrossSectionPropertyTests {

  private static final String SOURCE =
      """
      param length = 3 in 1..20
      param n = 2 in 1..10
      x = sma(round(close / 10), length)
      weight = 0.1
      plot("rank", rank(x))
      plot("top", top(n, x))
      plot("bottom", bottom(n, x))
      plot("z", zscore_cs(x))
      plot("sum", sum_cs(x))
      plot("count", count_cs(x > 10))
      plot("size", universe_size())
      plot("x", x)
      """;

  /** One symbol's value at one bar, for the direct computation. */
  private record Entry(String symbol, double x) {}

  @Property(tries = 80, seed = "1717")
  void crossSectionalFunctionsAgreeWithADirectComputation(@ForAll long seed) {
    Random r = new Random(seed);
    List<BarSeries> universe = new ArrayList<>();
    int symbols = 1 + r.nextInt(7);
    int days = 5 + r.nextInt(40);
    for (int k = 0; k < symbols; k++) {
      List<Integer> own = new ArrayList<>();
      for (int d = 0; d < days; d++) {
        if (r.nextInt(4) > 0) {
          own.add(d);
        }
      }
      if (own.isEmpty()) {
        own.add(r.nextInt(days));
      }
      double[] closes = new double[own.size()];
      for (int i = 0; i < closes.length; i++) {
        closes[i] = 50 + 10 * r.nextInt(12); // few distinct values: ties are common
      }
      universe.add(
          UniverseEvaluationTests.symbol(
              "S" + (char) ('A' + r.nextInt(26)) + k,
              own.stream().mapToInt(Integer::intValue).toArray(),
              closes));
    }
    double length = 1 + r.nextInt(4);
    int n = 1 + r.nextInt(3);
    UniverseEvaluation e =
        Strategies.compile(SOURCE)
            .evaluateUniverse(
                universe, Map.of("length", length, "n", (double) n), EvaluationLimits.defaults());

    for (int k = 0; k < symbols; k++) {
      BarSeries bars = universe.get(k);
      UniverseEvaluation.SymbolEvaluation part = e.symbols().get(k);
      for (int i = 0; i < bars.size(); i++) {
        List<Entry> at = entriesAt(universe, e, bars.times()[i]);
        double x = plot(part, "x")[i];
        List<Entry> defined = at.stream().filter(a -> !Double.isNaN(a.x())).toList();
        String where = bars.symbol() + " bar " + i + " among " + at;

        assertThat(plot(part, "size")[i]).as(where).isEqualTo(at.size());
        assertThat(plot(part, "count")[i])
            .as(where)
            .isEqualTo((double) defined.stream().filter(a -> a.x() > 10).count());
        double sum = defined.stream().mapToDouble(Entry::x).sum();
        assertThat(plot(part, "sum")[i])
            .as(where)
            .isEqualTo(defined.isEmpty() ? Double.NaN : sum, within(1e-9));
        if (Double.isNaN(x)) {
          assertThat(plot(part, "rank")[i]).as(where).isNaN();
          assertThat(plot(part, "z")[i]).as(where).isNaN();
          assertThat(plot(part, "top")[i]).as(where).isZero();
          assertThat(plot(part, "bottom")[i]).as(where).isZero();
          continue;
        }
        assertThat(plot(part, "rank")[i])
            .as(where)
            .isEqualTo((double) (1 + defined.stream().filter(a -> a.x() > x).count()));
        List<String> highest =
            defined.stream()
                .sorted(
                    Comparator.comparingDouble(Entry::x).reversed().thenComparing(Entry::symbol))
                .limit(n)
                .map(Entry::symbol)
                .toList();
        List<String> lowest =
            defined.stream()
                .sorted(Comparator.comparingDouble(Entry::x).thenComparing(Entry::symbol))
                .limit(n)
                .map(Entry::symbol)
                .toList();
        assertThat(plot(part, "top")[i] == 1).as(where).isEqualTo(highest.contains(bars.symbol()));
        assertThat(plot(part, "bottom")[i] == 1)
            .as(where)
            .isEqualTo(lowest.contains(bars.symbol()));
        double mean = sum / defined.size();
        double variance =
            defined.stream().mapToDouble(a -> (a.x() - mean) * (a.x() - mean)).sum()
                / defined.size();
        double z = variance == 0 ? 0 : (x - mean) / Math.sqrt(variance);
        assertThat(plot(part, "z")[i]).as(where).isCloseTo(z, within(1e-9));
      }
    }
  }

  /** Every symbol with a bar at {@code time}, with its x there. */
  private static List<Entry> entriesAt(List<BarSeries> universe, UniverseEvaluation e, long time) {
    List<Entry> out = new ArrayList<>();
    for (int k = 0; k < universe.size(); k++) {
      long[] t = universe.get(k).times();
      for (int i = 0; i < t.length; i++) {
        if (t[i] == time) {
          out.add(new Entry(universe.get(k).symbol(), plot(e.symbols().get(k), "x")[i]));
        }
      }
    }
    return out;
  }

  private static double[] plot(UniverseEvaluation.SymbolEvaluation part, String title) {
    return part.plots().stream()
        .filter(p -> p.title().equals(title))
        .findFirst()
        .orElseThrow()
        .values();
  }
}
