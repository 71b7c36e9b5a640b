package com.tradingbacktest.app.marketdata;

import static org.assertj.core.api.Assertions.assertThat;

import com.tradingbacktest.app.support.IntegrationTest;
import com.tradingbacktest.engine.series.BarSeries;
import com.tradingbacktest.engine.series.Interval;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The dense copy of each series (BarBlocks) against the rows it is built from, on the real
 * PostgreSQL.
 */
class BarBlocksIntegrationTests extends IntegrationTest {

  private static final Instant START = Instant.parse("2024-01-01T00:00:00Z");

  @Autowired BarImporter importer;

  @Autowired BarBlocks blocks;

  @Autowired BarRepository rows;

  @Autowired SymbolRepository symbols;

  @Autowired MarketDataService marketData;

  @Autowired DataSource dataSource;

  @Autowired JdbcClient jdbc;

  @Test
  void blocksHoldExactlyTheStoredBarsForAnyRange() throws Exception {
    String symbol = importMinutes(70_000);

    assertThat(blocks.rebuild(symbol, "1m")).isEqualTo(70_000);

    assertThat(
            jdbc.sql("select bar_count from market_data_blocks where symbol = ? order by first_bar")
                .param(symbol)
                .query(Integer.class)
                .list())
        .containsExactly(32_768, 32_768, 4_464);
    assertThat(
            jdbc.sql("select bar_count from market_data_block_sets where symbol = ?")
                .param(symbol)
                .query(Long.class)
                .single())
        .isEqualTo(70_000);
    Instant boundary = START.plusSeconds(60L * 32_768); // the second block's first bar
    List<Instant[]> ranges =
        List.of(
            new Instant[] {Instant.EPOCH, Instant.parse("9999-01-01T00:00:00Z")}, // all of it
            new Instant[] {boundary.minusSeconds(300), boundary.plusSeconds(300)}, // across blocks
            new Instant[] {boundary, boundary.plusSeconds(60)}, // one bar, a block's first
            new Instant[] {boundary.minusSeconds(60), boundary}, // one bar, a block's last
            new Instant[] {
              START.plusSeconds(90), START.plusSeconds(60L * 40_000 + 30)
            }, // bounds between bars
            new Instant[] {
              START.plusSeconds(60L * 69_999), START.plusSeconds(60L * 70_000)
            }, // the last bar
            new Instant[] {Instant.EPOCH, START}, // before the first
            new Instant[] {
              START.plusSeconds(60L * 70_000), Instant.parse("2030-01-01T00:00:00Z")
            }, // after the last
            new Instant[] {boundary, boundary}); // empty
    for (Instant[] range : ranges) {
      BarColumns fromRows = new BarColumns(16);
      rows.load(symbol, "1m", range[0], range[1], fromRows);
      BarColumns fromBlocks = new BarColumns(16);
      assertThat(blocks.read(symbol, "1m", range[0], range[1], fromBlocks)).isTrue();
      String what = range[0] + " to " + range[1];
      assertThat(fromBlocks.size).as(what).isEqualTo(fromRows.size);
      assertThat(columns(fromBlocks)).as(what).isEqualTo(columns(fromRows));
    }
    BarColumns across = new BarColumns(16);
    blocks.read(symbol, "1m", boundary.minusSeconds(300), boundary.plusSeconds(300), across);
    assertThat(across.size).isEqualTo(10);
    BarSeries series =
        marketData.loadSeries(
            symbol, Interval.M1, Instant.EPOCH, Instant.parse("9999-01-01T00:00:00Z"));
    assertThat(series.size()).isEqualTo(70_000);
    assertThat(series.times()[69_999]).isEqualTo(START.plusSeconds(60L * 69_999).toEpochMilli());
  }

  @Test
  void streamedBarsKeepTheirTimesWhenTheDriverAnswersInText() throws Exception {
    String symbol = importMinutes(50);
    // A connection whose driver never asks for binary results: what pgjdbc does now and then for a
    // statement it has not described yet. The timestamps then come as text, not an int64.
    com.zaxxer.hikari.HikariDataSource pool =
        dataSource.unwrap(com.zaxxer.hikari.HikariDataSource.class);
    org.postgresql.ds.PGSimpleDataSource text = new org.postgresql.ds.PGSimpleDataSource();
    text.setURL(pool.getJdbcUrl());
    text.setUser(pool.getUsername());
    text.setPassword(pool.getPassword());
    text.setBinaryTransfer(false);
    List<Long> binaryTimes = new java.util.ArrayList<>();
    List<Long> textTimes = new java.util.ArrayList<>();
    Instant to = Instant.parse("9999-01-01T00:00:00Z");
    rows.stream(symbol, "1m", Instant.EPOCH, to, (t, o, h, l, c, v) -> binaryTimes.add(t));
    new BarRepository(text)
        .stream(symbol, "1m", Instant.EPOCH, to, (t, o, h, l, c, v) -> textTimes.add(t));

    assertThat(textTimes).hasSize(50).isEqualTo(binaryTimes);
    assertThat(textTimes.get(49)).isEqualTo(START.plusSeconds(60L * 49).toEpochMilli());
  }

