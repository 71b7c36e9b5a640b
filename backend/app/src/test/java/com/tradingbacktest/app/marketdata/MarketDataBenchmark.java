package com.tradingbacktest.app.marketdata;

import com.tradingbacktest.app.support.IntegrationTest;
import com.tradingbacktest.engine.series.BarCsv;
import com.tradingbacktest.engine.series.BarSeries;
import com.tradingbacktest.engine.series.Interval;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.FileSystemResource;

/**
 * Measures the two data paths that must be fast, on the real embedded PostgreSQL: importing a
 * 1M-row CSV (parse, COPY into the new series' table, index, attach; then again as an upsert
 * through staging) and reading 1M bars into the engine's columns, from the rows and from the
 * series' blocks. Prints figures; asserts nothing about time. Run: scripts/bench-data.sh
 */
@Tag("benchmark")
class MarketDataBenchmark extends IntegrationTest {

  private static final int ROWS = Integer.getInteger("bench.rows", 1_000_000);

  @Autowired BarImporter importer;

  @Autowired SymbolRepository symbols;

  @Autowired MarketDataService data;

  @Autowired BarRepository rows;

  @Autowired BarBlocks blocks;

  @Test
  void importAndLoadOneMillionBars() throws IOException {
    Path csv = Files.createTempFile("bench-", ".csv");
    long t0 = System.nanoTime();
    writeCsv(csv, ROWS);
    System.out.printf(
        Locale.ROOT,
        "generated %,d rows (%,d bytes) in %d ms%n",
        ROWS,
        Files.size(csv),
        (System.nanoTime() - t0) / 1_000_000);
    symbols.createIfMissing(TestBars.customCrypto("BENCH", "Benchmark"));

    for (int run = 1; run <= 3; run++) { // the parser alone, for comparison with the import below
      long start = System.nanoTime();
      int[] rows = {0};
      try (BufferedReader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
        BarCsv.parse(
            in,
            ZoneOffset.UTC,
            new BarCsv.Handler() {
              @Override
              public void row(BarCsv.Row row) {
                rows[0]++;
              }

              @Override
              public void problem(BarCsv.Problem problem) {
                throw new IllegalStateException(problem.toString());
              }
            });
      }
      System.out.printf(
          Locale.ROOT,
          "parse run %d: %,d rows parsed and checked in %d ms%n",
          run,
          rows[0],
          (System.nanoTime() - start) / 1_000_000);
    }

    // The first import makes a new series; then reads; then the same file again, which finds every
    // bar stored and unchanged; then reads again.
    for (String run : new String[] {"first", "again"}) {
      Runtime.getRuntime().gc();
      long before = usedMemory();
      long start = System.nanoTime();
      BarImporter.Outcome outcome =
          importer.importCsv(new FileSystemResource(csv), "BENCH", "1m", ZoneOffset.UTC, false);
      double seconds = (System.nanoTime() - start) / 1e9;
      Runtime.getRuntime().gc(); // what the import keeps, not the garbage it left
      System.out.printf(
          Locale.ROOT,
          "import run %s: %,d rows (%,d inserted, %,d updated) in %.2f s = %,.0f rows/s;"
              + " heap kept %,d MB%n",
          run,
          outcome.rowsRead(),
          outcome.inserted(),
          outcome.updated(),
          seconds,
          outcome.rowsRead() / seconds,
          (usedMemory() - before) / (1 << 20));
      symbols.refreshRange("BENCH", "1m");
      Instant from = Instant.EPOCH;
      Instant to = Instant.parse("9999-01-01T00:00:00Z");
      for (int read = 1; read <= 3; read++) { // what a read costs before the blocks are rebuilt
        long started = System.nanoTime();
        BarColumns columns = new BarColumns(ROWS);
        rows.load("BENCH", "1m", from, to, columns);
        System.out.printf(
            Locale.ROOT,
            "load run %d after the %s import, from rows: %,d bars into columns in %d ms%n",
            read,
            run,
            columns.size,
            (System.nanoTime() - started) / 1_000_000);
      }
      long rebuilding = System.nanoTime();
      long rebuilt =
          blocks.rebuild("BENCH", "1m"); // what the background builder does after an import
      System.out.printf(
          Locale.ROOT,
          "blocks rebuilt after the %s import: %,d bars in %d ms%n",
          run,
          rebuilt,
          (System.nanoTime() - rebuilding) / 1_000_000);
      for (int read = 1; read <= 5; read++) {
        long started = System.nanoTime();
        BarSeries series = data.loadSeries("BENCH", Interval.M1, from, to);
        System.out.printf(
            Locale.ROOT,
            "load run %d after the %s import, loadSeries from blocks: %,d bars into columns"
                + " in %d ms%n",
            read,
            run,
            series.size(),
            (System.nanoTime() - started) / 1_000_000);
      }
    }
    Files.delete(csv);
  }

  private static long usedMemory() {
    Runtime r = Runtime.getRuntime();
    return r.totalMemory() - r.freeMemory();
  }

  /** A random walk of 1-minute bars from 2020-01-01, as a Binance-like generic CSV. */
  private static void writeCsv(Path file, int rows) throws IOException {
    Random random = new Random(42);
    long t = Instant.parse("2020-01-01T00:00:00Z").getEpochSecond();
    double price = 10_000;
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write("timestamp,open,high,low,close,volume\n");
      for (int i = 0; i < rows; i++, t += 60) {
        double open = price;
        double close = Math.max(1, open * (1 + (random.nextDouble() - 0.5) * 0.002));
        double high = Math.max(open, close) * (1 + random.nextDouble() * 0.001);
        double low = Math.min(open, close) * (1 - random.nextDouble() * 0.001);
        out.write(
            String.format(
                Locale.ROOT,
                "%d,%.2f,%.2f,%.2f,%.2f,%.4f%n",
                t,
                open,
                high,
                low,
                close,
                random.nextDouble() * 10));
        price = close;
      }
    }
  }
}
