package com.tradingbacktest.app.marketdata;

import com.tradingbacktest.app.marketdata.fetch.DataSource;
import com.tradingbacktest.engine.series.BarCsv;
import com.tradingbacktest.engine.series.Interval;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Market data for a fresh install, without any network: ta4j's example data (real, on Maven
 * Central, MIT-licensed): Apple's daily bars of 2013 and 100,000 Bitstamp BTC/USD trades from 25
 * November to 1 December 2013, built here into 1-minute bars (minutes without a trade have no bar);
 * and, for portfolio runs, eight symbols of generated daily bars labelled synthetic ({@link
 * SyntheticUniverse}). Runs on start when the database holds no bars (configurable), and from
 * scripts/seed.sh. Online, it also queues fetches of a few real symbols.
 */
@Component
class SampleDataSeeder {

  static final String SOURCE = "ta4j-examples";

  /**
   * Real daily series fetched from Yahoo Finance on the first online start, for portfolio runs: the
   * shared universes of migration V12 ("US asset classes", "KOSPI large caps") are over them.
   */
  static final List<String> ONLINE_PORTFOLIO_TICKERS =
      List.of(
          "SPY",
          "QQQ",
          "TLT",
          "GLD",
          "005930.KS",
          "000660.KS",
          "005380.KS",
          "035420.KS",
          "051910.KS");

  /**
   * Index series fetched with them, the default benchmarks of portfolios (KOSPI, KOSDAQ, S&P 500
   * and its total-return variant, which holds the dividends).
   */
  static final List<String> ONLINE_INDEX_TICKERS = List.of("^KS11", "^KQ11", "^GSPC", "^SP500TR");

  private static final Logger log = LoggerFactory.getLogger(SampleDataSeeder.class);

  private final SymbolRepository symbols;
  private final BarImporter importer;
  private final ImportLog importLog;
  private final MarketDataSettings settings;
  private final ImportService imports;

  SampleDataSeeder(
      SymbolRepository symbols,
      BarImporter importer,
      ImportLog importLog,
      MarketDataSettings settings,
      ImportService imports) {
    this.symbols = symbols;
    this.importer = importer;
    this.importLog = importLog;
    this.settings = settings;
    this.imports = imports;
  }

  @EventListener(ApplicationReadyEvent.class)
  void onStart() {
    nameKnownSymbols();
    boolean always = "always".equalsIgnoreCase(settings.seed());
    if ("never".equalsIgnoreCase(settings.seed()) || (!always && symbols.anyBars())) {
      return;
    }
    try {
      seed();
    } catch (RuntimeException | IOException e) {
      log.warn("Could not load the sample market data: {}", e.getMessage());
    }
    if (settings.seedOnline()) {
      seedOnline();
    }
  }

  /**
   * Gives the symbols of the shipped table (marketdata/known-symbols.csv) their Korean names and
   * boards where they have none yet: symbols stored before the table, or created without it.
   */
  void nameKnownSymbols() {
    try {
      KnownSymbols.all().forEach(symbols::applyKnown);
    } catch (RuntimeException e) {
      log.warn("Could not apply the Korean names of known symbols: {}", e.getMessage());
    }
  }

  /**
   * Where the machine is online, a small real recent set; offline, a logged failure and nothing
   * else.
   */
  void seedOnline() {
    Instant now = Instant.now();
    Instant threeYearsAgo = now.minus(Duration.ofDays(3 * 365));
    // Ten years for the portfolio symbols: a 12-month momentum needs a year before its first pick.
    Instant tenYearsAgo = now.minus(Duration.ofDays(10 * 365 + 2));
    try {
      imports.seedFromExchange(DataSource.UPBIT, "KRW-BTC", Interval.D1, threeYearsAgo, now);
      for (String ticker : ONLINE_PORTFOLIO_TICKERS) {
        imports.seedFromExchange(DataSource.YAHOO, ticker, Interval.D1, tenYearsAgo, now);
      }
      for (String ticker : ONLINE_INDEX_TICKERS) {
        imports.seedFromExchange(DataSource.YAHOO, ticker, Interval.D1, tenYearsAgo, now);
      }
    } catch (RuntimeException e) {
      log.warn("Could not start the online sample fetches: {}", e.getMessage());
    }
  }

