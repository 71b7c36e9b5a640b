package com.tradingbacktest.app.marketdata;

import java.nio.ByteBuffer;
import java.nio.DoubleBuffer;
import java.nio.LongBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;

/**
 * Each series' bars a second time, in dense blocks (migration V6): what the engine's reads use,
 * because a million bars are then 31 rows the server sends as stored instead of a million rows it
 * must assemble.
 *
 * <p>market_data stays the truth. An import that changes a series invalidates its blocks in its own
 * transaction ({@link #invalidate}) and asks for a rebuild ({@link #rebuildLater}); one background
 * thread rewrites them from market_data under the series' lock. A read uses the blocks only when
 * they are current in the same statement's snapshot, else reports a miss and the caller reads the
 * rows: results are the same either way, only the time differs. The rebuild runs here rather than
 * on the job queue: it is a cache refill that a restart may lose at no cost (the next miss asks
 * again), and it must not wait behind backtests.
 */
@Component
class BarBlocks implements DisposableBean {

  /**
   * Bars per block: 1.5 MB, so a block is a few hundred TOAST chunks and a million bars 31 rows.
   */
  static final int BLOCK_BARS = 32_768;

  /** A bar in a block: its time (int64) and five float8 values. */
  static final int BAR_BYTES = 48;

  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(BarBlocks.class);

