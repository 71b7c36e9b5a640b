package com.tradingbacktest.engine.sim;

/**
 * What a strategy asks for, one value per bar, all optional. Boolean columns are evaluated on the
 * closed bar; level columns are working orders during the bar. {@code NaN} means "none".
 *
 * <ul>
 *   <li>{@code longEntry, longExit, shortEntry, shortExit}: market orders decided at bar i's close,
 *       executed per {@link FillMode}.
 *   <li>{@code longEntryStop, longEntryLimit, shortEntryStop, shortEntryLimit}: price levels of
 *       entry orders working <em>during</em> bar i (stop = breakout, limit = pullback, both =
 *       stop-limit). The caller guarantees a level at bar i depends on nothing later than bar i's
 *       open.
 *   <li>{@code stopLoss, takeProfit, trailingStop}: fractions of the entry price (0.05 = 5%), read
 *       at the bar whose signal or order opened the position and kept for its life (a pyramided
 *       position re-arms them from its average price at each added entry).
 *   <li>{@code size}: per-entry size read at the entry's signal bar: a fraction of equity in (0,
 *       1), or whole units when >= 1 (backtesting.py's convention); NaN uses the configured sizing.
 *   <li>{@code exitFraction}: a scale-out decided at bar i's close, executed per {@link FillMode}:
 *       the fraction of the open position to close, in (0, 1] (1 closes it all, above 1 counts as
 *       1); NaN or <= 0 means none. The lots it closes are the oldest first (docs/ENGINE.md,
 *       "Pyramiding and partial exits"), so a run with this column trades in lots.
 * </ul>
 */
public final class Signals {

  final boolean[] longEntry;
  final boolean[] longExit;
  final boolean[] shortEntry;
  final boolean[] shortExit;
  final double[] longEntryStop;
  final double[] longEntryLimit;
  final double[] shortEntryStop;
  final double[] shortEntryLimit;
  final double[] stopLoss;
  final double[] takeProfit;
  final double[] trailingStop;
  final double[] size;
  final double[] exitFraction;
  final BarDecider decider;

  private Signals(Builder b) {
    longEntry = b.longEntry;
    longExit = b.longExit;
    shortEntry = b.shortEntry;
    shortExit = b.shortExit;
    longEntryStop = b.longEntryStop;
    longEntryLimit = b.longEntryLimit;
    shortEntryStop = b.shortEntryStop;
    shortEntryLimit = b.shortEntryLimit;
    stopLoss = b.stopLoss;
    takeProfit = b.takeProfit;
    trailingStop = b.trailingStop;
    size = b.size;
    exitFraction = b.exitFraction;
    decider = b.decider;
  }

  public static Builder builder(int bars) {
    return new Builder(bars);
  }

  // Read access, for tests and for callers that inspect what a strategy produced (null = not set).
  public boolean[] longEntry() {
    return longEntry;
  }

  public boolean[] longExit() {
    return longExit;
  }

  public boolean[] shortEntry() {
    return shortEntry;
  }

  public boolean[] shortExit() {
    return shortExit;
  }

  public double[] longEntryStop() {
    return longEntryStop;
  }

  public double[] longEntryLimit() {
    return longEntryLimit;
  }

  public double[] shortEntryStop() {
    return shortEntryStop;
  }

  public double[] shortEntryLimit() {
    return shortEntryLimit;
  }

  public double[] stopLoss() {
    return stopLoss;
  }

  public double[] takeProfit() {
    return takeProfit;
  }

  public double[] trailingStop() {
    return trailingStop;
  }

  public double[] size() {
    return size;
  }

  public double[] exitFraction() {
    return exitFraction;
  }

  /**
   * The strategy that fills these columns bar by bar as the account evolves, or null when they are
   * complete from the start. When set, the bar loop calls it on every bar before reading the bar's
   * columns ({@link BarDecider}).
   */
  public BarDecider decider() {
    return decider;
  }

