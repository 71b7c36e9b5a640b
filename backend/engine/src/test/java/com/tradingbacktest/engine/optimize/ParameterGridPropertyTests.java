package com.tradingbacktest.engine.optimize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Grids with decimal bounds and steps, as users type them. */
class ParameterGridPropertyTests {

  /**
   * A range of {@code count} values from {@code from} by {@code step}, all typed with two decimals.
   */
  record Declared(double from, double step, int count) {
    ParameterRange range(String name) {
      return new ParameterRange(
          name, from, Math.round((from + (count - 1) * step) * 100) / 100.0, step);
    }
  }

  @Provide
  Arbitrary<List<Declared>> grids() {
    Arbitrary<Declared> declared =
        Combinators.combine(
                Arbitraries.doubles().between(-100, 100).ofScale(2),
                Arbitraries.doubles().between(0.01, 10).ofScale(2),
                Arbitraries.integers().between(1, 8))
            .as(Declared::new);
    return declared.list().ofMinSize(1).ofMaxSize(4);
  }

  @Property(tries = 300)
  void everyIndexMapsToADistinctCombinationWithinTheRanges(
      @ForAll("grids") List<Declared> declared) {
    List<ParameterRange> ranges = new ArrayList<>();
    long expectedSize = 1;
    for (int k = 0; k < declared.size(); k++) {
      ranges.add(declared.get(k).range("p" + k));
      expectedSize *= declared.get(k).count();
    }
    ParameterGrid grid = new ParameterGrid(ranges);

    assertThat(grid.size()).isEqualTo(expectedSize);
    Set<Map<String, Double>> seen = new HashSet<>();
    for (long index = 0; index < grid.size(); index++) {
      Map<String, Double> combination = grid.combination(index);
      assertThat(seen.add(combination))
          .as("combination %d repeats %s", index, combination)
          .isTrue();
      assertThat(combination.keySet())
          .containsExactlyElementsOf(ranges.stream().map(ParameterRange::name).toList());
      for (ParameterRange r : ranges) {
        assertThat(combination.get(r.name())).isBetween(r.from(), r.to());
      }
    }
  }

  @Property(tries = 500)
  void decimalRangesHaveTheirWholeCountAndTypedValues(@ForAll("grids") List<Declared> declared) {
    for (Declared d : declared) {
      ParameterRange r = d.range("p");

      assertThat(r.count()).isEqualTo(d.count());
      for (int i = 0; i < r.count(); i++) {
        // Two-decimal inputs give values with at most two decimals, e.g. 0.3 and never
        // 0.30000000000000004.
        double typed = Math.round((d.from() + i * d.step()) * 100) / 100.0;
        assertThat(r.value(i)).isEqualTo(typed);
      }
    }
  }
}