  private final DataSource dataSource;
  private final Set<String> queued = ConcurrentHashMap.newKeySet();
  private final ExecutorService builder =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "bar-blocks");
            t.setDaemon(true);
            return t;
          });

  BarBlocks(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Called by a writer inside the transaction that changed the series' bars: from its commit on,
   * readers no longer use the series' blocks.
   */
  static void invalidate(Connection c, String symbol, String interval) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "delete from market_data_block_sets where symbol = ? and interval = ?")) {
      ps.setString(1, symbol);
      ps.setString(2, interval);
      ps.executeUpdate();
    }
  }

  /**
   * Appends the series' bars with open time in [from, to) to {@code out}, oldest first, from the
   * blocks: one COPY of the blocks overlapping the range. Returns false, having added nothing, when
   * the series has no current blocks.
   */
  boolean read(String symbol, String interval, Instant from, Instant to, BarColumns out) {
    long fromMillis = millis(from);
    long toMillis = millis(to);
    // One statement, one snapshot: the set's row (present only while the blocks match the bars) and
    // the blocks. No row at all: no current blocks. One row with a null: current, but none in the
    // range.
    String sql =
        "copy (select b.bars from market_data_block_sets s left join market_data_blocks b"
            + " on b.symbol = s.symbol and b.interval = s.interval and b.last_bar >= "
            + instant(fromMillis)
            + " and b.first_bar < "
            + instant(toMillis)
            + " where s.symbol = "
            + BarRepository.literal(symbol)
            + " and s.interval = "
            + BarRepository.literal(interval)
            + " order by b.first_bar) to stdout (format binary)";
    int start = out.size;
    boolean[] current = {false};
    long[] last = {Long.MIN_VALUE};
    try (Connection c = dataSource.getConnection()) {
      BinaryCopyOut.forEachRow(
          c,
          sql,
          (row, at) -> {
            current[0] = true;
            int length = BinaryCopyOut.int32(row, at);
            if (length >= 0) {
              last[0] =
                  decode(
                      ByteBuffer.wrap(row, at + 4, length).slice(),
                      fromMillis,
                      toMillis,
                      last[0],
                      out);
            }
          });
    } catch (SQLException e) {
      throw new DataAccessResourceFailureException("Could not read bars of " + symbol, e);
    }
    if (!current[0]) {
      out.size = start;
    }
    return current[0];
  }

  /**
   * {@link #read} for several series of one interval in one COPY: series {@code i}'s bars with open
   * time in [{@code from[i]}, {@code to[i]}) are appended to {@code out[i]}. Returns, per series,
   * whether its blocks were current (a series whose were not has nothing added; read its rows).
   */
  boolean[] readMany(
      List<String> symbols, String interval, long[] from, long[] to, BarColumns[] out) {
    int n = symbols.size();
    boolean[] current = new boolean[n];
    if (n == 0) {
      return current;
    }
    Map<String, Integer> index = new HashMap<>();
    long lowest = Long.MAX_VALUE;
    long highest = Long.MIN_VALUE;
    StringBuilder keys = new StringBuilder();
    for (int i = 0; i < n; i++) {
      index.put(symbols.get(i), i);
      lowest = Math.min(lowest, from[i]);
      highest = Math.max(highest, to[i]);
      keys.append(i == 0 ? "" : ", ").append(BarRepository.literal(symbols.get(i)));
    }
    // One statement, one snapshot, as in read: a series with no block-set row has no current
    // blocks.
    String sql =
        "copy (select s.symbol, b.bars from market_data_block_sets s left join market_data_blocks b"
            + " on b.symbol = s.symbol and b.interval = s.interval and b.last_bar >= "
            + instant(lowest)
            + " and b.first_bar < "
            + instant(highest)
            + " where s.symbol in ("
            + keys
            + ") and s.interval = "
            + BarRepository.literal(interval)
            + " order by s.symbol, b.first_bar) to stdout (format binary)";
    long[] last = new long[n];
    java.util.Arrays.fill(last, Long.MIN_VALUE);
    try (Connection c = dataSource.getConnection()) {
      BinaryCopyOut.forEachRow(
          c,
          sql,
          (row, at) -> {
            int keyLength = BinaryCopyOut.int32(row, at);
            String key =
                new String(row, at + 4, keyLength, java.nio.charset.StandardCharsets.UTF_8);
            int i = index.get(key);
            current[i] = true;
            int blockAt = at + 4 + keyLength;
            int length = BinaryCopyOut.int32(row, blockAt);
            if (length >= 0) {
              last[i] =
                  decode(
                      ByteBuffer.wrap(row, blockAt + 4, length).slice(),
                      from[i],
                      to[i],
                      last[i],
                      out[i]);
            }
          });
    } catch (SQLException e) {
      throw new DataAccessResourceFailureException("Could not read bars of " + n + " series", e);
    }
    return current;
  }

  /**
   * Asks for the series' blocks to be rebuilt in the background; one request per series is queued
   * at most.
   */
  void rebuildLater(String symbol, String interval) {
    String key = symbol + '\n' + interval;
    if (!queued.add(key)) {
      return;
    }
    try {
      builder.execute(
          () -> {
            // Taken off first: an import committing while this rebuild runs asks again, and is
            // heard.
            queued.remove(key);
            try {
              rebuild(symbol, interval);
            } catch (RuntimeException e) {
              log.warn(
                  "Could not rebuild the blocks of {} {} (reads use the rows meanwhile): {}",
                  symbol,
                  interval,
                  e.getMessage());
            }
          });
    } catch (java.util.concurrent.RejectedExecutionException e) {
      queued.remove(key); // shutting down
    }
  }

  /**
   * Rewrites the series' blocks from market_data and marks them current, in one transaction holding
   * the series' lock, so no import commits in between. Returns the bars written.
   */
  long rebuild(String symbol, String interval) {
    long started = System.nanoTime();
    try (Connection c = dataSource.getConnection()) {
      boolean autoCommit = c.getAutoCommit();
      c.setAutoCommit(false);
      try {
        long bars = rebuild(c, symbol, interval);
        c.commit();
        log.debug(
            "Rebuilt the blocks of {} {}: {} bars in {} ms",
            symbol,
            interval,
            bars,
            (System.nanoTime() - started) / 1_000_000);
        return bars;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      throw new DataAccessResourceFailureException("Could not rebuild the blocks of " + symbol, e);
    }
  }

  private static long rebuild(Connection c, String symbol, String interval) throws SQLException {
    try (PreparedStatement lock =
        c.prepareStatement(
            "select pg_advisory_xact_lock(hashtext('market_data:' || ? || ':' || ?))::text")) {
      lock.setString(1, symbol);
      lock.setString(2, interval);
      lock.executeQuery().close();
    }
    // Statements from here on see every import that committed before the lock was granted.
    try (Statement s = c.createStatement()) {
      // Each block is the next 32,768 bars through the primary key. A series fresh from its first
      // import has no statistics yet, and without them the planner would scan and sort the whole
      // series for every block.
      s.execute("set local enable_seqscan = off");
      s.execute("set local enable_sort = off");
    }
    try (PreparedStatement delete =
        c.prepareStatement("delete from market_data_blocks where symbol = ? and interval = ?")) {
      delete.setString(1, symbol);
      delete.setString(2, interval);
      delete.executeUpdate();
    }
    BarColumns block = new BarColumns(BLOCK_BARS);
    long total = 0;
    String from = "'-infinity'";
    try (PreparedStatement insert =
        c.prepareStatement(
            "insert into market_data_blocks"
                + " (symbol, interval, first_bar, last_bar, bar_count, bars) values (?, ?, ?, ?, ?, ?)")) {
      while (true) {
        block.size = 0;
        BarRepository.copyRows(
            c,
            BarRepository.selectRows(symbol, interval, "\"timestamp\" >= " + from, BLOCK_BARS),
            block);
        if (block.size == 0) {
          break;
        }
        long first = block.time[0];
        long last = block.time[block.size - 1];
        insert.setString(1, symbol);
        insert.setString(2, interval);
        insert.setTimestamp(3, Timestamp.from(Instant.ofEpochMilli(first)));
        insert.setTimestamp(4, Timestamp.from(Instant.ofEpochMilli(last)));
        insert.setInt(5, block.size);
        insert.setBytes(6, encode(block));
        insert.executeUpdate();
        total += block.size;
        if (block.size < BLOCK_BARS) {
          break;
        }
        from = instant(last + 1); // times are whole milliseconds (what every writer stores)
      }
    }
    try (PreparedStatement set =
        c.prepareStatement(
            "insert into market_data_block_sets (symbol, interval, bar_count)"
                + " values (?, ?, ?) on conflict (symbol, interval) do update set bar_count = excluded.bar_count,"
                + " built_at = now()")) {
      set.setString(1, symbol);
      set.setString(2, interval);
      set.setLong(3, total);
      set.executeUpdate();
    }
    return total;
  }

  /** A block's bytes: the times (epoch milliseconds), then each value column, big-endian. */
  static byte[] encode(BarColumns bars) {
    int n = bars.size;
    ByteBuffer b = ByteBuffer.allocate(n * BAR_BYTES);
    b.asLongBuffer().put(bars.time, 0, n);
    DoubleBuffer values = b.asDoubleBuffer();
    values.put(n, bars.open, 0, n);
    values.put(2 * n, bars.high, 0, n);
    values.put(3 * n, bars.low, 0, n);
    values.put(4 * n, bars.close, 0, n);
    values.put(5 * n, bars.volume, 0, n);
    return b.array();
  }

  /**
   * Appends a block's bars with time in [from, to) to {@code out}; returns the last time appended,
   * which must rise from {@code previous} (blocks never overlap; a violation means corrupt blocks,
   * and fails).
   */
  static long decode(ByteBuffer block, long from, long to, long previous, BarColumns out) {
    if (block.remaining() % BAR_BYTES != 0) {
      throw new IllegalStateException("a market data block of " + block.remaining() + " bytes");
    }
    int n = block.remaining() / BAR_BYTES;
    LongBuffer times = block.asLongBuffer();
    int lo = firstAtOrAfter(times, n, from);
    int hi = firstAtOrAfter(times, n, to);
    if (lo >= hi) {
      return previous;
    }
    if (times.get(lo) <= previous) {
      throw new IllegalStateException(
          "market data blocks overlap at " + Instant.ofEpochMilli(times.get(lo)));
    }
    int count = hi - lo;
    out.ensureRoom(count);
    int at = out.size;
    times.get(lo, out.time, at, count);
    DoubleBuffer values = block.asDoubleBuffer();
    values.get(n + lo, out.open, at, count);
    values.get(2 * n + lo, out.high, at, count);
    values.get(3 * n + lo, out.low, at, count);
    values.get(4 * n + lo, out.close, at, count);
    values.get(5 * n + lo, out.volume, at, count);
    out.size += count;
    return out.time[at + count - 1];
  }

  private static int firstAtOrAfter(LongBuffer times, int n, long time) {
    int lo = 0;
    int hi = n;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (times.get(mid) < time) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
  private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");

  /** Epoch milliseconds, clamped to the years an ISO literal (below) writes plainly. */
  private static long millis(Instant t) {
    return (t.isBefore(EARLIEST) ? EARLIEST : t.isAfter(LATEST) ? LATEST : t).toEpochMilli();
  }

  private static String instant(long epochMillis) {
    return "'" + Instant.ofEpochMilli(epochMillis) + "'";
  }

  @Override
  public void destroy() throws InterruptedException {
    // A rebuild cut short by the pool closing rolls back: the blocks are simply rebuilt after the
    // restart.
    builder.shutdownNow();
    builder.awaitTermination(2, TimeUnit.SECONDS);
  }
}
