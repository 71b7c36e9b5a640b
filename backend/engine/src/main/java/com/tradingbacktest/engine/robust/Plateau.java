package com.tradingbacktest.engine.robust;

import com.tradingbacktest.engine.optimize.ParameterGrid;
import com.tradingbacktest.engine.optimize.ParameterRange;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The parameter plateau: each cell's objective averaged with its neighbours on the grid (every cell
 * within one step on every varying parameter, the cell included; cells without a defined score are
 * left out of the average), so an isolated peak shows as one.
 *
 * <p>Cells are the grid's coordinates ({@link ParameterGrid#combination}: mixed radix, the last
 * range varying fastest); a cell's neighbourhood is the up to 3^d cells whose coordinate differs by
 * at most one on each of the d parameters (on a 2-D grid the 3 x 3 square around it, on a 1-D grid
 * the cell and the one on each side). A score is defined when it is finite; NaN and infinite scores
 * take no part. Ties go to the lowest grid index, both for the best cell and the plateau.
 *
 * @param bestCombination the combination with the best score (grid index)
 * @param bestScore its score
 * @param neighbourhoodMean the mean score of its neighbourhood
 * @param ratio neighbourhoodMean / bestScore: near 1 on a plateau, low or negative on a lone peak;
 *     NaN when the best score is 0 or undefined
 * @param neighbours how many cells with a score the best's neighbourhood holds (itself included)
 * @param plateauCombination the combination, among those with a score, whose neighbourhood mean is
 *     highest
 * @param plateauMean that mean
 */
public record Plateau(
    long bestCombination,
    double bestScore,
    double neighbourhoodMean,
    double ratio,
    int neighbours,
    long plateauCombination,
    double plateauMean) {

  /**
   * The plateau of {@code grid}'s scores. Time: for M scored cells on d parameters, M x min(3^d, M)
   * steps.
   *
   * @param scores the objective of each combination that ran and is feasible, by grid index
   * @return null when no combination has a defined score
   * @throws IndexOutOfBoundsException when an index is outside the grid
   */
  public static Plateau of(ParameterGrid grid, Map<Long, Double> scores) {
    long[] cells =
        scores.entrySet().stream()
            .filter(e -> e.getValue() != null && Double.isFinite(e.getValue()))
            .mapToLong(Map.Entry::getKey)
            .sorted()
            .toArray();
    if (cells.length == 0) {
      return null;
    }
    long size = grid.size();
    for (long cell : cells) {
      if (cell < 0 || cell >= size) {
        throw new IndexOutOfBoundsException(
            "combination " + cell + " is outside the grid of " + size);
      }
    }
    double[] values = new double[cells.length];
    for (int i = 0; i < cells.length; i++) {
      values[i] = scores.get(cells[i]);
    }
    Coordinates coordinates = new Coordinates(grid.ranges());
    int[][] digits = new int[cells.length][];
    for (int i = 0; i < cells.length; i++) {
      digits[i] = coordinates.digits(cells[i]);
    }
    double[] means = new double[cells.length];
    int[] counts = new int[cells.length];
    boolean enumerate = coordinates.neighbourhoodSize() <= cells.length;
    for (int i = 0; i < cells.length; i++) {
      double sum = 0;
      int count = 0;
      if (enumerate) {
        for (long neighbour : coordinates.neighbourhood(digits[i])) {
          int at = Arrays.binarySearch(cells, neighbour);
          if (at >= 0) {
            sum += values[at];
            count++;
          }
        }
      } else {
        for (int j = 0; j < cells.length; j++) {
          if (adjacent(digits[i], digits[j])) {
            sum += values[j];
            count++;
          }
        }
      }
      means[i] = sum / count;
      counts[i] = count;
    }
    int best = 0;
    int plateau = 0;
    for (int i = 1; i < cells.length; i++) {
      if (values[i] > values[best]) {
        best = i;
      }
      if (means[i] > means[plateau]) {
        plateau = i;
      }
    }
    double ratio = values[best] != 0 ? means[best] / values[best] : Double.NaN;
    return new Plateau(
        cells[best],
        values[best],
        means[best],
        ratio,
        counts[best],
        cells[plateau],
        means[plateau]);
  }

  private static boolean adjacent(int[] a, int[] b) {
    for (int k = 0; k < a.length; k++) {
      if (Math.abs(a[k] - b[k]) > 1) {
        return false;
      }
    }
    return true;
  }

  /** A grid's mixed-radix coordinates, as {@link ParameterGrid#combination} numbers them. */
  private static final class Coordinates {
    private final int[] radix;
    private final long[] stride;

    Coordinates(List<ParameterRange> ranges) {
      radix = new int[ranges.size()];
      stride = new long[ranges.size()];
      long s = 1;
      for (int k = ranges.size() - 1; k >= 0; k--) {
        radix[k] = ranges.get(k).count();
        stride[k] = s;
        s *= radix[k];
      }
    }

    int[] digits(long index) {
      int[] d = new int[radix.length];
      long rest = index;
      for (int k = radix.length - 1; k >= 0; k--) {
        d[k] = (int) (rest % radix[k]);
        rest /= radix[k];
      }
      return d;
    }

    /** 3^v for the v parameters with more than one value, saturating. */
    long neighbourhoodSize() {
      long size = 1;
      for (int r : radix) {
        if (r > 1) {
          size = Math.min(size * 3, Long.MAX_VALUE / 3);
        }
      }
      return size;
    }

    /** The indices of every cell within one step of {@code digits}, itself included. */
    long[] neighbourhood(int[] digits) {
      long[] cells = {0};
      for (int k = 0; k < radix.length; k++) {
        int lo = Math.max(0, digits[k] - 1);
        int hi = Math.min(radix[k] - 1, digits[k] + 1);
        long[] next = new long[cells.length * (hi - lo + 1)];
        int at = 0;
        for (long base : cells) {
          for (int d = lo; d <= hi; d++) {
            next[at++] = base + d * stride[k];
          }
        }
        cells = next;
      }
      return cells;
    }
  }
}
