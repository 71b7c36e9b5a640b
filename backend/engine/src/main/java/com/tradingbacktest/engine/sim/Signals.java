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
