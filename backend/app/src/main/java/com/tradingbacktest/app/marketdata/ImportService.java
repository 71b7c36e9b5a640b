package com.tradingbacktest.app.marketdata;

import static org.jobrunr.scheduling.JobBuilder.aJob;

import com.tradingbacktest.app.common.error.FieldValidationException;
import com.tradingbacktest.app.common.error.NotFoundException;
import com.tradingbacktest.app.common.jobs.JobWakeups;
import com.tradingbacktest.app.marketdata.fetch.CandleSource;
import com.tradingbacktest.app.marketdata.fetch.CandleSources;
import com.tradingbacktest.app.marketdata.fetch.DataSource;
import com.tradingbacktest.app.marketdata.fetch.FetchException;
import com.tradingbacktest.app.marketdata.fetch.Fetched;
import com.tradingbacktest.app.marketdata.fetch.FetchedBar;
import com.tradingbacktest.app.marketdata.fetch.Listing;
import com.tradingbacktest.engine.prices.CorporateAction;
import com.tradingbacktest.engine.prices.PriceBasis;
import com.tradingbacktest.engine.series.BarCsv;
import com.tradingbacktest.engine.series.Interval;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jobrunr.scheduling.JobRequestScheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.InputStreamSource;
import org.springframework.stereotype.Service;

/**
 * Imports bars: CSV uploads (synchronously, all or nothing) and exchange fetches (queued as JobRunr
 * jobs that any worker process runs, with progress, fetching only what is missing). Every import is
 * logged with who asked for it.
 */
@Service
class ImportService {

  private static final Logger log = LoggerFactory.getLogger(ImportService.class);
  static final int MAX_FILE_NAME = 255;

  /**
   * A ticker: Yahoo's indices start with ^ (^KS11, ^GSPC), everything else with a letter or digit.
   */
  static final Pattern SYMBOL = Pattern.compile("(?=.{1,40}$)\\^?[A-Za-z0-9][A-Za-z0-9._^=/-]*");

  private final SymbolRepository symbols;
  private final BarImporter importer;
  private final ImportLog importLog;
  private final CandleSources sources;
  private final JobRequestScheduler queue;
  private final JobWakeups wakeups;
  private final CorporateActionsRepository actions;

  ImportService(
      SymbolRepository symbols,
      BarImporter importer,
      ImportLog importLog,
      CandleSources sources,
      JobRequestScheduler queue,
      JobWakeups wakeups,
      CorporateActionsRepository actions) {
    this.actions = actions;
    this.symbols = symbols;
    this.importer = importer;
    this.importLog = importLog;
    this.sources = sources;
    this.queue = queue;
    this.wakeups = wakeups;
  }

