package com.tradingbacktest.app.marketdata;

import com.tradingbacktest.app.common.error.FieldValidationException;
import com.tradingbacktest.app.common.error.NotFoundException;
import com.tradingbacktest.app.marketdata.fetch.BinanceFundingClient;
import com.tradingbacktest.app.marketdata.fetch.FetchException;
import com.tradingbacktest.app.marketdata.fetch.FundingRate;
import java.io.IOException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.web.multipart.MultipartFile;

/**
 * Funding-rate series of perpetual futures (docs/DATA.md#funding-rates): CSV uploads into your own
 * series of a symbol (administrators: the shared one), fetches of Binance's funding history into
 * the shared series, reads with the same ownership rules as bars, and the series a run is charged.
 */
@Service
public class FundingService {

  private static final Logger log = LoggerFactory.getLogger(FundingService.class);

  /** The largest funding CSV accepted: room for {@link FundingCsv#MAX_ROWS} long lines. */
  static final long MAX_FILE_BYTES = 8L * 1024 * 1024;

  /**
   * The most rates one series may hold: twice a century of 8-hourly funding. Each import and fetch
   * is bounded on its own; this bounds what repeated ones add up to.
   */
  static final long MAX_SERIES_RATES = 220_000;

  /** The most rates a read answers at once. */
  static final int MAX_PAGE = 10_000;

  private final MarketDataService data;
  private final FundingRepository rates;
  private final BinanceFundingClient binance;

  FundingService(MarketDataService data, FundingRepository rates, BinanceFundingClient binance) {
    this.data = data;
    this.rates = rates;
    this.binance = binance;
  }

  /**
   * Imports a {@code time,rate} CSV into a series {@code userId} may write: their own upload of the
   * ticker (which must exist: funding belongs to bars), or, for administrators asking for it, the
   * shared series. All or nothing.
   */
  FundingSeriesView importCsv(
      UUID userId, boolean admin, Dataset dataset, MultipartFile file, String ticker)
      throws IOException {
    SymbolInfo s =
        data.uploadTarget(
            userId,
            admin,
            dataset,
            file,
            ticker,
            MAX_FILE_BYTES,
            "funding belongs to a series of bars");
    FundingCsv.Outcome outcome = FundingCsv.read(file, s.zone());
    if (outcome.problemCount() > 0) {
      throw ImportRejected.badRows(outcome.problems(), outcome.problemCount(), null);
    }
    if (outcome.rates().isEmpty()) {
      throw ImportRejected.of("The file has no funding rates; nothing was imported.");
    }
    checkRoom(s, outcome.rates().size());
    rates.store(s.seriesKey(), outcome.rates());
    log.info(
        "Imported {} funding rates of {} ({})", outcome.rates().size(), ticker, s.dataset().code());
    return view(s, Instant.EPOCH, Instant.EPOCH, 0);
  }

  /**
   * Fetches Binance's funding history of {@code ticker} in [from, to) into its shared series (the
   * exchange's data, whoever asks, as bar fetches are); the shared symbol must exist.
   */
  FundingSeriesView fetchFromBinance(UUID userId, String ticker, Instant from, Instant to) {
    SymbolInfo s =
        data.symbol(userId, ticker, Dataset.SHARED)
            .orElseThrow(
                () ->
                    new FieldValidationException(
                        "symbol",
                        "there is no shared series of "
                            + ticker
                            + "; fetch its bars from Binance first"));
    List<FundingRate> fetched;
    try {
      fetched = binance.fetch(ticker, from, to, () -> Thread.currentThread().isInterrupted());
    } catch (FetchException e) {
      log.info("Funding fetch of {} failed: {}", ticker, e.getMessage());
      throw new FundingFetchFailed(e);
    }
    if (!fetched.isEmpty()) {
      checkRoom(s, fetched.size());
      rates.store(s.seriesKey(), fetched);
    }
    log.info("Fetched {} funding rates of {} from Binance", fetched.size(), ticker);
    return view(s, Instant.EPOCH, Instant.EPOCH, 0);
  }

  /** The series of {@code ticker} that {@code userId} reads, with its rates in [from, to). */
  FundingSeriesView read(
      UUID userId, String ticker, Dataset dataset, Instant from, Instant to, int limit) {
    SymbolInfo s =
        data.symbol(userId, ticker, dataset)
            .orElseThrow(() -> new NotFoundException("Symbol " + ticker));
    return view(s, from, to, limit);
  }

  /** Whether the symbol stored under {@code seriesKey} is a perpetual futures contract. */
  public boolean perpetual(String seriesKey) {
    return rates.perpetual(seriesKey);
  }

  /**
   * The funding a run over [from, to) of the series {@code seriesKey} is charged, oldest first; at
   * most {@code limit} rates (the caller's memory budget).
   */
  public FundingSeries ratesFor(String seriesKey, Instant from, Instant to, int limit) {
    List<FundingRate> loaded = rates.load(seriesKey, from, to, limit);
    long[] times = new long[loaded.size()];
    double[] values = new double[loaded.size()];
    for (int i = 0; i < times.length; i++) {
      times[i] = loaded.get(i).time();
      values[i] = loaded.get(i).rate();
    }
    return new FundingSeries(times, values);
  }

  /** Of {@code seriesKeys}, the perpetual futures' (one query for a whole portfolio). */
  public Set<String> perpetuals(Collection<String> seriesKeys) {
    return seriesKeys.isEmpty() ? Set.of() : rates.perpetuals(seriesKeys);
  }

  /** Of {@code seriesKeys}, those with funding rates stored (one query for a whole portfolio). */
  public Set<String> withRates(Collection<String> seriesKeys) {
    return seriesKeys.isEmpty() ? Set.of() : rates.withRates(seriesKeys);
  }

  /** Whether any funding rate is stored for the series. */
  public boolean hasRates(String seriesKey) {
    return rates.extent(seriesKey).isPresent();
  }

  /** Refuses rates that could take the series past {@link #MAX_SERIES_RATES}. */
  private void checkRoom(SymbolInfo s, int adding) {
    long stored = rates.extent(s.seriesKey()).map(FundingRepository.Extent::count).orElse(0L);
    if (stored + adding > MAX_SERIES_RATES) {
      throw ImportRejected.of(
          "The funding series of "
              + s.symbol()
              + " would hold more than "
              + MAX_SERIES_RATES
              + " rates; nothing was imported.");
    }
  }

  private FundingSeriesView view(SymbolInfo s, Instant from, Instant to, int limit) {
    FundingRepository.Extent extent = rates.extent(s.seriesKey()).orElse(null);
    List<FundingRate> page =
        limit == 0 || extent == null ? List.of() : rates.load(s.seriesKey(), from, to, limit + 1);
    Instant next = null;
    if (page.size() > limit) {
      next = Instant.ofEpochMilli(page.get(limit).time());
      page = page.subList(0, limit);
    }
    return new FundingSeriesView(
        s.symbol(),
        s.dataset().code(),
        rates.perpetual(s.seriesKey()),
        extent == null ? 0 : extent.count(),
        extent == null ? null : extent.first(),
        extent == null ? null : extent.last(),
        page.stream()
            .map(r -> new FundingSeriesView.Rate(Instant.ofEpochMilli(r.time()), r.rate()))
            .toList(),
        next);
  }
}
