package com.tradingbacktest.app.backtest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/**
 * A run as other features (analytics) read it.
 *
 * @param status pending, running, completed, failed or cancelled
 * @param symbolCount how many symbols it trades: 1, or a portfolio run's universe
 * @param parameters the parameter values used
 * @param currency the symbol's currency (money in the result is in it)
 * @param timeZone the symbol's zone (days and months of the result are counted in it)
 * @param riskFreeRate the annual risk-free rate its Sharpe and Sortino ratios used
 * @param result null unless completed
 * @param seriesKey the key of the series it read ({@code MarketDataService.series})
 */
public record StoredRun(
    UUID id,
    String status,
    UUID strategyId,
    String strategyName,
    String symbol,
    int symbolCount,
    String interval,
    LocalDate startDate,
    LocalDate endDate,
    BigDecimal initialCapital,
    Map<String, Double> parameters,
    String currency,
    String timeZone,
    double riskFreeRate,
    RunResult result,
    String seriesKey) {

  public boolean isCompleted() {
    return RunStatus.COMPLETED.code().equals(status);
  }
}
