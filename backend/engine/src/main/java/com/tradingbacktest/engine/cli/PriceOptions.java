package com.tradingbacktest.engine.cli;

import com.tradingbacktest.engine.prices.ActionsCsv;
import com.tradingbacktest.engine.prices.AdjustedCloseActions;
import com.tradingbacktest.engine.prices.CorporateActions;
import com.tradingbacktest.engine.prices.PriceAdjuster;
import com.tradingbacktest.engine.prices.PriceBasis;
import com.tradingbacktest.engine.prices.SplitDetector;
import com.tradingbacktest.engine.prices.SuspectedSplit;
import com.tradingbacktest.engine.series.BarEvents;
import com.tradingbacktest.engine.series.BarSeries;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The command line's price options ({@code --actions}, {@code --price-basis}, {@code --adjust},
 * {@code --dividends}) and what they do to a file's bars: the actions from the file given, else
 * from the CSV's {@code Adj Close} column; likely splits nobody listed warned about; the bars
 * adjusted ({@link PriceAdjuster}) with the CSV's {@code halted} flags added.
 */
final class PriceOptions {

  static final String USAGE =
      """
      --actions     a CSV of corporate actions (date,type,value,end_date: split 2:1, dividend 361,
                    halt to end_date; docs/DATA.md); without it a CSV's Adj Close column gives them
      --price-basis what the --data prices are in: raw (as traded, the default) or split_adjusted
      --adjust      the prices the run sees: split_adjusted (the default), raw or total_return
      --dividends   cash (the default: paid into the account on the ex-date) or none; total_return
                    prices hold the dividends already, so with it only none""";

  /** Bigger actions files are not a share's history. */
  private static final long MAX_ACTIONS_BYTES = 16L << 20;

  Path actions;
  PriceBasis storedBasis = PriceBasis.RAW;
  PriceBasis adjust = PriceBasis.SPLIT_ADJUSTED;

  /** --dividends; null when not given (cash, none with total_return). */
  Boolean dividendsAsCash;

  /** Where warnings go (likely splits, actions derived from Adj Close); stderr in a run. */
  PrintStream warnings = System.err;

  /** What the last series read used, for the JSON report. */
  private Map<String, Object> used;

  /** Takes the value of one of the options above. */
  void set(String option, String value) {
    try {
      switch (option) {
        case "--actions" -> actions = Path.of(value);
        case "--price-basis" -> {
          storedBasis = PriceBasis.parse(value);
          if (storedBasis == PriceBasis.TOTAL_RETURN) {
            throw new IllegalArgumentException(
                "data is stored raw or split_adjusted; total-return prices cannot be taken back");
          }
        }
        case "--adjust" -> adjust = PriceBasis.parse(value);
        case "--dividends" ->
            dividendsAsCash =
                switch (value) {
                  case "cash" -> true;
                  case "none" -> false;
                  default ->
                      throw new IllegalArgumentException("cash or none, got '" + value + "'");
                };
        default -> throw new IllegalStateException(option);
      }
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(option + ": " + e.getMessage(), e);
    }
  }

  /** Checks the options together, once all are read. */
  void check(int dataFiles) {
    if (adjust == PriceBasis.TOTAL_RETURN && Boolean.TRUE.equals(dividendsAsCash)) {
      throw new IllegalArgumentException(
          "--dividends cash with --adjust total_return would count every dividend twice (the"
              + " prices hold them): use --dividends none");
    }
    if (actions != null && dataFiles > 1) {
      throw new IllegalArgumentException(
          "--actions lists one symbol's actions: use it with one --data");
    }
    if (actions != null && !Files.isRegularFile(actions)) {
      throw new IllegalArgumentException("no such file: " + actions);
    }
  }

  boolean dividendsAsCash() {
    return adjust != PriceBasis.TOTAL_RETURN && !Boolean.FALSE.equals(dividendsAsCash);
  }

  /**
   * {@code bars} (read from {@code file}, in {@code --price-basis}) in the {@code --adjust} basis.
   */
  BarSeries apply(BarSeries bars, BarCsvReader.Columns columns, Path file) throws IOException {
    CorporateActions known = CorporateActions.NONE;
    String source = "none";
    if (actions != null) {
      known = readActions();
      source = actions.getFileName().toString();
    } else if (columns.adjClose() != null) {
      known = AdjustedCloseActions.derive(bars, columns.adjClose());
      source = "adj_close";
      warnings.printf(
          "backtest: %s: no --actions, so the Adj Close column gives %d split(s) and %d"
              + " dividend(s)%n",
          file.getFileName(), known.splits().size(), known.dividends().size());
    }
    List<SuspectedSplit> suspects = SplitDetector.suspects(bars, known);
    for (SuspectedSplit s : suspects) {
      warnings.printf(
          "backtest: warning: %s: the price moves by %.4g on %s (bar %d), like a split of %s that"
              + " no action lists; add it with --actions if it is one%n",
          file.getFileName(), s.priceRatio(), s.date(), s.barIndex(), ratio(s.ratio()));
    }
    BarSeries adjusted = PriceAdjuster.adjust(bars, storedBasis, known, adjust, dividendsAsCash());
    if (columns.halted() != null) {
      adjusted = withHalted(adjusted, columns.halted());
    }
    used = new LinkedHashMap<>();
    used.put("price_basis", storedBasis.code());
    used.put("adjustment", adjust.code());
    used.put("dividends", dividendsAsCash() ? "cash" : "none");
    used.put("actions", source);
    used.put("splits", known.splits().size());
    used.put("cash_dividends", known.dividends().size());
    used.put("halts", known.halts().size());
    List<Map<String, Object>> listed = new ArrayList<>();
    for (SuspectedSplit s : suspects) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("date", s.date().toString());
      m.put("ratio", s.ratio());
      listed.add(m);
    }
    used.put("suspected_splits", listed);
    return adjusted;
  }

  /** What the last {@link #apply} used: the JSON report's {@code adjustment}. */
  Map<String, Object> report() {
    return used;
  }

  private CorporateActions readActions() throws IOException {
    if (Files.size(actions) > MAX_ACTIONS_BYTES) {
      throw new IllegalArgumentException(
          "--actions " + actions + " is over " + (MAX_ACTIONS_BYTES >> 20) + " MB");
    }
    try {
      return ActionsCsv.parse(Files.readString(actions));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(actions.getFileName() + ": " + e.getMessage(), e);
    }
  }

  /** The bars with the CSV's halt flags added to any the actions gave. */
  private static BarSeries withHalted(BarSeries bars, boolean[] flags) {
    BarEvents events = bars.events();
    boolean[] halted = flags.clone();
    for (int i = 0; i < halted.length; i++) {
      halted[i] |= events.haltedAt(i);
    }
    return bars.withEvents(new BarEvents(events.hasDividends() ? events.dividend() : null, halted));
  }

  private static String ratio(double ratio) {
    return ratio >= 1 ? Math.round(ratio) + "-for-1" : "1-for-" + Math.round(1 / ratio);
  }
}