  /**
   * Imports an uploaded CSV; {@code file} may be opened twice (a file out of time order is read
   * again). Every field is checked before anything is written; an unknown symbol is created in the
   * transaction of its bars, so a rejected file leaves no symbol behind. The import's log entry
   * ends {@code completed} or {@code failed} whatever happens.
   */
  ImportView importCsv(
      UUID userId,
      boolean admin,
      Dataset dataset,
      InputStreamSource file,
      String fileName,
      String symbol,
      Interval interval,
      boolean skipBadRows,
      NewSymbol meta,
      PriceBasis basis,
      boolean rejectOnSuspectedSplit)
      throws IOException {
    checkFileName(fileName);
    if (basis == PriceBasis.TOTAL_RETURN) {
      throw new FieldValidationException(
          "price_basis",
          "must be raw or split_adjusted: bars are stored as traded or split-adjusted, and total"
              + " return is computed from them and the dividends when read");
    }
    if (dataset == Dataset.SHARED && !admin) {
      throw new SharedDataForbidden();
    }
    String key =
        dataset == Dataset.SHARED
            ? validSymbol(symbol)
            : SeriesKeys.own(userId, validSymbol(symbol));
    SymbolInfo existing = symbols.find(key).orElse(null);
    SymbolInfo s =
        existing != null
            ? existing
            : dataset == Dataset.SHARED
                ? meta.resolve(symbol, "csv")
                : ownSymbol(symbol, meta, key, userId);
    if (existing != null) {
      PriceBasis stored = actions.basis(key, interval.code()).map(b -> b.basis()).orElse(basis);
      if (stored != basis) {
        throw new FieldValidationException(
            "price_basis",
            "the stored "
                + interval.code()
                + " bars of "
                + symbol
                + " are "
                + stored.code()
                + "; import these in that basis too (one series holds one basis)");
      }
    }
    CsvSeriesChecks checks =
        new CsvSeriesChecks(
            s, interval, basis, rejectOnSuspectedSplit, actions.actions(key), userId);
    UUID id =
        importLog.start(
            userId, "csv", "csv", s.symbol(), s.dataset(), interval.code(), null, null, fileName);
    boolean ended = false;
    BarImporter.Outcome outcome;
    try {
      outcome = read(file, s, interval, skipBadRows, existing == null, checks);
      if (!outcome.stored()) {
        importLog.finish(
            id,
            "failed",
            outcome.rowsRead(),
            0,
            0,
            0,
            outcome.problems(),
            outcome.problemCount() == 0
                ? "no rows; nothing imported"
                : outcome.problemCount() + " bad rows; nothing imported");
        ended = true;
        throw outcome.problemCount() == 0
            ? ImportRejected.of("The file has no rows of bars; nothing was imported.")
                .withImportId(id)
            : skipBadRows
                ? ImportRejected.nothingLeft(outcome.problems(), outcome.problemCount(), id)
                : ImportRejected.badRows(outcome.problems(), outcome.problemCount(), id);
      }
      importLog.completed(id, outcome);
      ended = true;
    } catch (ImportRejected e) {
      if (!ended) {
        importLog.failed(id, e.getMessage());
        ended = true;
      }
      throw e.withImportId(id);
    } catch (SuspectedSplitsRejected e) {
      importLog.failed(id, e.getMessage());
      ended = true;
      throw e;
    } finally {
      if (!ended) {
        // Whatever went wrong (the server log has it), the import must not stay 'running'.
        importLog.failed(id, "The import failed unexpectedly; nothing was imported.");
      }
    }
    if (existing == null) {
      symbols.evict(s.seriesKey());
    }
    symbols.refreshRange(s.seriesKey(), interval.code());
    log.info(
        "Imported {} ({}, {}): {} new, {} updated, {} skipped",
        s.symbol(),
        s.dataset().code(),
        interval,
        outcome.inserted(),
        outcome.updated(),
        outcome.skipped());
    return importLog
        .find(id, userId)
        .orElseThrow()
        .withSuspectedSplits(
            checks.suspects().stream()
                .map(x -> new ImportView.SuspectedSplitView(x.date(), x.ratio(), x.priceRatio()))
                .toList());
  }

  /** Queues a fetch of what is missing in [from, to); answers at once with the import, pending. */
  ImportView startFetch(
      UUID userId,
      DataSource source,
      String symbol,
      Interval interval,
      Instant from,
      Instant to,
      String market) {
    CandleSource client = sources.get(source);
    if (!client.intervals().contains(interval.code())) {
      throw new FieldValidationException(
          "interval",
          source.code()
              + " serves "
              + String.join(", ", client.intervals())
              + ", not "
              + interval.code());
    }
    SymbolInfo s = ensureSymbol(symbol, defaultsFor(source, symbol, market), source.code());
    UUID id =
        importLog.queue(userId, "fetch", source.code(), s.symbol(), interval.code(), from, to);
    enqueue(id, source, s.symbol(), interval, market != null);
    return importLog.find(id, userId).orElseThrow();
  }

