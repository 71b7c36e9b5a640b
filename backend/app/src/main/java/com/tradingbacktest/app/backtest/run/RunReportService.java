package com.tradingbacktest.app.backtest.run;

import com.tradingbacktest.app.backtest.JsonTypes;
import com.tradingbacktest.app.backtest.RunNotCompleted;
import com.tradingbacktest.app.backtest.RunResult;
import com.tradingbacktest.app.backtest.RunSettings;
import com.tradingbacktest.app.backtest.RunStatus;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/** A completed run of yours as a downloadable HTML report ({@link RunReport}). */
@Service
class RunReportService {

  /** The report and the name to save it under. */
  record Report(String fileName, String html) {}

  private final BacktestRepository runs;
  private final RunDocumentRepository documents;
  private final RoundTripService roundTrips;
  private final JsonMapper json;
  private final Clock clock;

  RunReportService(
      BacktestRepository runs,
      RunDocumentRepository documents,
      RoundTripService roundTrips,
      JsonMapper json,
      Clock clock) {
    this.runs = runs;
    this.documents = documents;
    this.roundTrips = roundTrips;
    this.json = json;
    this.clock = clock;
  }

  Report report(UUID userId, UUID id, Locale locale) {
    BacktestRow row = runs.find(id, userId).orElseThrow(() -> BacktestService.notFound(id));
    if (row.status() != RunStatus.COMPLETED || row.result() == null) {
      throw new RunNotCompleted(id, row.status().code());
    }
    RunDocument document = documents.find(id, userId).orElse(RunDocument.EMPTY);
    RunResult result = json.readValue(row.result(), RunResult.class);
    RunSettings settings = json.readValue(row.settings(), RunSettings.class);
    List<String> symbols =
        row.isPortfolio()
            ? json.readValue(row.portfolio(), PortfolioSetup.class).tickers()
            : List.of(row.symbol());
    String currency =
        result.portfolio() != null ? result.portfolio().baseCurrency() : settings.currency();
    String zone = result.portfolio() != null ? result.portfolio().timeZone() : settings.timeZone();
    var trades =
        roundTrips.page(
            userId,
            id,
            new RoundTripService.Query(null, null, null, null, null),
            0,
            RunReport.MAX_TRADES);
    String name = document.displayName(row.strategyName(), row.symbol(), symbols.size());
    RunReport.Content content =
        new RunReport.Content(
            name,
            row.strategyName(),
            row.strategyCode(),
            document.notes(),
            symbols,
            row.interval(),
            row.startDate() + " → " + row.endDate(),
            row.initialCapital(),
            json.readValue(row.parameters(), JsonTypes.DOUBLES),
            settings,
            row.benchmarkSymbol(),
            row.completedAt(),
            result,
            trades.items(),
            trades.totalItems());
    ReportFormat format =
        new ReportFormat(locale, currency, ZoneId.of(zone == null ? "UTC" : zone));
    return new Report(fileName(name), RunReport.render(content, format, clock.instant()));
  }

  /** The run's name made safe as a file name on every system, and short. */
  static String fileName(String name) {
    String safe = name.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]+", "_").strip();
    if (safe.length() > 100) {
      safe = safe.substring(0, 100);
    }
    return (safe.isEmpty() ? "run" : safe) + "-report.html";
  }
}