  /**
   * Bars {@code [from, to)} of these signals as signals of their own (bar 0 = bar {@code from}), so
   * a run over the same bars' slice trades only there while the columns keep what the bars before
   * taught them (indicators warmed up). The columns are copies.
   *
   * <p>Signals filled bar by bar ({@link #decider()}) get a decider that, when the slice's first
   * bar opens, first walks the bars before {@code from} with a flat account whose equity and cash
   * are {@code idleEquity} (nothing is traded before the slice, so that is the account the strategy
   * would have seen), then steps on, copying each bar's values into the slice's columns.
   *
   * @throws IllegalArgumentException unless {@code 0 <= from < to <= bars} (any {@code to} when no
   *     column is set)
   */
  public Signals slice(int from, int to, double idleEquity) {
    int n = length();
    if (from < 0 || from >= to || (n >= 0 && to > n)) {
      throw new IllegalArgumentException(
          "the slice [" + from + ", " + to + ") is outside the " + n + " bars of the signals");
    }
    Builder b =
        builder(to - from)
            .longEntry(copy(longEntry, from, to))
            .longExit(copy(longExit, from, to))
            .shortEntry(copy(shortEntry, from, to))
            .shortExit(copy(shortExit, from, to))
            .longEntryStop(copy(longEntryStop, from, to))
            .longEntryLimit(copy(longEntryLimit, from, to))
            .shortEntryStop(copy(shortEntryStop, from, to))
            .shortEntryLimit(copy(shortEntryLimit, from, to))
            .stopLoss(copy(stopLoss, from, to))
            .takeProfit(copy(takeProfit, from, to))
            .trailingStop(copy(trailingStop, from, to))
            .size(copy(size, from, to))
            .exitFraction(copy(exitFraction, from, to));
    Signals sliced = b.build();
    if (decider == null) {
      return sliced;
    }
    return b.decider(new SlicedDecider(this, sliced, from, idleEquity)).build();
  }

  /** The bar count of the columns; -1 when none is set. */
  private int length() {
    for (Object column :
        new Object[] {
          longEntry,
          longExit,
          shortEntry,
          shortExit,
          longEntryStop,
          longEntryLimit,
          shortEntryStop,
          shortEntryLimit,
          stopLoss,
          takeProfit,
          trailingStop,
          size,
          exitFraction
        }) {
      if (column != null) {
        return java.lang.reflect.Array.getLength(column);
      }
    }
    return -1;
  }

  private static boolean[] copy(boolean[] column, int from, int to) {
    return column == null ? null : java.util.Arrays.copyOfRange(column, from, to);
  }

  private static double[] copy(double[] column, int from, int to) {
    return column == null ? null : java.util.Arrays.copyOfRange(column, from, to);
  }

  /**
   * Drives the whole signals' decider for a slice: the bars before the slice with an idle account
   * once, then each slice bar at its place in the whole, its values copied into the slice.
   */
  private static final class SlicedDecider implements BarDecider {
    private final Signals whole;
    private final Signals slice;
    private final int offset;
    private final AccountView idle;

    SlicedDecider(Signals whole, Signals slice, int offset, double idleEquity) {
      this.whole = whole;
      this.slice = slice;
      this.offset = offset;
      this.idle = AccountView.of(0, Double.NaN, 0, 0, Double.NaN, idleEquity, idleEquity);
    }

    @Override
    public void open(int bar) {
      if (bar == 0) {
        // A run starts over from its first bar: so does the walk through the bars before it.
        for (int i = 0; i < offset; i++) {
          whole.decider.open(i);
          whole.decider.close(i, idle);
        }
      }
      whole.decider.open(bar + offset);
      copyBar(bar);
    }

    @Override
    public void close(int bar, AccountView account) {
      whole.decider.close(bar + offset, account);
      copyBar(bar);
    }

    private void copyBar(int bar) {
      int i = bar + offset;
      copyAt(whole.longEntry, slice.longEntry, i, bar);
      copyAt(whole.longExit, slice.longExit, i, bar);
      copyAt(whole.shortEntry, slice.shortEntry, i, bar);
      copyAt(whole.shortExit, slice.shortExit, i, bar);
      copyAt(whole.longEntryStop, slice.longEntryStop, i, bar);
      copyAt(whole.longEntryLimit, slice.longEntryLimit, i, bar);
      copyAt(whole.shortEntryStop, slice.shortEntryStop, i, bar);
      copyAt(whole.shortEntryLimit, slice.shortEntryLimit, i, bar);
      copyAt(whole.stopLoss, slice.stopLoss, i, bar);
      copyAt(whole.takeProfit, slice.takeProfit, i, bar);
      copyAt(whole.trailingStop, slice.trailingStop, i, bar);
      copyAt(whole.size, slice.size, i, bar);
      copyAt(whole.exitFraction, slice.exitFraction, i, bar);
    }