  @Test
  void anImportMakesTheBlocksStaleUntilTheyAreRebuiltWithItsBars() throws Exception {
    String symbol = importMinutes(100);
    blocks.rebuild(symbol, "1m");
    assertThat(closeFromBlocks(symbol, 10)).isNotEqualTo(12_345.5);

    // Keep the builder's one thread busy behind a lock this test holds, so the import's rebuild
    // waits.
    String busy = importMinutes(10);
    try (Connection hold = dataSource.getConnection()) {
      hold.setAutoCommit(false);
      lockSeries(hold, busy);
      blocks.rebuildLater(busy, "1m");
      waitForLockWaiter(busy); // every rebuild asked for before is done

      String time = START.plusSeconds(600).toString();
      BarImporter.Outcome outcome =
          TestBars.importUtc(
              importer,
              "time,open,high,low,close,volume\n" + time + ",12345.5,12345.5,12345.5,12345.5,1\n",
              symbol,
              "1m");
      assertThat(outcome.updated()).isEqualTo(1);

      // Committed, not yet rebuilt: reads of the blocks miss, and loadSeries reads the new bar from
      // the rows.
      assertThat(readAllFromBlocks(symbol, new BarColumns(16))).isFalse();
      assertThat(
              marketData.loadSeries(symbol, Interval.M1, START, START.plusSeconds(6000))
                  .close()[10])
          .isEqualTo(12_345.5);
      hold.rollback();
    }

    // The rebuild the import asked for runs once the builder is free.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!readAllFromBlocks(symbol, new BarColumns(16)) && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(closeFromBlocks(symbol, 10)).isEqualTo(12_345.5);
  }

  @Test
  void aRebuildWaitingForAnImportBuildsFromWhatTheImportCommitted() throws Exception {
    String symbol = importMinutes(100);
    blocks.rebuild(symbol, "1m");

    // What an import does, by hand: the series' lock, a changed bar, the blocks invalidated; then
    // commit.
    try (Connection writer = dataSource.getConnection()) {
      writer.setAutoCommit(false);
      lockSeries(writer, symbol);
      try (PreparedStatement update =
          writer.prepareStatement(
              "update market_data set close = 7777, high = 7777 where symbol = ? and interval = '1m' and \"timestamp\" = ?")) {
        update.setString(1, symbol);
        update.setObject(2, START.plusSeconds(1200).atOffset(ZoneOffset.UTC));
        assertThat(update.executeUpdate()).isEqualTo(1);
      }
      BarBlocks.invalidate(writer, symbol, "1m");
      CompletableFuture<Long> rebuild =
          CompletableFuture.supplyAsync(() -> blocks.rebuild(symbol, "1m"));
      waitForLockWaiter(symbol);

      // Uncommitted: readers still see the old blocks, which still match the committed bars.
      assertThat(closeFromBlocks(symbol, 20)).isNotEqualTo(7777);
      writer.commit();

      assertThat(rebuild.get(30, TimeUnit.SECONDS)).isEqualTo(100);
    }
    assertThat(closeFromBlocks(symbol, 20)).isEqualTo(7777);
  }

  /**
   * The bars' columns (time, open, high, low, close, volume), each cut to the bars read; AssertJ
   * compares such nested arrays element by element.
   */
  private static Object[] columns(BarColumns bars) {
    return new Object[] {
      Arrays.copyOf(bars.time, bars.size),
      Arrays.copyOf(bars.open, bars.size),
      Arrays.copyOf(bars.high, bars.size),
      Arrays.copyOf(bars.low, bars.size),
      Arrays.copyOf(bars.close, bars.size),
      Arrays.copyOf(bars.volume, bars.size)
    };
  }

  /** Reads every bar of the symbol's one-minute series from its blocks; false if they are stale. */
  private boolean readAllFromBlocks(String symbol, BarColumns out) {
    return blocks.read(symbol, "1m", Instant.EPOCH, Instant.parse("2030-01-01T00:00:00Z"), out);
  }

  private double closeFromBlocks(String symbol, int index) {
    BarColumns out = new BarColumns(16);
    assertThat(readAllFromBlocks(symbol, out)).isTrue();
    return out.close[index];
  }

  private static void lockSeries(Connection c, String symbol) throws Exception {
    try (PreparedStatement lock =
        c.prepareStatement(
            "select pg_advisory_xact_lock(hashtext('market_data:' || ? || ':1m'))")) {
      lock.setString(1, symbol);
      lock.executeQuery().close();
    }
  }

  /** Until a session waits for the series' lock (a rebuild, behind this test's lock). */
  private void waitForLockWaiter(String symbol) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    // An advisory lock on one bigint key shows its low 32 bits as objid.
    while (jdbc.sql(
                "select count(*) from pg_locks where locktype = 'advisory' and not granted"
                    + " and objid::text::bigint = (hashtext('market_data:' || ? || ':1m')::bigint & 4294967295)")
            .param(symbol)
            .query(Long.class)
            .single()
        == 0) {
      assertThat(System.nanoTime())
          .as("a rebuild waiting for the series' lock")
          .isLessThan(deadline);
      Thread.sleep(20);
    }
  }

  /** A new symbol with {@code n} one-minute bars from {@link #START}, imported as a CSV. */
  private String importMinutes(int n) throws Exception {
    String symbol = "B" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
    symbols.createIfMissing(TestBars.customCrypto(symbol, "Blocks test"));
    Random random = new Random(n);
    StringBuilder csv = new StringBuilder("time,open,high,low,close,volume\n");
    double price = 100;
    for (int i = 0; i < n; i++) {
      double open = price;
      double close = open * (1 + random.nextGaussian() * 0.001);
      csv.append(
          String.format(
              Locale.ROOT,
              "%d,%.6f,%.6f,%.6f,%.6f,%.4f%n",
              START.getEpochSecond() + 60L * i,
              open,
              Math.max(open, close) * (1 + random.nextDouble() * 0.001),
              Math.min(open, close) * (1 - random.nextDouble() * 0.001),
              close,
              random.nextDouble() * 1000));
      price = close;
    }
    BarImporter.Outcome outcome = TestBars.importUtc(importer, csv.toString(), symbol, "1m");
    assertThat(outcome.inserted()).as(outcome.problems().toString()).isEqualTo(n);
    return symbol;
  }
}