  /** Reads and stores the file, or says why it cannot be read at all. */
  private BarImporter.Outcome read(
      InputStreamSource file,
      SymbolInfo s,
      Interval interval,
      boolean skipBadRows,
      boolean newSymbol,
      CsvSeriesChecks checks)
      throws IOException {
    String unreadable = UploadedText.problem(file).orElse(null);
    if (unreadable != null) {
      throw ImportRejected.of(unreadable);
    }
    checks.readExtras(file);
    try {
      return importer.importCsv(
          file,
          s.seriesKey(),
          interval.code(),
          s.zone(),
          skipBadRows,
          newSymbol ? s : null,
          checks,
          checks);
    } catch (BarCsv.FormatException e) {
      throw ImportRejected.of(Printable.of(e.getMessage()));
    }
  }

  /** The file name is only a label in the import log, but one that fits its column. */
  private static void checkFileName(String fileName) {
    if (fileName == null) {
      return;
    }
    if (fileName.codePointCount(0, fileName.length()) > MAX_FILE_NAME) {
      throw new FieldValidationException(
          "file", "its name must be at most " + MAX_FILE_NAME + " characters");
    }
    if (Printable.hasControlCharacters(fileName)) {
      throw new FieldValidationException("file", "its name may not contain control characters");
    }
  }

  /**
   * Seeding's online part: the same queued fetch, logged as kind {@code seed} without a user.
   * Offline it fails quietly in the import log.
   */
  void seedFromExchange(
      DataSource source, String symbol, Interval interval, Instant from, Instant to) {
    SymbolInfo s = ensureSymbol(symbol, defaultsFor(source, symbol, null), source.code());
    UUID id = importLog.queue(null, "seed", source.code(), s.symbol(), interval.code(), from, to);
    enqueue(id, source, s.symbol(), interval, false);
  }

  private void enqueue(
      UUID id, DataSource source, String symbol, Interval interval, boolean marketGiven) {
    // Retries are for a worker that died mid-fetch (JobRunr's orphan detection) or a database that
    // went away: the exchange's own failures end in the import log, and a rerun fetches only what
    // is missing.
    queue.create(
        aJob()
            .withId(id)
            .withName("Fetch " + symbol + " " + interval.code() + " from " + source.displayName())
            .withAmountOfRetries(2)
            .withJobRequest(new FetchImportJob(id, marketGiven)));
    wakeups.jobsQueued();
  }

  /**
   * A queued fetch, on a worker: claims its pending (or, after a worker died, running) import and
   * runs it; an import that has ended meanwhile is left alone.
   */
  void runQueuedFetch(UUID id, boolean marketGiven) {
    ImportLog.Claimed claimed = importLog.claim(id).orElse(null);
    if (claimed == null) {
      log.info("Import {} has ended or is gone; nothing to fetch", id);
      return;
    }
    SymbolInfo s = symbols.find(claimed.symbol()).orElse(null);
    if (s == null) {
      importLog.failed(id, "The symbol " + claimed.symbol() + " was deleted");
      return;
    }
    DataSource source = DataSource.valueOf(claimed.source().toUpperCase(Locale.ROOT));
    runFetch(
        id,
        sources.get(source),
        s,
        Interval.fromCode(claimed.interval()),
        claimed.from(),
        claimed.to(),
        marketGiven);
  }

  ImportView find(UUID userId, UUID id) {
    return importLog.find(id, userId).orElseThrow(() -> new NotFoundException("The import"));
  }

  List<ImportView> recent(UUID userId) {
    return importLog.recent(userId, 100);
  }