  void seed() throws IOException {
    symbols.createIfMissing(
        new NewSymbol(
                "Apple Inc.",
                "NASDAQ",
                "stock",
                "USD",
                "America/New_York",
                new BigDecimal("0.01"),
                BigDecimal.ONE)
            .resolve("AAPL", SOURCE));
    symbols.createIfMissing(
        new NewSymbol(
                "Bitcoin / US dollar (Bitstamp)",
                "CUSTOM",
                "crypto",
                "USD",
                "UTC",
                new BigDecimal("0.01"),
                new BigDecimal("0.00000001"))
            .resolve("BTCUSD.BITSTAMP", SOURCE));
    load("AAPL", "1d", "appleinc_bars_from_20130101_usd.csv", true);
    load("BTCUSD.BITSTAMP", "1m", "bitstamp_trades_from_20131125_usd.csv", false);
    seedSynthetic();
  }

  /**
   * The generated portfolio sample, each symbol described as synthetic; loading it again changes
   * nothing (the same bars, updated in place).
   */
  void seedSynthetic() throws IOException {
    for (SyntheticUniverse.Series series : SyntheticUniverse.generate()) {
      SyntheticUniverse.Spec spec = series.spec();
      symbols.createIfMissing(
          new NewSymbol(
                  spec.name(),
                  "CUSTOM",
                  spec.assetClass(),
                  "USD",
                  SyntheticUniverse.ZONE.getId(),
                  new BigDecimal("0.01"),
                  BigDecimal.ONE)
              .resolve(spec.ticker(), SyntheticUniverse.SOURCE));
      UUID id =
          importLog.start(
              null,
              "seed",
              SyntheticUniverse.SOURCE,
              spec.ticker(),
              Dataset.SHARED,
              "1d",
              null,
              null,
              "generated");
      BarImporter.Outcome outcome;
      try {
        outcome =
            importer.importRows(
                handler -> {
                  for (int i = 0; i < series.times().length; i++) {
                    handler.row(
                        new BarCsv.Row(
                            i + 1,
                            series.times()[i],
                            series.open()[i],
                            series.high()[i],
                            series.low()[i],
                            series.close()[i],
                            series.volume()[i]));
                  }
                },
                spec.ticker(),
                "1d",
                false);
      } catch (IOException | RuntimeException e) {
        importLog.failed(id, e.getMessage());
        throw e;
      }
      importLog.completed(id, outcome);
      symbols.refreshRange(spec.ticker(), "1d");
    }
    log.info(
        "Sample data: {} synthetic symbols of generated daily bars",
        SyntheticUniverse.SPECS.size());
  }

  private void load(String symbol, String interval, String resource, boolean bars)
      throws IOException {
    UUID id =
        importLog.start(
            null, "seed", SOURCE, symbol, Dataset.SHARED, interval, null, null, resource);
    ClassPathResource file =
        new ClassPathResource(resource, SampleDataSeeder.class.getClassLoader());
    if (!file.exists()) {
      importLog.failed(id, "missing resource " + resource);
      return;
    }
    try {
      BarImporter.Outcome outcome =
          bars
              ? importer.importCsv(file, symbol, interval, ZoneId.of("America/New_York"), true)
              : importer.importRows(
                  handler -> {
                    try (BufferedReader reader =
                        new BufferedReader(
                            new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8))) {
                      TradeBars.minuteBars(reader, handler);
                    }
                  },
                  symbol,
                  interval,
                  true);
      importLog.completed(id, outcome);
      symbols.refreshRange(symbol, interval);
      log.info(
          "Sample data: {} {} bars of {} ({} new)",
          outcome.rowsRead() - outcome.skipped(),
          interval,
          symbol,
          outcome.inserted());
    } catch (UncheckedIOException e) {
      importLog.failed(id, e.getMessage());
      throw e.getCause();
    }
  }
}
