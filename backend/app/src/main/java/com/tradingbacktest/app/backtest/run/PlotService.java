package com.tradingbacktest.app.backtest.run;

import com.tradingbacktest.app.backtest.RunNotCompleted;
import com.tradingbacktest.app.backtest.RunSettings;
import com.tradingbacktest.app.backtest.RunStatus;
import com.tradingbacktest.app.common.error.FieldValidationException;
import com.tradingbacktest.app.common.web.TimeParameters;
import com.tradingbacktest.engine.lang.Plot;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/** The series a run's strategy plotted, read back at any range and point budget. */
@Service
class PlotService {

  private final BacktestRepository runs;
  private final PlotRepository plots;
  private final JsonMapper json;

  PlotService(BacktestRepository runs, PlotRepository plots, JsonMapper json) {
    this.runs = runs;
    this.plots = plots;
    this.json = json;
  }

  /**
   * The plots titled in {@code names} (comma-separated; all when absent) over {@code [from, to]},
   * downsampled to {@code points} on one time axis: each bucket keeps its first and last bar and
   * the bars of every chosen series' lowest and highest value, so peaks survive any zoom.
   *
   * @throws com.tradingbacktest.app.common.error.NotFoundException when the run is missing or
   *     someone else's
   * @throws RunNotCompleted when it has no results (yet)
   * @throws FieldValidationException for an unknown title or a malformed or reversed range
   */
  PlotSeriesResponse series(
      UUID userId, UUID id, String names, String from, String to, int points) {
    BacktestRow row = runs.find(id, userId).orElseThrow(() -> BacktestService.notFound(id));
    if (row.status() != RunStatus.COMPLETED) {
      throw new RunNotCompleted(id, row.status().code());
    }
    ZoneId zone = ZoneId.of(json.readValue(row.settings(), RunSettings.class).timeZone());
    long fromTime = TimeParameters.parse("from", from, zone, false, Long.MIN_VALUE);
    long toTime = TimeParameters.parse("to", to, zone, true, Long.MAX_VALUE);
    if (fromTime > toTime) {
      throw new FieldValidationException("to", "must not be before from");
    }
    List<Plot> chosen = plots.load(id, chosenTitles(id, names));
    long[] times =
        runs.times(id)
            .orElseThrow(
                () -> new IllegalStateException("completed run " + id + " has no stored series"));
    return PlotSeriesResponse.of(times, chosen, fromTime, toTime, points);
  }

  /** The titles asked for, each one the run plotted; every title when none are named. */
  private Set<String> chosenTitles(UUID id, String names) {
    Set<String> declared = new LinkedHashSet<>();
    plots.list(id).forEach(p -> declared.add(p.title()));
    if (names == null || names.isBlank()) {
      return declared;
    }
    Set<String> chosen = new LinkedHashSet<>();
    List<String> unknown = new ArrayList<>();
    for (String name : names.split(",", -1)) {
      String title = name.trim();
      if (title.isEmpty()) {
        continue;
      }
      if (declared.contains(title)) {
        chosen.add(title);
      } else {
        unknown.add("'" + (title.length() > 40 ? title.substring(0, 40) + "..." : title) + "'");
      }
    }
    if (!unknown.isEmpty()) {
      throw new FieldValidationException(
          "names",
          "this run has no plot titled "
              + String.join(", ", unknown)
              + (declared.isEmpty()
                  ? "; its strategy plots nothing"
                  : "; its plots are " + String.join(", ", declared)));
    }
    return chosen;
  }
}