  /**
   * @param marketGiven the user named the symbol's market: what the exchange says of it does not
   *     replace that
   */
  private void runFetch(
      UUID id,
      CandleSource client,
      SymbolInfo s,
      Interval interval,
      Instant from,
      Instant to,
      boolean marketGiven) {
    try {
      List<Instant[]> gaps = missing(s.symbol(), interval, from, to);
      List<FetchedBar> fetched = new ArrayList<>();
      List<CorporateAction> events = new ArrayList<>();
      Instant fetchedAt = Instant.now();
      Listing listing = null;
      for (int g = 0; g < gaps.size(); g++) {
        int done = g;
        Fetched page =
            client.fetch(
                s.symbol(),
                interval.code(),
                gaps.get(g)[0],
                gaps.get(g)[1],
                fraction ->
                    importLog.progress(
                        id, (int) Math.min(95, 95 * (done + fraction) / gaps.size())),
                () -> false);
        fetched.addAll(page.bars());
        events.addAll(page.actions());
        listing = listing != null ? listing : page.listing().orElse(null);
      }
      if (listing != null) {
        describe(s, client.source(), marketGiven ? listing.withoutMarket() : listing);
      }
      BarImporter.SeriesWrites writes = BarImporter.SeriesWrites.NONE;
      if (client.source() == DataSource.YAHOO) {
        // Described above: the zone the events' days are counted in may just have been learned.
        SymbolInfo described = symbols.find(s.seriesKey()).orElse(s);
        FetchedActions yahoo =
            FetchedActions.of(
                described,
                interval.code(),
                events,
                actions.actions(s.seriesKey()).actions(),
                actions.basis(s.seriesKey(), interval.code()).orElse(null),
                fetchedAt);
        if (!yahoo.rebase().isEmpty()) {
          log.info(
              "{} {}: rebasing the stored bars by the new splits {}",
              s.symbol(),
              interval.code(),
              yahoo.rebase());
        }
        writes = yahoo;
      }
      BarImporter.Outcome outcome =
          importer.importRows(
              handler -> {
                int line = 0;
                for (FetchedBar b : fetched) {
                  line++;
                  // Exchanges round open or close a tick outside [low, high] now and then (see
                  // CandleReader);
                  // the stored bar's range covers them, as market_data's check requires.
                  double high = Math.max(b.high(), Math.max(b.open(), b.close()));
                  double low = Math.min(b.low(), Math.min(b.open(), b.close()));
                  handler.row(
                      new BarCsv.Row(line, b.time(), b.open(), high, low, b.close(), b.volume()));
                }
              },
              s.symbol(),
              interval.code(),
              true,
              writes);
      importLog.completed(id, outcome);
      symbols.refreshRange(s.symbol(), interval.code());
    } catch (FetchException e) {
      log.warn("Fetch of {} {} failed: {}", s.symbol(), interval.code(), e.getMessage());
      importLog.failed(id, e.getMessage());
    } catch (IOException | RuntimeException e) {
      log.error("Fetch import {} failed", id, e);
      importLog.failed(id, "The fetch failed unexpectedly; see the server log.");
    }
  }

  /**
   * A symbol this source's fetch created learns its name, market, asset class, currency and zone
   * from the exchange's answer (the defaults guessed from its ticker can be wrong: SPY trades on
   * NYSE Arca, 7203.T in yen in Tokyo), as long as it has no bars yet: bars already stored were
   * read in the old zone.
   */
  private void describe(SymbolInfo s, DataSource source, Listing listing) {
    if (symbols.describeIfEmpty(s.symbol(), source.code(), listing)) {
      log.info(
          "{} lists {} as {} ({}, {}, {}, {})",
          source.displayName(),
          s.symbol(),
          listing.name(),
          listing.market(),
          listing.assetClass(),
          listing.currency(),
          listing.timeZone());
    }
  }

  /**
   * The parts of [from, to) not covered by what is stored: before the first bar and after the last.
   */
  private List<Instant[]> missing(String symbol, Interval interval, Instant from, Instant to) {
    List<Instant[]> gaps = new ArrayList<>();
    var range =
        symbols.ranges(symbol).stream()
            .filter(r -> r.interval().equals(interval.code()))
            .findFirst();
    if (range.isEmpty()) {
      gaps.add(new Instant[] {from, to});
      return gaps;
    }
    if (from.isBefore(range.get().firstBar())) {
      gaps.add(new Instant[] {from, range.get().firstBar()});
    }
    Instant after = range.get().lastBar().plus(interval.duration());
    if (to.isAfter(after)) {
      gaps.add(new Instant[] {from.isAfter(after) ? from : after, to});
    }
    return gaps;
  }

