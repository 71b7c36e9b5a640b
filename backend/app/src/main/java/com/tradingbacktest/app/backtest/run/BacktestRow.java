package com.tradingbacktest.app.backtest.run;

import com.tradingbacktest.app.backtest.RunStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;

/**
 * One row of {@code backtests}; the JSON columns as text, {@code result} and the code only when
 * read.
 *
 * @param seriesKey the key of the series it reads (its owner's upload or the shared one)
 * @param dataset own or shared
 * @param dataFingerprint SHA-256 of the bars it read; null until they were read
 * @param rerunOf the run this one repeats, if any
 * @param benchmarkSymbol the benchmark's ticker; null without one
 * @param benchmarkSeriesKey the key of the benchmark's series; null without one
 * @param portfolio the {@link PortfolioSetup} of a portfolio run as JSON; null for one symbol
 * @param requestedStartDate the first day the run asked for (its start_date is clipped to the
 *     data); null in runs stored before issue 21, which asked for their start_date
 * @param requestedEndDate the last day asked for, likewise
 * @param priceInputsFingerprint SHA-256 of what besides its bars decided the prices it read ({@link
 *     RunPrices}); null when it read its bars as stored
 * @param strategyVersion the number of the strategy's version it ran; null when unknown (code given
 *     with the request, or a run older than versions whose code no version matched)
 */
public record BacktestRow(
    UUID id,
    UUID userId,
    UUID strategyId,
    String strategyName,
    String strategyCode,
    String symbol,
    String interval,
    LocalDate startDate,
    LocalDate endDate,
    BigDecimal initialCapital,
    RunStatus status,
    int progress,
    String error,
    String settings,
    String parameters,
    String result,
    Instant createdAt,
    Instant startedAt,
    Instant completedAt,
    int attempts,
    String seriesKey,
    String dataset,
    String dataFingerprint,
    UUID rerunOf,
    String benchmarkSymbol,
    String benchmarkSeriesKey,
    String portfolio,
    String priceInputsFingerprint,
    Integer strategyVersion,
    LocalDate requestedStartDate,
    LocalDate requestedEndDate)
    implements RunSetup {

  public boolean isPortfolio() {
    return portfolio != null;
  }

  /** How many symbols the run trades: a portfolio run's universe, else one. */
  public int symbolCount(JsonMapper json) {
    return portfolio == null ? 1 : json.readValue(portfolio, PortfolioSetup.class).symbols().size();
  }
}
