package com.tradingbacktest.app.backtest;

import com.tradingbacktest.app.backtest.run.BacktestRepository;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/** How other features (analytics) read stored runs: only the user's own, as for the API. */
@Service
public class BacktestResults {

  private final BacktestRepository runs;
  private final JsonMapper json;

  BacktestResults(BacktestRepository runs, JsonMapper json) {
    this.runs = runs;
    this.json = json;
  }

  /** The run if it is {@code userId}'s; empty when missing or someone else's. */
  public Optional<StoredRun> find(UUID userId, UUID id) {
    return runs.find(id, userId)
        .map(
            row -> {
              RunSettings settings = json.readValue(row.settings(), RunSettings.class);
              return new StoredRun(
                  row.id(),
                  row.status().code(),
                  row.strategyId(),
                  row.strategyName(),
                  row.symbol(),
                  row.symbolCount(json),
                  row.interval(),
                  row.startDate(),
                  row.endDate(),
                  row.initialCapital(),
                  json.readValue(row.parameters(), JsonTypes.DOUBLES),
                  settings.currency(),
                  settings.timeZone(),
                  settings.riskFreeRate(),
                  row.result() == null ? null : json.readValue(row.result(), RunResult.class),
                  row.seriesKey());
            });
  }

  /**
   * The full per-bar series of a completed run; empty for a run without one. Check access with
   * {@link #find} first.
   */
  public Optional<RunSeries> series(UUID id) {
    return runs.series(id);
  }
}
