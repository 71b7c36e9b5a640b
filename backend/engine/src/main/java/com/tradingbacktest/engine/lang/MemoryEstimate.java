package com.tradingbacktest.engine.lang;

import java.util.List;

/**
 * How many bytes per bar a plan holds while it evaluates, from its nodes alone, so that a strategy
 * too big for the bars is refused before the first column is allocated. Every live column counts:
 * each output of a multi-output function (bbands has three), every intermediate series (one byte
 * per bar for bools, eight for numbers), plus the largest transient work array of one call and a
 * fixed share for what the run keeps around the evaluation.
 */
final class MemoryEstimate {

  /**
   * What a run holds per bar besides the strategy's columns: the bars (a time and five prices, 48
   * bytes), the simulation's equity, position and in-market columns (17), the metrics'
   * buy-and-hold, drawdown and return columns (24), and the stored series while it is encoded
   * (about 32); rounded up.
   */
  static final long RUN_BYTES_PER_BAR = 128;

  /**
   * What a portfolio run holds per bar of each symbol besides the strategy's columns: the bars (a
   * time and five prices, 48 bytes) and the portfolio engine's per-symbol columns such as the
   * position and the mark (16). The portfolio's own columns (equity, metrics, stored series) are
   * counted once, as {@link #RUN_BYTES_PER_BAR} over the longest series.
   */
  static final long UNIVERSE_RUN_BYTES_PER_SYMBOL_BAR = 64;

  /**
   * What each plot adds per bar beyond the series it draws: its own copy of the values (8) and the
   * stored run's encoding of them (8).
   */
  static final long PLOT_BYTES_PER_BAR = 16;

  /**
   * What each coarser interval a {@code security(...)} reads adds per bar of the run, at most: its
   * resampled bars (a time and five prices, 48 bytes), the bars' closes and ends for the alignment
   * (16) and the alignment itself (4); the coarser columns are counted like the run's own.
   */
  static final long FRAME_BYTES_PER_BAR = 72;

  private MemoryEstimate() {}

  /** Bytes per bar of the needed series nodes, plus the worst call's transient work arrays. */
  static long bytesPerBar(List<Node> nodes, boolean[] needed) {
    long live = 0;
    long transientMax = 0;
    boolean crossSectional = false;
    java.util.Set<com.tradingbacktest.engine.series.Interval> frames = new java.util.HashSet<>();
    for (Node n : nodes) {
      if (!needed[n.id] || !n.series) {
        continue;
      }
      if (n.frame != null) {
        frames.add(n.frame);
      }
      crossSectional |= n.op == Node.Op.CROSS;
      long own = ownBytes(n);
      live += own;
      // A call may allocate as much again as it returns (TA-Lib's outputs before NaN padding,
      // broadcast constants); freed when it returns, so only the largest counts.
      transientMax = Math.max(transientMax, n.op == Node.Op.CALL ? own : 0);
    }
    return live
        + transientMax
        + FRAME_BYTES_PER_BAR * frames.size()
        + RUN_BYTES_PER_BAR
        + (crossSectional ? CrossSection.INDEX_BYTES_PER_BAR : 0);
  }

  /**
   * Bytes per bar of every symbol of a universe that its evaluation holds until the end: the series
   * later stages read ({@code kept}; a kept constant costs nothing per bar, except as an output,
   * which the caller adds), every cross-sectional column (computed for all symbols at once), the
   * union index when there are any, and what the run holds per symbol-bar besides. The one symbol
   * being computed needs {@link #bytesPerBar} on top, for its own bars (which includes the
   * portfolio's own share, {@link #RUN_BYTES_PER_BAR}).
   */
  static long universeBytesPerBar(List<Node> nodes, boolean[] needed, boolean[] kept) {
    long bytes = UNIVERSE_RUN_BYTES_PER_SYMBOL_BAR;
    boolean crossSectional = false;
    for (Node n : nodes) {
      if (!needed[n.id]) {
        continue;
      }
      crossSectional |= n.op == Node.Op.CROSS;
      if (n.series && (kept[n.id] || n.op == Node.Op.CROSS)) {
        bytes += ownBytes(n);
      }
    }
    return bytes + (crossSectional ? CrossSection.INDEX_BYTES_PER_BAR : 0);
  }

  /** Bytes per bar of the column(s) this node allocates. */
  static long ownBytes(Node n) {
    return switch (n.op) {
      case FIELD -> 0; // the field of a multi-output call's map, counted with the call
      case PRICE ->
          switch (n.name) {
            case "open", "high", "low", "close", "volume" -> 0; // the bars' own columns
            default -> 8;
          };
      case CALL ->
          n.builtin.spec().result().equals("fields")
              ? 8L * n.builtin.spec().fields().size()
              : width(n);
      default -> width(n);
    };
  }

  private static long width(Node n) {
    return n.type == Node.Type.BOOL ? 1 : 8;
  }
}
