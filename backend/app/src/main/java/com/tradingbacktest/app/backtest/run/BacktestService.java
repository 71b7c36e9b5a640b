package com.tradingbacktest.app.backtest.run;

import com.tradingbacktest.app.backtest.BacktestSettings;
import com.tradingbacktest.app.backtest.JobQueue;
import com.tradingbacktest.app.backtest.JsonTypes;
import com.tradingbacktest.app.backtest.RunResult;
import com.tradingbacktest.app.backtest.RunSettings;
import com.tradingbacktest.app.backtest.RunStatus;
import com.tradingbacktest.app.backtest.TooManyRuns;
import com.tradingbacktest.app.common.error.FieldValidationException;
import com.tradingbacktest.app.common.error.NotFoundException;
import com.tradingbacktest.app.common.web.PageResponse;
import com.tradingbacktest.app.marketdata.BarsFingerprint;
import com.tradingbacktest.app.marketdata.MarketDataService;
import com.tradingbacktest.engine.series.Interval;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs as the API sees them: create and queue, read, list, cancel and delete, fills. Only your own
 * runs exist for you.
 */
@Service
public class BacktestService {

  private final RunSettingsResolver resolver;
  private final MarketDataService marketData;
  private final BacktestRepository runs;
  private final PlotRepository plots;
  private final JobQueue queue;
  private final BacktestSettings settings;
  private final TransactionTemplate transaction;
  private final JsonMapper json;
  private final RunPrices runPrices;
  private final RunDocumentRepository documents;
  private final ShareRepository shares;

  BacktestService(
      RunSettingsResolver resolver,
      MarketDataService marketData,
      BacktestRepository runs,
      PlotRepository plots,
      JobQueue queue,
      BacktestSettings settings,
      TransactionTemplate transaction,
      JsonMapper json,
      RunPrices runPrices,
      RunDocumentRepository documents,
      ShareRepository shares) {
    this.runPrices = runPrices;
    this.documents = documents;
    this.shares = shares;
    this.resolver = resolver;
    this.marketData = marketData;
    this.runs = runs;
    this.plots = plots;
    this.queue = queue;
    this.settings = settings;
    this.transaction = transaction;
    this.json = json;
  }

  BacktestStatusResponse create(UUID userId, BacktestRequest request) {
    return BacktestStatusResponse.of(
        runs.findSummary(start(userId, resolver.resolve(userId, request)), userId).orElseThrow());
  }

  /**
   * Runs one of {@code userId}'s runs again: its stored code, resolved settings and parameters on
   * the same series (their own upload or the shared one), as a new run that remembers which it
   * repeats.
   */
  BacktestStatusResponse rerun(UUID userId, UUID id) {
    BacktestRow original = runs.find(id, userId).orElseThrow(() -> notFound(id));
    ResolvedRun run = resolver.repeat(userId, original, original.parameters());
    return BacktestStatusResponse.of(
        runs.findSummary(start(userId, run, id), userId).orElseThrow());
  }

  /**
   * Stores a resolved run as pending and queues it. The row commits before the job exists: a worker
   * that picks the job up at once must find it.
   */
  public UUID start(UUID userId, ResolvedRun run) {
    return start(userId, run, null);
  }

  private UUID start(UUID userId, ResolvedRun run, UUID rerunOf) {
    UUID id = UUID.randomUUID();
    transaction.executeWithoutResult(
        tx -> {
          requireRoomToStart(userId);
          runs.insert(
              id,
              userId,
              run,
              json.writeValueAsString(run.settings()),
              json.writeValueAsString(run.parameters()),
              run.portfolio() == null ? null : json.writeValueAsString(run.portfolio()),
              rerunOf);
        });
    try {
      queue.enqueue(
          id,
          "Backtest "
              + run.strategy().name()
              + " on "
              + (run.isPortfolio()
                  ? run.portfolio().symbols().size() + " symbols"
                  : run.symbol().symbol())
              + " "
              + run.interval().code(),
          new RunBacktestJob(id));
    } catch (RuntimeException e) {
      runs.fail(id, "The run could not be queued; please try again.");
      throw e;
    }
    return id;
  }

  /**
   * In the caller's transaction: takes {@code userId}'s lock, which serialises their starts until
   * the transaction ends, then refuses (429) when their pending and running runs and optimisations
   * together, counted under that lock so that no concurrent start slips past, have reached the most
   * they may have at once.
   */
  public void requireRoomToStart(UUID userId) {
    runs.lockUser(userId);
    if (runs.countActiveWork(userId) >= settings.maxConcurrentRunsPerUser()) {
      throw new TooManyRuns(settings.maxConcurrentRunsPerUser());
    }
  }

