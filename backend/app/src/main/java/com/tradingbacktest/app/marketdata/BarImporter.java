package com.tradingbacktest.app.marketdata;

import com.tradingbacktest.engine.series.BarCsv;
import com.tradingbacktest.engine.series.Interval;
import com.tradingbacktest.engine.series.MonthlyRows;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneId;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.core.io.InputStreamSource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;

/**
 * Loads bars in bulk, all or nothing, in one transaction, rows streaming from the parser into a
 * binary PostgreSQL COPY while the server stores the previous buffer. Memory stays flat whatever
 * the file size; only the first {@link #MAX_LISTED} problems are kept for the report.
 *
 * <p>Two paths (market_data is one table per series, see migration V5):
 *
 * <ul>
 *   <li><b>A new series</b> (the common first import): its table is the staging table. It is
 *       created outside market_data, filled by COPY, indexed once (a sort, instead of a b-tree
 *       insert per row), and attached as the series' partition just before commit.
 *   <li><b>A stored series</b> (re-imports, appends, fetches): COPY into a temporary staging table,
 *       then an update of the bars that changed and an insert of the new ones, in the series'
 *       table.
 * </ul>
 *
 * Duplicate times are found as rows arrive when the file is in time order (either direction), and
 * by SQL in staging otherwise; a new series from a file out of order therefore takes the staging
 * path, reading its source a second time.
 */
@Component
class BarImporter {

  static final int MAX_LISTED = 1000;

  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(BarImporter.class);

  private final DataSource dataSource;
  private final BarBlocks blocks;

  BarImporter(DataSource dataSource, BarBlocks blocks) {
    this.dataSource = dataSource;
    this.blocks = blocks;
  }

  /** What happened to a file. */
  record Outcome(
      int rowsRead,
      int inserted,
      int updated,
      int skipped,
      List<BarCsv.Problem> problems,
      int problemCount,
      boolean stored) {

    /** The same counts with nothing stored (a new symbol's file that had no good row). */
    Outcome notStored() {
      return new Outcome(rowsRead, 0, 0, 0, problems, problemCount, false);
    }
  }

  /**
   * Writes that belong with the bars of one import, on its connection and in its transaction: they
   * commit with the bars or roll back with them.
   */
  interface SeriesWrites {

    SeriesWrites NONE = new SeriesWrites() {};

    /**
     * Before the new rows meet the bars already stored in the series' table {@code table} (the
     * stored-series path only: a new series has no stored bars), under the series' lock.
     *
     * @return how many stored bars it changed (counted as updated)
     */
    default int beforeMerge(Connection c, String table) throws SQLException {
      return 0;
    }

    /** After the rows (and a new symbol) are stored, just before the commit. */
    default void beforeCommit(Connection c) throws SQLException {}
  }

  /**
   * Produces rows (and problems) into a handler: a parsed CSV, or fetched bars. May be fed twice.
   */
  interface RowSource {
    void feed(BarCsv.Handler handler) throws IOException;
  }

  /** Imports a CSV into a stored symbol (below). */
  Outcome importCsv(
      InputStreamSource csv, String symbol, String interval, ZoneId zone, boolean skipBadRows)
      throws IOException {
    return importCsv(csv, symbol, interval, zone, skipBadRows, null);
  }

  /**
   * Imports a CSV (UTF-8; opened again if it must be read twice). With {@code skipBadRows} false,
   * any bad row (including a duplicate time) stores nothing and the outcome says so ({@code stored}
   * false); with it true, exactly the reported rows are skipped.
   *
   * @param newSymbol the symbol to create in the same transaction as its bars, or null when it
   *     exists: an import that stores no bar creates no symbol
   */
  Outcome importCsv(
      InputStreamSource csv,
      String symbol,
      String interval,
      ZoneId zone,
      boolean skipBadRows,
      SymbolInfo newSymbol)
      throws IOException {
    return importCsv(
        csv, symbol, interval, zone, skipBadRows, newSymbol, h -> h, SeriesWrites.NONE);
  }

  /**
   * {@link #importCsv(InputStreamSource, String, String, ZoneId, boolean, SymbolInfo)}, the parsed
   * rows passing through {@code tap} (which sees every row and problem, e.g. to keep the closes)
   * and {@code writes} done in the import's transaction.
   */
  Outcome importCsv(
      InputStreamSource csv,
      String symbol,
      String interval,
      ZoneId zone,
      boolean skipBadRows,
      SymbolInfo newSymbol,
      java.util.function.UnaryOperator<BarCsv.Handler> tap,
      SeriesWrites writes)
      throws IOException {
    return importRows(
        handler -> {
          try (BufferedReader in =
              new BufferedReader(
                  new InputStreamReader(csv.getInputStream(), StandardCharsets.UTF_8), 1 << 16)) {
            // Monthly files may label a month by any of its days: every row becomes the 1st.
            BarCsv.Handler tapped = tap.apply(handler);
            BarCsv.parse(
                in,
                zone,
                interval.equals(Interval.MN1.code()) ? new MonthlyRows(zone, tapped) : tapped);
          }
        },
        symbol,
        interval,
        skipBadRows,
        newSymbol,
        writes);
  }

