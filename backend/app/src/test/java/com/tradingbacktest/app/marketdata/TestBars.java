package com.tradingbacktest.app.marketdata;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.ZoneOffset;
import org.springframework.core.io.ByteArrayResource;

/** Symbols and bars put in place for a test through the services, without going over HTTP. */
final class TestBars {

  private TestBars() {}

  /** A custom crypto symbol in USD and UTC, ticks of 0.01 and lots of 0.0001, from a CSV. */
  static SymbolInfo customCrypto(String symbol, String name) {
    return new NewSymbol(
            name,
            "CUSTOM",
            "crypto",
            "USD",
            "UTC",
            new BigDecimal("0.01"),
            new BigDecimal("0.0001"))
        .resolve(symbol, "csv");
  }

  /** Imports the CSV's bars with times in UTC, refusing the whole file if a row is bad. */
  static BarImporter.Outcome importUtc(
      BarImporter importer, String csv, String symbol, String interval) throws IOException {
    return importer.importCsv(
        new ByteArrayResource(csv.getBytes(UTF_8)), symbol, interval, ZoneOffset.UTC, false);
  }
}