  BacktestResponse get(UUID userId, UUID id) {
    BacktestRow row = runs.find(id, userId).orElseThrow(() -> notFound(id));
    RunResult result = row.result() == null ? null : json.readValue(row.result(), RunResult.class);
    RunDocument document = documents.find(id, userId).orElse(RunDocument.EMPTY);
    return new BacktestResponse(
        row.id(),
        row.status().code(),
        row.progress(),
        row.error(),
        row.strategyId(),
        row.strategyName(),
        row.strategyCode(),
        row.strategyVersion(),
        row.symbol(),
        row.interval(),
        row.startDate(),
        row.endDate(),
        row.initialCapital(),
        json.readValue(row.parameters(), JsonTypes.DOUBLES),
        json.readValue(row.settings(), RunSettings.class),
        row.createdAt(),
        row.startedAt(),
        row.completedAt(),
        BacktestStatusResponse.durationMs(row.startedAt(), row.completedAt()),
        row.attempts(),
        result,
        row.dataset(),
        row.dataFingerprint(),
        dataChanged(row),
        row.rerunOf(),
        sameDataAsOriginal(userId, row),
        plots.list(id),
        row.benchmarkSymbol(),
        row.isPortfolio()
            ? json.readValue(row.portfolio(), PortfolioSetup.class).tickers()
            : List.of(row.symbol()),
        document.displayName(row.strategyName(), row.symbol(), row.symbolCount(json)),
        document.notes(),
        document.tags(),
        shares.find(id).map(ShareResponse::of).orElse(null),
        row.requestedStartDate() == null ? row.startDate() : row.requestedStartDate(),
        row.requestedEndDate() == null ? row.endDate() : row.requestedEndDate());
  }

  /**
   * Renames {@code userId}'s run {@code id}, or rewrites its notes or tags: each part given
   * replaces the stored one, an absent part stays.
   */
  BacktestResponse edit(UUID userId, UUID id, RunDocumentRequest request) {
    if (request.name() != null && request.name().isBlank()) {
      throw new FieldValidationException("name", "must not be blank");
    }
    List<String> tags = request.tags() == null ? null : RunDocument.normaliseTags(request.tags());
    String name = request.name() == null ? null : request.name().strip();
    if (!documents.update(id, userId, name, request.notes(), tags)) {
      throw notFound(id);
    }
    return get(userId, id);
  }

  /**
   * Whether the stored bars of the run's series and dates differ now from those it read (their
   * fingerprints); null before it read any.
   */
  private Boolean dataChanged(BacktestRow row) {
    if (row.dataFingerprint() == null) {
      return null;
    }
    if (row.isPortfolio()) {
      return portfolioDataChanged(row);
    }
    String benchmarkKey = row.benchmarkSeriesKey();
    if (marketData.series(row.seriesKey()).isEmpty()
        || (benchmarkKey != null && marketData.series(benchmarkKey).isEmpty())) {
      return true;
    }
    Interval interval = Interval.fromCode(row.interval());
    RunSettings.Prices prices = json.readValue(row.settings(), RunSettings.class).prices();
    // Nothing written to the series since the run started reading and no corporate action changed:
    // its bars are the ones stored now, and the view needs no reload (a read of a run must not cost
    // a pass over its bars).
    if (unwrittenSince(row.seriesKey(), interval, row.startedAt())
        && (benchmarkKey == null || unwrittenSince(benchmarkKey, interval, row.startedAt()))
        && samePriceInputs(row, prices, interval)) {
      return false;
    }
    RunPrices.Priced now =
        runPrices.read(
            row.seriesKey(),
            interval,
            marketData.loadDays(row.seriesKey(), interval, row.startDate(), row.endDate()),
            prices);
    RunPrices.Priced benchmarkNow =
        benchmarkKey == null
            ? null
            : runPrices.benchmark(
                benchmarkKey,
                interval,
                BenchmarkBars.read(
                    marketData,
                    benchmarkKey,
                    interval,
                    row.startDate(),
                    row.endDate(),
                    now.bars().zone()),
                prices);
    return !RunPrices.fingerprint(now, benchmarkNow).equals(row.dataFingerprint());
  }

