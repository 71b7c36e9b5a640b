package com.tradingbacktest.app.marketdata;

import com.tradingbacktest.engine.prices.AdjustedCloseActions;
import com.tradingbacktest.engine.prices.CorporateAction;
import com.tradingbacktest.engine.prices.CorporateActions;
import com.tradingbacktest.engine.prices.PriceBasis;
import com.tradingbacktest.engine.prices.SplitDetector;
import com.tradingbacktest.engine.prices.SuspectedSplit;
import com.tradingbacktest.engine.series.BarCsv;
import com.tradingbacktest.engine.series.BarSeries;
import com.tradingbacktest.engine.series.Interval;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * What a bar CSV import of daily (or coarser) bars checks and stores besides the bars, in their
 * transaction: the actions its {@code Adj Close} column implies (source {@code adj_close}), its
 * {@code halted} column as halts, the likely splits nobody explains (reported, or refusing the
 * import when asked), and the basis the bars are in. Intraday files only record the basis: a split
 * shows in the daily series, and keeping a minute file's bars would cost memory the import
 * otherwise never holds.
 *
 * <p>It sees the parsed rows as they stream past ({@link #apply}, again from the start when the
 * file is read a second time), keeping time, prices and line of at most {@link CsvExtras#MAX_LINES}
 * rows.
 */
final class CsvSeriesChecks implements UnaryOperator<BarCsv.Handler>, BarImporter.SeriesWrites {

  private final SymbolInfo symbol;
  private final Interval interval;
  private final PriceBasis basis;
  private final boolean rejectOnSuspectedSplit;
  private CsvExtras extras = CsvExtras.NONE;
  private final CorporateActions known;
  private final UUID userId;
  private final boolean daily;

  private int n;
  private boolean overflow;
  private long[] times = new long[256];
  private double[][] prices = new double[5][256];
  private int[] lines = new int[256];
  private List<SuspectedSplit> suspects = List.of();

  CsvSeriesChecks(
      SymbolInfo symbol,
      Interval interval,
      PriceBasis basis,
      boolean rejectOnSuspectedSplit,
      CorporateActions known,
      UUID userId) {
    this.symbol = symbol;
    this.interval = interval;
    this.basis = basis;
    this.rejectOnSuspectedSplit = rejectOnSuspectedSplit;
    this.known = known;
    this.userId = userId;
    this.daily = interval == Interval.D1 || interval == Interval.W1 || interval == Interval.MN1;
  }

  /** Reads the file's Adj Close and halted columns (a file known to be text), daily files only. */
  void readExtras(org.springframework.core.io.InputStreamSource file) throws IOException {
    extras = daily ? CsvExtras.read(file) : CsvExtras.NONE;
  }

  /** The likely splits found (after the import stored its bars). */
  List<SuspectedSplit> suspects() {
    return suspects;
  }

  @Override
  public BarCsv.Handler apply(BarCsv.Handler next) {
    n = 0;
    overflow = false;
    return new BarCsv.Handler() {
      @Override
      public void row(BarCsv.Row row) throws IOException {
        keep(row);
        next.row(row);
      }

      @Override
      public void problem(BarCsv.Problem problem) {
        next.problem(problem);
      }
    };
  }

  private void keep(BarCsv.Row row) {
    if (!daily || overflow) {
      return;
    }
    if (n == CsvExtras.MAX_LINES) {
      overflow = true;
      return;
    }
    if (n == times.length) {
      int size = n * 2;
      times = Arrays.copyOf(times, size);
      lines = Arrays.copyOf(lines, size);
      for (int k = 0; k < 5; k++) {
        prices[k] = Arrays.copyOf(prices[k], size);
      }
    }
    times[n] = row.time();
    lines[n] = row.line();
    prices[0][n] = row.open();
    prices[1][n] = row.high();
    prices[2][n] = row.low();
    prices[3][n] = row.close();
    prices[4][n] = row.volume();
    n++;
  }

  @Override
  public void beforeCommit(Connection c) throws SQLException {
    if (daily && !overflow && n > 0) {
      checkBars(c);
    }
    CorporateActionsRepository.recordBasis(
        c,
        symbol.seriesKey(),
        interval.code(),
        basis,
        basis == PriceBasis.SPLIT_ADJUSTED ? Instant.now() : null);
  }

  private void checkBars(Connection c) throws SQLException {
    // In time order, the first row of a time kept (the import keeps the first of duplicates).
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> times[a] != times[b] ? Long.compare(times[a], times[b]) : a - b);
    int m = 0;
    long[] t = new long[n];
    double[][] p = new double[5][n];
    double[] adj = new double[n];
    boolean[] halted = new boolean[n];
    for (int k = 0; k < n; k++) {
      int i = order[k];
      if (m > 0 && t[m - 1] == times[i]) {
        continue;
      }
      t[m] = times[i];
      for (int col = 0; col < 5; col++) {
        p[col][m] = prices[col][i];
      }
      adj[m] = extras.adjClose(lines[i]);
      halted[m] = extras.halted(lines[i]);
      m++;
    }
    BarSeries bars =
        BarSeries.of(
            symbol.symbol(),
            interval,
            symbol.calendar(),
            symbol.zone(),
            Arrays.copyOf(t, m),
            Arrays.copyOf(p[0], m),
            Arrays.copyOf(p[1], m),
            Arrays.copyOf(p[2], m),
            Arrays.copyOf(p[3], m),
            Arrays.copyOf(p[4], m));
    List<CorporateAction> derived = new ArrayList<>();
    if (extras.hasAdjClose() && Arrays.stream(adj, 0, m).noneMatch(Double::isNaN)) {
      derived.addAll(AdjustedCloseActions.derive(bars, Arrays.copyOf(adj, m)).actions());
    }
    List<CorporateAction> halts = extras.hasHalted() ? halts(bars, halted) : List.of();
    List<CorporateAction> all = new ArrayList<>(known.actions());
    all.addAll(derived);
    suspects = SplitDetector.suspects(bars, new CorporateActions(all));
    if (rejectOnSuspectedSplit && !suspects.isEmpty()) {
      throw new SuspectedSplitsRejected(suspects);
    }
    CorporateActionsRepository.upsert(
        c, symbol.seriesKey(), derived, CorporateActionsRepository.Source.ADJ_CLOSE, userId);
    CorporateActionsRepository.upsert(
        c, symbol.seriesKey(), halts, CorporateActionsRepository.Source.HALTED_COLUMN, userId);
  }

  /** Runs of halted bars as halts from the first bar's day to the last's. */
  private static List<CorporateAction> halts(BarSeries bars, boolean[] halted) {
    List<CorporateAction> halts = new ArrayList<>();
    int start = -1;
    for (int i = 0; i <= bars.size(); i++) {
      boolean h = i < bars.size() && halted[i];
      if (h && start < 0) {
        start = i;
      } else if (!h && start >= 0) {
        halts.add(new CorporateAction.Halt(day(bars, start), day(bars, i - 1)));
        start = -1;
      }
    }
    return halts;
  }

  private static LocalDate day(BarSeries bars, int i) {
    return Instant.ofEpochMilli(bars.times()[i]).atZone(bars.zone()).toLocalDate();
  }
}