  /** The symbol as typed, or a field error when it cannot be one. */
  private static String validSymbol(String symbol) {
    if (symbol == null || !SYMBOL.matcher(symbol).matches()) {
      throw new FieldValidationException(
          "symbol",
          "must be 1-40 letters, digits or . _ ^ = / - (e.g. AAPL, " + "005930.KS, KRW-BTC)");
    }
    return symbol;
  }

  /** A new own series of {@code symbol}, with the shared symbol's board and Korean name if any. */
  private SymbolInfo ownSymbol(String symbol, NewSymbol meta, String key, UUID userId) {
    SymbolInfo own = ownDescription(symbol, meta).resolve(symbol, "csv", key, userId);
    return symbols
        .find(symbol)
        .filter(shared -> shared.ownerId() == null && shared.market().equals(own.market()))
        .map(shared -> own.withBoardAndName(shared.board(), shared.nameKo()))
        .orElse(own);
  }

  /**
   * How a new own series of {@code symbol} is described: as the shared symbol is when there is one
   * (the same instrument, other bars), else by what the uploader said.
   */
  private NewSymbol ownDescription(String symbol, NewSymbol meta) {
    return symbols
        .find(symbol)
        .filter(shared -> shared.ownerId() == null)
        .map(
            shared ->
                new NewSymbol(
                    shared.name(),
                    shared.market(),
                    shared.assetClass(),
                    shared.currency(),
                    shared.timeZone(),
                    shared.tickSize(),
                    shared.lotSize()))
        .orElse(meta);
  }

  /**
   * A fetch's symbol exists before its job runs: the job looks it up. Fetches write shared data.
   */
  private SymbolInfo ensureSymbol(String symbol, NewSymbol meta, String source) {
    if (symbol == null || !SYMBOL.matcher(symbol).matches()) {
      throw new FieldValidationException(
          "symbol",
          "must be 1-40 letters, digits or . _ ^ = / - (e.g. AAPL, " + "005930.KS, KRW-BTC)");
    }
    return symbols
        .find(validSymbol(symbol))
        .orElseGet(
            () -> {
              symbols.createIfMissing(meta.resolve(symbol, source));
              return symbols.find(symbol).orElseThrow();
            });
  }

  /** What an exchange's symbol names tell about it. */
  static NewSymbol defaultsFor(DataSource source, String symbol, String market) {
    return switch (source) {
      case UPBIT ->
          new NewSymbol(
              symbol,
              "UPBIT",
              "crypto",
              symbol.contains("-") ? symbol.substring(0, symbol.indexOf('-')) : "KRW",
              "Asia/Seoul",
              new BigDecimal("0.0001"),
              new BigDecimal("0.00000001"));
      case BINANCE ->
          new NewSymbol(
              symbol,
              "BINANCE",
              "crypto",
              quoteOf(symbol),
              "UTC",
              new BigDecimal("0.00000001"),
              new BigDecimal("0.00000001"));
      case YAHOO ->
          KnownSymbols.of(symbol).isPresent()
              ? KnownSymbols.of(symbol).get().description().withMarket(market)
              : symbol.endsWith(".KS") || symbol.endsWith(".KQ")
                  ? new NewSymbol(
                      symbol, "KRX", "stock", "KRW", "Asia/Seoul", BigDecimal.ONE, BigDecimal.ONE)
                  : new NewSymbol(
                      symbol,
                      market == null ? "NASDAQ" : market,
                      // ^GSPC, ^KS11: Yahoo's index tickers; its chart's meta says the rest.
                      symbol.startsWith("^") ? "index" : "stock",
                      "USD",
                      "America/New_York",
                      new BigDecimal("0.01"),
                      BigDecimal.ONE);
    };
  }

  private static String quoteOf(String symbol) {
    for (String quote :
        List.of("USDT", "USDC", "FDUSD", "BUSD", "BTC", "ETH", "BNB", "EUR", "TRY", "KRW")) {
      if (symbol.endsWith(quote) && symbol.length() > quote.length()) {
        return quote;
      }
    }
    return "USDT";
  }
}