  /**
   * Whether the corporate actions and bases the run's prices depended on are as they were: the hash
   * of their text now against the one stored with the run.
   */
  private boolean samePriceInputs(BacktestRow row, RunSettings.Prices prices, Interval interval) {
    if (prices == null || prices.asStored()) {
      return true;
    }
    List<String> keys = new java.util.ArrayList<>();
    if (row.isPortfolio()) {
      keys.addAll(
          json.readValue(row.portfolio(), PortfolioSetup.class).symbols().stream()
              .map(PortfolioSetup.Member::seriesKey)
              .toList());
    } else {
      keys.add(row.seriesKey());
    }
    String now = runPrices.inputsOf(keys, row.benchmarkSeriesKey(), interval, prices);
    return java.util.Objects.equals(
        BarsFingerprint.ofPriceInputs(now), row.priceInputsFingerprint());
  }

  /** {@link #dataChanged} of a portfolio run: any of its symbols, FX series or benchmark. */
  private boolean portfolioDataChanged(BacktestRow row) {
    PortfolioSetup setup = json.readValue(row.portfolio(), PortfolioSetup.class);
    List<String> keys = new java.util.ArrayList<>(PortfolioBars.seriesKeys(setup));
    String benchmarkKey = row.benchmarkSeriesKey();
    if (benchmarkKey != null) {
      keys.add(benchmarkKey);
    }
    if (!marketData.seriesAll(keys).keySet().containsAll(keys)) {
      return true;
    }
    Interval interval = Interval.fromCode(row.interval());
    RunSettings.Prices prices = json.readValue(row.settings(), RunSettings.class).prices();
    if (keys.stream().allMatch(k -> unwrittenSince(k, interval, row.startedAt()))
        && samePriceInputs(row, prices, interval)) {
      return false;
    }
    try {
      PortfolioBars now =
          PortfolioBars.load(
              marketData, runPrices, prices, setup, interval, row.startDate(), row.endDate());
      RunPrices.Priced benchmarkNow =
          benchmarkKey == null
              ? null
              : runPrices.benchmark(
                  benchmarkKey,
                  interval,
                  BenchmarkBars.read(
                      marketData,
                      benchmarkKey,
                      interval,
                      row.startDate(),
                      row.endDate(),
                      java.time.ZoneId.of(setup.timeZone())),
                  prices);
      return !BarsFingerprint.withPriceInputs(
              BarsFingerprint.ofPortfolio(
                  now.universe(),
                  List.copyOf(now.fx().values()),
                  benchmarkNow == null ? null : benchmarkNow.bars()),
              RunPrices.portfolioInputs(now, benchmarkNow))
          .equals(row.dataFingerprint());
    } catch (RunFailure e) {
      return true; // a series is gone
    }
  }

  private boolean unwrittenSince(String seriesKey, Interval interval, Instant started) {
    Instant lastWrite = marketData.lastWrite(seriesKey, interval).orElse(null);
    return lastWrite != null && started != null && !lastWrite.isAfter(started);
  }

  /**
   * For a rerun, whether it read exactly the bars its original read; null for a first run and until
   * both have read theirs.
   */
  private Boolean sameDataAsOriginal(UUID userId, BacktestRow row) {
    if (row.rerunOf() == null || row.dataFingerprint() == null) {
      return null;
    }
    return runs.find(row.rerunOf(), userId)
        .map(BacktestRow::dataFingerprint)
        .map(row.dataFingerprint()::equals)
        .orElse(null);
  }

  public BacktestStatusResponse status(UUID userId, UUID id) {
    return BacktestStatusResponse.of(runs.findSummary(id, userId).orElseThrow(() -> notFound(id)));
  }

  PageResponse<BacktestSummary> list(
      UUID userId, RunFilter filter, int page, int size, String sort) {
    long total = runs.count(userId, filter);
    List<BacktestRow> rows = runs.list(userId, filter, RunSort.orderBy(sort), page * size, size);
    Map<UUID, RunDocument> written =
        documents.findAll(rows.stream().map(BacktestRow::id).toList(), userId);
    List<BacktestSummary> items =
        rows.stream()
            .map(row -> summary(row, written.getOrDefault(row.id(), RunDocument.EMPTY)))
            .toList();
    return PageResponse.of(items, page, size, total);
  }

  public enum Removal {
    CANCELLED,
    DELETED
  }

