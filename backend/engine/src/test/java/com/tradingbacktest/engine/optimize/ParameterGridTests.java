package com.tradingbacktest.engine.optimize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParameterGridTests {

  private static final ParameterGrid GRID =
      new ParameterGrid(
          List.of(new ParameterRange("a", 1, 2, 1), new ParameterRange("b", 10, 30, 10)));

  @Test
  void numbersCombinationsWithTheLastParameterVaryingFastest() {
    assertThat(GRID.size()).isEqualTo(6);
    assertThat(GRID.combination(0)).containsExactly(entry("a", 1.0), entry("b", 10.0));
    assertThat(GRID.combination(1)).containsExactly(entry("a", 1.0), entry("b", 20.0));
    assertThat(GRID.combination(2)).containsExactly(entry("a", 1.0), entry("b", 30.0));
    assertThat(GRID.combination(3)).containsExactly(entry("a", 2.0), entry("b", 10.0));
    assertThat(GRID.combination(5)).containsExactly(entry("a", 2.0), entry("b", 30.0));
  }

  @Test
  void mixesRadicesAcrossThreeParameters() {
    // Counts 2 x 3 x 4: index 17 = 1 * 12 + 1 * 4 + 1 -> second a, second b, second c.
    ParameterGrid grid =
        new ParameterGrid(
            List.of(
                new ParameterRange("a", 0, 1, 1),
                new ParameterRange("b", 0.1, 0.3, 0.1),
                new ParameterRange("c", 5, 20, 5)));

    assertThat(grid.size()).isEqualTo(24);
    assertThat(grid.combination(17))
        .containsExactly(entry("a", 1.0), entry("b", 0.2), entry("c", 10.0));
    assertThat(grid.combination(23))
        .containsExactly(entry("a", 1.0), entry("b", 0.3), entry("c", 20.0));
  }

  @Test
  void aGridWithoutRangesIsOneRunWithTheDefaults() {
    ParameterGrid grid = new ParameterGrid(List.of());

    assertThat(grid.size()).isEqualTo(1);
    assertThat(grid.combination(0)).isEmpty();
  }

  @Test
  void refusesIndicesOutsideTheGrid() {
    assertThatThrownBy(() -> GRID.combination(6))
        .isInstanceOf(IndexOutOfBoundsException.class)
        .hasMessage("combination 6 is outside the grid of 6");
    assertThatThrownBy(() -> GRID.combination(-1)).isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void rejectsDuplicateNames() {
    assertThatThrownBy(
            () ->
                new ParameterGrid(
                    List.of(new ParameterRange("a", 1, 2, 1), new ParameterRange("a", 3, 4, 1))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("parameter a appears twice in the grid");
  }

  @Test
  void reportsASizeBeyondALong() {
    ParameterRange huge = new ParameterRange("x", 0, Integer.MAX_VALUE - 1, 1); // 2^31 - 1 values
    List<ParameterRange> ranges =
        List.of(
            huge,
            new ParameterRange("y", 0, Integer.MAX_VALUE - 1, 1),
            new ParameterRange("z", 0, 4, 1));

    assertThatThrownBy(() -> new ParameterGrid(ranges))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "the grid x (2147483647) x y (2147483647) x z (5) has more than 9223372036854775807"
                + " combinations; narrow the ranges or widen the steps");
    assertThat(new ParameterGrid(List.of(huge, ranges.get(1))).size())
        .isEqualTo((long) Integer.MAX_VALUE * Integer.MAX_VALUE);
  }

  @Test
  void keepsItsOwnCopyOfTheRanges() {
    List<ParameterRange> ranges = new ArrayList<>(List.of(new ParameterRange("a", 1, 2, 1)));
    ParameterGrid grid = new ParameterGrid(ranges);
    ranges.add(new ParameterRange("b", 1, 2, 1));

    assertThat(grid.ranges()).hasSize(1);
    assertThat(grid.size()).isEqualTo(2);
    Map<String, Double> combination = grid.combination(1);
    assertThat(combination).containsExactly(entry("a", 2.0));
  }
}
