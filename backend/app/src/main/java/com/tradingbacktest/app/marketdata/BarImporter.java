package com.tradingbacktest.app.marketdata;

import com.tradingbacktest.engine.series.BarCsv;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;

/**
 * Loads bars in bulk, all or nothing, in one transaction: rows stream from the parser straight into
 * PostgreSQL COPY (into a temporary staging table), duplicates are found by SQL, and one
 * {@code INSERT ... ON CONFLICT DO UPDATE} moves them into market_data. Memory stays flat whatever the
 * file size; only the first {@link #MAX_LISTED} problems are kept for the report.
 */
@Component
class BarImporter {

  static final int MAX_LISTED = 1000;
  private static final int BUFFER = 1 << 16;

  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(BarImporter.class);

  private final DataSource dataSource;

  BarImporter(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** What happened to a file. */
  record Outcome(int rowsRead, int inserted, int updated, int skipped, List<BarCsv.Problem> problems,
      int problemCount, boolean stored) {}

  /** Produces rows (and problems) into a handler: a parsed CSV, or fetched bars. */
  interface RowSource {
    void feed(BarCsv.Handler handler) throws IOException;
  }

  /**
   * Imports a CSV. With {@code skipBadRows} false, any bad row (including a duplicate time) stores nothing
   * and the outcome says so ({@code stored} false); with it true, exactly the reported rows are skipped.
   */
  Outcome importCsv(BufferedReader csv, String symbol, String interval, ZoneId zone, boolean skipBadRows)
      throws IOException {
    return importRows(handler -> BarCsv.parse(csv, zone, handler), symbol, interval, skipBadRows);
  }

  /** Imports rows from any source with the same all-or-nothing rules. */
  Outcome importRows(RowSource source, String symbol, String interval, boolean skipBadRows) throws IOException {
    try (Connection c = dataSource.getConnection()) {
      boolean autoCommit = c.getAutoCommit();
      c.setAutoCommit(false);
      try {
        Outcome outcome = run(c, source, symbol, interval, skipBadRows);
        if (outcome.stored()) {
          c.commit();
        } else {
          c.rollback();
        }
        return outcome;
      } catch (IOException | RuntimeException | SQLException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      throw new DataAccessResourceFailureException("Could not import bars of " + symbol, e);
    }
  }

  private Outcome run(Connection c, RowSource source, String symbol, String interval, boolean skipBadRows)
      throws SQLException, IOException {
    try (Statement s = c.createStatement()) {
      // The import's own commit may return before the WAL is flushed: a crash loses the import, never
      // consistency, and the user simply imports again.
      s.execute("set local synchronous_commit = off");
      s.execute("create temp table import_staging (line integer not null, ts bigint not null, open numeric not null,"
          + " high numeric not null, low numeric not null, close numeric not null, volume numeric not null)"
          + " on commit drop");
    }
    long started = System.nanoTime();
    List<BarCsv.Problem> problems = new ArrayList<>();
    int[] counts = new int[2]; // rows read, problems
    // Strictly ascending (or descending) times cannot repeat: then the duplicate search is skipped.
    long[] order = {Long.MIN_VALUE, 0, 0, 0}; // previous time, rising, falling and equal steps
    CopyIn copy = c.unwrap(PGConnection.class).getCopyAPI()
        .copyIn("copy import_staging (line, ts, open, high, low, close, volume) from stdin");
    byte[] buffer = new byte[BUFFER];
    int[] filled = {0};
    StringBuilder row = new StringBuilder(128);
    try {
      source.feed(new BarCsv.Handler() {
        @Override
        public void row(BarCsv.Row r) throws IOException {
          counts[0]++;
          if (order[0] != Long.MIN_VALUE) {
            order[r.time() > order[0] ? 1 : r.time() < order[0] ? 2 : 3]++;
          }
          order[0] = r.time();
          row.setLength(0);
          row.append(r.line()).append('\t').append(r.time()).append('\t').append(r.open()).append('\t')
              .append(r.high()).append('\t').append(r.low()).append('\t').append(r.close()).append('\t')
              .append(r.volume()).append('\n');
          byte[] bytes = row.toString().getBytes(StandardCharsets.UTF_8);
          if (filled[0] + bytes.length > buffer.length) {
            write(copy, buffer, filled[0]);
            filled[0] = 0;
          }
          System.arraycopy(bytes, 0, buffer, filled[0], bytes.length);
          filled[0] += bytes.length;
        }

        @Override
        public void problem(BarCsv.Problem p) {
          counts[0]++;
          counts[1]++;
          if (problems.size() < MAX_LISTED) {
            problems.add(p);
          }
        }
      });
      write(copy, buffer, filled[0]);
      copy.endCopy();
    } finally {
      if (copy.isActive()) {
        copy.cancelCopy();
      }
    }
    long copied = System.nanoTime();
    // Duplicate times: every occurrence after the first is a bad row.
    int duplicates = 0;
    boolean monotonic = order[3] == 0 && (order[1] == 0 || order[2] == 0);
    try (Statement s = c.createStatement(); ResultSet rs = monotonic ? null : s.executeQuery("""
        select line, first_line from (
          select line, min(line) over (partition by ts) first_line,
                 row_number() over (partition by ts order by line) n
          from import_staging) d
        where n > 1 order by line""")) {
      while (rs != null && rs.next()) {
        duplicates++;
        if (problems.size() < MAX_LISTED) {
          problems.add(new BarCsv.Problem(rs.getInt(1), "duplicate time (also on line " + rs.getInt(2) + ")"));
        }
      }
    }
    int problemCount = counts[1] + duplicates;
    problems.sort(java.util.Comparator.comparingInt(BarCsv.Problem::line));
    List<BarCsv.Problem> listed = problems.size() > MAX_LISTED ? problems.subList(0, MAX_LISTED) : problems;
    if (problemCount > 0 && !skipBadRows) {
      return new Outcome(counts[0], 0, 0, 0, List.copyOf(listed), problemCount, false);
    }
    if (duplicates > 0) {
      try (Statement s = c.createStatement()) {
        s.execute("delete from import_staging d using import_staging k where d.ts = k.ts and d.line > k.line");
      }
    }
    long checked = System.nanoTime();
    int inserted = 0;
    int updated = 0;
    if (!overlapsStoredBars(c, symbol, interval)) {
      // The common first import: nothing to update, so a plain insert without conflict handling.
      try (PreparedStatement ps = c.prepareStatement("""
          insert into market_data (symbol, interval, "timestamp", open, high, low, close, volume)
          select ?, ?, to_timestamp(ts::float8 / 1000), open, high, low, close, volume from import_staging
          order by ts""")) {
        ps.setString(1, symbol);
        ps.setString(2, interval);
        inserted = ps.executeUpdate();
      }
    } else {
      try (PreparedStatement ps = c.prepareStatement("""
          with upserted as (
            insert into market_data (symbol, interval, "timestamp", open, high, low, close, volume)
            select ?, ?, to_timestamp(ts::float8 / 1000), open, high, low, close, volume from import_staging
            order by ts
            on conflict (symbol, interval, "timestamp") do update
              set open = excluded.open, high = excluded.high, low = excluded.low, close = excluded.close,
                  volume = excluded.volume
              where (market_data.open, market_data.high, market_data.low, market_data.close, market_data.volume)
                    is distinct from (excluded.open, excluded.high, excluded.low, excluded.close, excluded.volume)
            returning (xmax = 0) as inserted)
          select count(*) filter (where inserted), count(*) filter (where not inserted) from upserted""")) {
        ps.setString(1, symbol);
        ps.setString(2, interval);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          inserted = rs.getInt(1);
          updated = rs.getInt(2);
        }
      }
    }
    log.debug("{} rows of {} {}: parse and COPY {} ms, duplicate check {} ms, upsert {} ms", counts[0], symbol,
        interval, (copied - started) / 1_000_000, (checked - copied) / 1_000_000, (System.nanoTime() - checked) / 1_000_000);
    return new Outcome(counts[0], inserted, updated, problemCount, List.copyOf(listed), problemCount, true);
  }

  /** Whether any stored bar of this symbol and interval falls within the staged rows' time span. */
  private static boolean overlapsStoredBars(Connection c, String symbol, String interval) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("""
        select exists (select 1 from market_data m, (select min(ts) lo, max(ts) hi from import_staging) s
                       where m.symbol = ? and m.interval = ?
                         and m."timestamp" between to_timestamp(s.lo::float8 / 1000) and to_timestamp(s.hi::float8 / 1000))""")) {
      ps.setString(1, symbol);
      ps.setString(2, interval);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() && rs.getBoolean(1);
      }
    }
  }

  private static void write(CopyIn copy, byte[] buffer, int length) throws IOException {
    if (length == 0) {
      return;
    }
    try {
      copy.writeToCopy(buffer, 0, length);
    } catch (SQLException e) {
      throw new IOException("COPY failed: " + e.getMessage(), e);
    }
  }
}