  /**
   * Cancels a queued or running run (it stays listed, as cancelled), or deletes a final one with
   * its fills.
   */
  Removal remove(UUID userId, UUID id) {
    BacktestRow row = runs.findSummary(id, userId).orElseThrow(() -> notFound(id));
    if (!row.status().isFinal() && runs.cancel(id, userId)) {
      if (row.status() == RunStatus.PENDING) {
        queue.delete(id, "Cancelled by the user");
      }
      return Removal.CANCELLED;
    }
    // Final, or it became final just before the cancel: delete it.
    if (runs.delete(id, userId)) {
      return Removal.DELETED;
    }
    throw notFound(id);
  }

  /**
   * A page of the run's fills; with {@code symbol} only that symbol's (a single-symbol run's are
   * all of its one symbol, and none of any other).
   */
  PageResponse<FillView> fills(UUID userId, UUID id, String symbol, int page, int size) {
    BacktestRow row = runs.findSummary(id, userId).orElseThrow(() -> notFound(id));
    String filter = symbol == null || symbol.isBlank() ? null : symbol.trim();
    if (!row.isPortfolio() && filter != null) {
      if (!filter.equalsIgnoreCase(row.symbol())) {
        return PageResponse.of(List.of(), page, size, 0);
      }
      filter = null;
    }
    long total = runs.countFills(id, filter);
    List<FillView> items =
        (long) page * size >= total
            ? List.of()
            : runs.fills(id, filter, page * size, size).stream()
                .map(f -> f.withSymbol(row.symbol()))
                .toList();
    return PageResponse.of(items, page, size, total);
  }

  /** Checks access before the response starts; the returned writer streams every fill as CSV. */
  FillsCsv fillsCsv(UUID userId, UUID id) {
    BacktestRow row = runs.findSummary(id, userId).orElseThrow(() -> notFound(id));
    return new FillsCsv(
        row.symbol() + "-" + id.toString().substring(0, 8) + "-fills.csv",
        out -> writeCsv(id, row.isPortfolio(), out));
  }

  record FillsCsv(String fileName, CsvBody body) {}

  interface CsvBody {
    void writeTo(OutputStream out) throws IOException;
  }

  /**
   * A portfolio run's CSV adds each fill's symbol; the last column is the fill's note ({@code
   * halted}, {@code limit_locked}, empty for a plain fill).
   */
  private void writeCsv(UUID id, boolean portfolio, OutputStream out) throws IOException {
    Writer writer =
        new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
    writer.write(
        "timestamp,type,price,quantity,commission,tax,bar_index"
            + (portfolio ? ",symbol,note\n" : ",note\n"));
    try {
      runs.streamFills(
          id,
          f -> {
            try {
              writer.write(
                  f.timestamp()
                      + ","
                      + f.type()
                      + ","
                      + f.price().toPlainString()
                      + ","
                      + f.quantity().toPlainString()
                      + ","
                      + f.commission().toPlainString()
                      + ","
                      + f.tax().toPlainString()
                      + ","
                      + (f.barIndex() == null ? "" : f.barIndex())
                      + (portfolio ? "," + f.symbol() : "")
                      + ","
                      + (f.note() == null ? "" : f.note())
                      + "\n");
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    writer.flush();
  }

  private BacktestSummary summary(BacktestRow row, RunDocument document) {
    RunSettings runSettings = json.readValue(row.settings(), RunSettings.class);
    int symbolCount = row.symbolCount(json);
    return new BacktestSummary(
        row.id(),
        row.status().code(),
        row.progress(),
        row.error(),
        row.strategyId(),
        row.strategyName(),
        row.strategyVersion(),
        row.symbol(),
        symbolCount,
        row.dataset(),
        row.interval(),
        row.startDate(),
        row.endDate(),
        row.initialCapital(),
        json.readValue(row.parameters(), JsonTypes.DOUBLES),
        runSettings.currency(),
        row.createdAt(),
        row.startedAt(),
        row.completedAt(),
        BacktestStatusResponse.durationMs(row.startedAt(), row.completedAt()),
        row.result() == null ? null : json.readValue(row.result(), JsonTypes.DOUBLES),
        document.displayName(row.strategyName(), row.symbol(), symbolCount),
        document.tags());
  }

  /** Throws the run's 404 unless {@code userId} owns run {@code id}. */
  void requireVisible(UUID userId, UUID id) {
    if (runs.findSummary(id, userId).isEmpty()) {
      throw notFound(id);
    }
  }

  static NotFoundException notFound(UUID id) {
    return new NotFoundException("Backtest " + id);
  }
}