    private static void copyAt(boolean[] from, boolean[] to, int i, int bar) {
      if (from != null) {
        to[bar] = from[i];
      }
    }

    private static void copyAt(double[] from, double[] to, int i, int bar) {
      if (from != null) {
        to[bar] = from[i];
      }
    }
  }

  /** True when some column can open a position. */
  public boolean hasEntries() {
    return longEntry != null
        || shortEntry != null
        || longEntryStop != null
        || longEntryLimit != null
        || shortEntryStop != null
        || shortEntryLimit != null;
  }

  /** Collects the columns and checks their lengths against the bar count. */
  public static final class Builder {
    private final int bars;
    private boolean[] longEntry;
    private boolean[] longExit;
    private boolean[] shortEntry;
    private boolean[] shortExit;
    private double[] longEntryStop;
    private double[] longEntryLimit;
    private double[] shortEntryStop;
    private double[] shortEntryLimit;
    private double[] stopLoss;
    private double[] takeProfit;
    private double[] trailingStop;
    private double[] size;
    private double[] exitFraction;
    private BarDecider decider;

    private Builder(int bars) {
      this.bars = bars;
    }

    public Builder longEntry(boolean[] v) {
      longEntry = check(v, "long_entry");
      return this;
    }

    public Builder longExit(boolean[] v) {
      longExit = check(v, "long_exit");
      return this;
    }

    public Builder shortEntry(boolean[] v) {
      shortEntry = check(v, "short_entry");
      return this;
    }

    public Builder shortExit(boolean[] v) {
      shortExit = check(v, "short_exit");
      return this;
    }

    public Builder longEntryStop(double[] v) {
      longEntryStop = check(v, "long_entry_stop");
      return this;
    }

    public Builder longEntryLimit(double[] v) {
      longEntryLimit = check(v, "long_entry_limit");
      return this;
    }

    public Builder shortEntryStop(double[] v) {
      shortEntryStop = check(v, "short_entry_stop");
      return this;
    }

    public Builder shortEntryLimit(double[] v) {
      shortEntryLimit = check(v, "short_entry_limit");
      return this;
    }

    public Builder stopLoss(double[] v) {
      stopLoss = check(v, "stop_loss");
      return this;
    }

    /** The same stop-loss fraction on every bar. */
    public Builder stopLoss(double fraction) {
      return stopLoss(filled(fraction));
    }

    public Builder takeProfit(double[] v) {
      takeProfit = check(v, "take_profit");
      return this;
    }

    public Builder takeProfit(double fraction) {
      return takeProfit(filled(fraction));
    }

    public Builder trailingStop(double[] v) {
      trailingStop = check(v, "trailing_stop");
      return this;
    }

    public Builder trailingStop(double fraction) {
      return trailingStop(filled(fraction));
    }

    public Builder size(double[] v) {
      size = check(v, "size");
      return this;
    }

    public Builder exitFraction(double[] v) {
      exitFraction = check(v, "exit_fraction");
      return this;
    }

    /**
     * Columns filled bar by bar: {@code decider} writes each bar's values into the columns given to
     * this builder before the bar loop reads them.
     */
    public Builder decider(BarDecider decider) {
      this.decider = decider;
      return this;
    }

    public Signals build() {
      return new Signals(this);
    }

    private double[] filled(double value) {
      double[] column = new double[bars];
      java.util.Arrays.fill(column, value);
      return column;
    }

    private <T> T check(T column, String name) {
      if (column != null && java.lang.reflect.Array.getLength(column) != bars) {
        throw new IllegalArgumentException(
            name
                + " has "
                + java.lang.reflect.Array.getLength(column)
                + " values for "
                + bars
                + " bars");
      }
      return column;
    }
  }
}
