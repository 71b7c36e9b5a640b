package com.tradingbacktest.engine.robust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.tradingbacktest.engine.optimize.ParameterGrid;
import com.tradingbacktest.engine.optimize.ParameterRange;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlateauTests {

  /** fast 1..3 and slow 1..3: index = 3 (fast - 1) + (slow - 1), slow varying fastest. */
  private static final ParameterGrid GRID =
      new ParameterGrid(
          List.of(new ParameterRange("fast", 1, 3, 1), new ParameterRange("slow", 1, 3, 1)));

  private static Map<Long, Double> scores(double... byIndex) {
    Map<Long, Double> scores = new HashMap<>();
    for (int i = 0; i < byIndex.length; i++) {
      if (!Double.isNaN(byIndex[i])) {
        scores.put((long) i, byIndex[i]);
      }
    }
    return scores;
  }

  @Test
  void aLonePeakAveragesDownWithItsNeighbours() {
    // fast \ slow   1    2    3
    //      1        0    0    0
    //      2        0    9    0
    //      3        0    0    0
    // The peak (index 4) has all 9 cells around it: mean 9 / 9 = 1, ratio 1/9. Every other cell
    // touches the peak too: a corner's 2 x 2 square holds 9 / 4 = 2.25, an edge's 2 x 3 holds 1.5.
    Plateau p = Plateau.of(GRID, scores(0, 0, 0, 0, 9, 0, 0, 0, 0));

    assertThat(p.bestCombination()).isEqualTo(4);
    assertThat(p.bestScore()).isEqualTo(9);
    assertThat(p.neighbours()).isEqualTo(9);
    assertThat(p.neighbourhoodMean()).isCloseTo(1, within(1e-12));
    assertThat(p.ratio()).isCloseTo(1.0 / 9, within(1e-12));
    // The corner (fast 1, slow 1) is the first cell with the highest mean, 2.25.
    assertThat(p.plateauCombination()).isZero();
    assertThat(p.plateauMean()).isCloseTo(2.25, within(1e-12));
  }

  @Test
  void aPlateauKeepsItsRatioNearOne() {
    // fast \ slow   1    2    3
    //      1        1    1    1
    //      2        5    6    5
    //      3        5    5    5
    // Best: index 4 (6); its 3 x 3 neighbourhood: (3 + 16 + 15) / 9 = 34 / 9, ratio 34 / 54.
    // Cell 7 (fast 3, slow 2): its 2 x 3 block rows 2-3: (16 + 15) / 6 = 31 / 6 = 5.1667, the
    // highest mean; cells 6 and 8 (2 x 2 corners) hold (5 + 6 + 5 + 5) / 4 = 21 / 4 = 5.25. So the
    // plateau is cell 6, the first with 5.25.
    Plateau p = Plateau.of(GRID, scores(1, 1, 1, 5, 6, 5, 5, 5, 5));

    assertThat(p.bestCombination()).isEqualTo(4);
    assertThat(p.neighbourhoodMean()).isCloseTo(34.0 / 9, within(1e-12));
    assertThat(p.ratio()).isCloseTo(34.0 / 54, within(1e-12));
    assertThat(p.plateauCombination()).isEqualTo(6);
    assertThat(p.plateauMean()).isCloseTo(5.25, within(1e-12));
  }

  @Test
  void leavesCellsWithoutAScoreOutOfTheAverage() {
    // Index 1 and 3 did not run (or were infeasible), index 5 has a NaN score: the best (index 0,
    // score 4) sees itself and index 4 (2) only: mean 3 over 2 neighbours.
    Map<Long, Double> scores = scores(4, Double.NaN, 1, Double.NaN, 2, Double.NaN, 1, 1, 1);
    scores.put(5L, Double.NaN);

    Plateau p = Plateau.of(GRID, scores);

    assertThat(p.bestCombination()).isZero();
    assertThat(p.neighbours()).isEqualTo(2);
    assertThat(p.neighbourhoodMean()).isCloseTo(3, within(1e-12));
    assertThat(p.ratio()).isCloseTo(0.75, within(1e-12));
  }

  @Test
  void aOneDimensionalGridAveragesEachCellWithTheOnesBesideIt() {
    ParameterGrid line = new ParameterGrid(List.of(new ParameterRange("n", 10, 60, 10)));
    // n:      10  20  30  40  50  60
    // score:   1   2  10   2   3   3
    // means: 1.5 4.33 4.67 5 2.67 3
    Plateau p = Plateau.of(line, scores(1, 2, 10, 2, 3, 3));

    assertThat(p.bestCombination()).isEqualTo(2);
    assertThat(p.neighbours()).isEqualTo(3);
    assertThat(p.neighbourhoodMean()).isCloseTo(14.0 / 3, within(1e-12));
    assertThat(p.plateauCombination()).isEqualTo(3);
    assertThat(p.plateauMean()).isCloseTo(5, within(1e-12));
  }

  @Test
  void comparesEveryPairWhenTheNeighbourhoodIsLargerThanTheScores() {
    // Five parameters of 3 values: 3^5 = 243 neighbours per cell, more than the 4 scores given, so
    // cells are compared pairwise; the answer is the same.
    ParameterGrid grid =
        new ParameterGrid(
            List.of(
                new ParameterRange("a", 1, 3, 1),
                new ParameterRange("b", 1, 3, 1),
                new ParameterRange("c", 1, 3, 1),
                new ParameterRange("d", 1, 3, 1),
                new ParameterRange("e", 1, 3, 1)));
    // 0 = (1,1,1,1,1); 1 = (1,1,1,1,2); 242 = (3,3,3,3,3); 121 = (2,2,2,2,2).
    Map<Long, Double> scores = Map.of(0L, 2.0, 1L, 4.0, 121L, 6.0, 242L, 1.0);

    Plateau p = Plateau.of(grid, scores);

    // 121 touches 0, 1 and 242 (each differs by one on every parameter): (2 + 4 + 6 + 1) / 4.
    assertThat(p.bestCombination()).isEqualTo(121);
    assertThat(p.neighbours()).isEqualTo(4);
    assertThat(p.neighbourhoodMean()).isCloseTo(13.0 / 4, within(1e-12));
  }

  @Test
  void isNullWithoutADefinedScore() {
    assertThat(Plateau.of(GRID, Map.of())).isNull();
    assertThat(Plateau.of(GRID, Map.of(3L, Double.NaN))).isNull();
  }

  @Test
  void aZeroBestScoreHasNoRatio() {
    assertThat(Plateau.of(GRID, scores(0, -1, -2)).ratio()).isNaN();
  }
}