  /** Imports rows from any source with the same all-or-nothing rules, into a stored symbol. */
  Outcome importRows(RowSource source, String symbol, String interval, boolean skipBadRows)
      throws IOException {
    return importRows(source, symbol, interval, skipBadRows, null, SeriesWrites.NONE);
  }

  /** {@link #importRows(RowSource, String, String, boolean)} with writes in its transaction. */
  Outcome importRows(
      RowSource source, String symbol, String interval, boolean skipBadRows, SeriesWrites writes)
      throws IOException {
    return importRows(source, symbol, interval, skipBadRows, null, writes);
  }

  private Outcome importRows(
      RowSource source,
      String symbol,
      String interval,
      boolean skipBadRows,
      SymbolInfo newSymbol,
      SeriesWrites writes)
      throws IOException {
    try (Connection c = dataSource.getConnection()) {
      boolean autoCommit = c.getAutoCommit();
      try {
        String symbolTable =
            call(c, "select market_data_add_symbol(?)", symbol); // commits at once: empty
        c.setAutoCommit(false);
        Outcome outcome = null;
        if (lockSeries(c, symbol, interval)) {
          outcome = loadNewSeries(c, source, symbolTable, symbol, interval, skipBadRows);
          if (outcome == null) { // out of time order: start again through staging
            c.rollback();
            lockSeries(c, symbol, interval);
          }
        }
        if (outcome == null) {
          String table = call(c, "select market_data_add_series(?, ?)", symbol, interval);
          outcome = merge(c, source, table, symbol, interval, skipBadRows, writes);
        }
        if (newSymbol != null && outcome.stored()) {
          if (outcome.inserted() == 0) {
            outcome = outcome.notStored();
          } else {
            SymbolRepository.insert(c, newSymbol);
          }
        }
        if (outcome.stored()) {
          writes.beforeCommit(c);
        }
        boolean changed = outcome.stored() && outcome.inserted() + outcome.updated() > 0;
        if (changed) {
          BarBlocks.invalidate(c, symbol, interval);
        }
        if (outcome.stored()) {
          c.commit();
        } else {
          c.rollback();
        }
        if (changed) {
          blocks.rebuildLater(symbol, interval);
        }
        return outcome;
      } catch (IOException | RuntimeException | SQLException e) {
        if (!c.getAutoCommit()) {
          c.rollback();
        }
        throw e;
      } finally {
        c.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      throw new DataAccessResourceFailureException("Could not import bars of " + symbol, e);
    }
  }

  /**
   * Takes the series' lock (the key market_data_add_series uses) for the transaction and tells
   * whether the series is new. The import's commit is synchronous like every other: the user is
   * told how many bars were stored, so they must survive a crash (one WAL flush per import costs
   * nothing next to the COPY).
   */
  private static boolean lockSeries(Connection c, String symbol, String interval)
      throws SQLException {
    call(
        c,
        "select pg_advisory_xact_lock(hashtext('market_data:' || ? || ':' || ?))::text",
        symbol,
        interval);
    // A statement of its own, so that it sees a series another import created while this one
    // waited.
    return !Boolean.parseBoolean(
        call(
            c,
            "select market_data_has_table(market_data_series_table(?, ?))::text",
            symbol,
            interval));
  }

  /**
   * The new-series path. Returns null, having stored nothing, when the rows are not in time order
   * (their duplicates need the staging path's search).
   */
  private Outcome loadNewSeries(
      Connection c,
      RowSource source,
      String symbolTable,
      String symbol,
      String interval,
      boolean skipBadRows)
      throws SQLException, IOException {
    long started = System.nanoTime();
    String table = call(c, "select market_data_series_table(?, ?)", symbol, interval);
    try (Statement s = c.createStatement()) {
      // The check makes attaching instant: PostgreSQL sees that every row belongs to the partition.
      s.execute(
          "create table "
              + identifier(table)
              + " (like market_data including defaults including constraints,"
              + " constraint "
              + identifier(table + "_series")
              + " check (symbol = "
              + literal(symbol)
              + " and interval = "
              + literal(interval)
              + "))");
    }
    byte[] symbolBytes = symbol.getBytes(StandardCharsets.UTF_8);
    byte[] intervalBytes = interval.getBytes(StandardCharsets.UTF_8);
    ImportChecks checks = new ImportChecks(skipBadRows);
    try (BinaryCopyIn copy =
        new BinaryCopyIn(
            c,
            "copy "
                + identifier(table)
                + " (symbol, interval, \"timestamp\", open, high, low, close, volume) from stdin (format binary)")) {
      source.feed(
          checks.then(
              r -> {
                copy.row(8);
                copy.text(symbolBytes);
                copy.text(intervalBytes);
                copy.bar(r);
              }));
      copy.finish();
    }
    long copied = System.nanoTime();
    if (!checks.ordered()) {
      log.debug("{} {}: rows out of time order; importing through staging", symbol, interval);
      return null;
    }
    Outcome outcome = checks.outcome();
    if (!outcome.stored()) {
      return outcome;
    }
    try (Statement s = c.createStatement()) {
      s.execute(
          "alter table "
              + identifier(table)
              + " add constraint "
              + identifier(table + "_pkey")
              + " primary key (symbol, interval, \"timestamp\")");
      s.execute(
          "alter table "
              + identifier(symbolTable)
              + " attach partition "
              + identifier(table)
              + " for values in ("
              + literal(interval)
              + ")");
    }
    log.debug(
        "{} rows of {} {} (a new series): parse and COPY {} ms, index and attach {} ms",
        outcome.rowsRead(),
        symbol,
        interval,
        (copied - started) / 1_000_000,
        (System.nanoTime() - copied) / 1_000_000);
    return new Outcome(
        outcome.rowsRead(),
        checks.sent(),
        0,
        outcome.skipped(),
        outcome.problems(),
        outcome.problemCount(),
        true);
  }

  /** The stored-series path: staging, duplicate search if out of order, then update and insert. */
  private Outcome merge(
      Connection c,
      RowSource source,
      String table,
      String symbol,
      String interval,
      boolean skipBadRows,
      SeriesWrites writes)
      throws SQLException, IOException {
    long started = System.nanoTime();
    try (Statement s = c.createStatement()) {
      s.execute(
          "create temp table import_staging (line integer not null, ts timestamptz not null,"
              + " open float8 not null, high float8 not null, low float8 not null, close float8 not null,"
              + " volume float8 not null) on commit drop");
    }
    ImportChecks checks = new ImportChecks(skipBadRows);
    try (BinaryCopyIn copy =
        new BinaryCopyIn(
            c,
            "copy import_staging (line, ts, open, high, low, close, volume) from stdin (format binary)")) {
      source.feed(
          checks.then(
              r -> {
                copy.row(7);
                copy.int4(r.line());
                copy.bar(r);
              }));
      copy.finish();
    }
    long copied = System.nanoTime();
    if (!checks.ordered()) {
      // Every occurrence of a time after the first is a bad row.
      try (Statement s = c.createStatement();
          ResultSet rs =
              s.executeQuery(
                  """
          select line, first_line from (
            select line, min(line) over (partition by ts) first_line,
                   row_number() over (partition by ts order by line) n
            from import_staging) d
          where n > 1 order by line""")) {
        while (rs.next()) {
          checks.problem(
              new BarCsv.Problem(
                  rs.getInt(1), "duplicate time (also on line " + rs.getInt(2) + ")"));
        }
      }
    }
    Outcome outcome = checks.outcome();
    if (!outcome.stored()) {
      return outcome;
    }
    if (!checks.ordered()) {
      try (Statement s = c.createStatement()) {
        s.execute(
            "delete from import_staging d using import_staging k where d.ts = k.ts and d.line > k.line");
      }
    }
    int rewritten = writes.beforeMerge(c, table);
    long checked = System.nanoTime();
    // Two statements rather than INSERT ... ON CONFLICT DO UPDATE: that locks every conflicting
    // row, even one it leaves unchanged, and a million lock marks slow every later read of the
    // series by a third. The series' lock keeps other imports out in between. Statistics first, so
    // that a small append looks rows up through the index instead of scanning the series.
    int updated;
    int inserted;
    try (Statement s = c.createStatement()) {
      s.execute("analyze import_staging");
      String t = identifier(table);
      updated =
          s.executeUpdate(
              "update "
                  + t
                  + " m set open = s.open, high = s.high, low = s.low, close = s.close,"
                  + " volume = s.volume from import_staging s where m.\"timestamp\" = s.ts"
                  + " and (m.open, m.high, m.low, m.close, m.volume) is distinct from (s.open, s.high, s.low, s.close, s.volume)");
      inserted =
          s.executeUpdate(
              "insert into "
                  + t
                  + " (symbol, interval, \"timestamp\", open, high, low, close, volume)"
                  + " select "
                  + literal(symbol)
                  + ", "
                  + literal(interval)
                  + ", ts, open, high, low, close, volume"
                  + " from import_staging s where not exists (select 1 from "
                  + t
                  + " m where m.\"timestamp\" = s.ts) order by ts");
    }
    log.debug(
        "{} rows of {} {}: parse and COPY {} ms, duplicate check {} ms, update and insert {} ms",
        outcome.rowsRead(),
        symbol,
        interval,
        (copied - started) / 1_000_000,
        (checked - copied) / 1_000_000,
        (System.nanoTime() - checked) / 1_000_000);
    return new Outcome(
        outcome.rowsRead(),
        inserted,
        updated + rewritten,
        outcome.skipped(),
        outcome.problems(),
        outcome.problemCount(),
        true);
  }

  private static String call(Connection c, String sql, String... args) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setString(i + 1, args[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getString(1);
      }
    }
  }

  private static String identifier(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }

  private static String literal(String value) {
    return "'" + value.replace("'", "''") + "'";
  }
}
