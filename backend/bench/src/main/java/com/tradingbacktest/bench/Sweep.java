package com.tradingbacktest.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** The sweep's grid: fast SMA 5..50 step 5, slow SMA 20..200 step 10, fast < slow. */
public final class Sweep {

  public static final int[][] COMBINATIONS;

  /** Every distinct length of the grid, ascending. */
  public static final int[] LENGTHS;

  public static final int MAX_LENGTH = 200;

  static {
    List<int[]> combos = new ArrayList<>();
    TreeSet<Integer> lengths = new TreeSet<>();
    for (int fast = 5; fast <= 50; fast += 5) {
      for (int slow = 20; slow <= 200; slow += 10) {
        if (fast < slow) {
          combos.add(new int[] {fast, slow});
          lengths.add(fast);
          lengths.add(slow);
        }
      }
    }
    COMBINATIONS = combos.toArray(new int[0][]);
    LENGTHS = lengths.stream().mapToInt(Integer::intValue).toArray();
  }

  private Sweep() {}
}
