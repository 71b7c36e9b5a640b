package com.tradingbacktest.app.backtest.montecarlo;

import com.tradingbacktest.app.backtest.BacktestResults;
import com.tradingbacktest.app.backtest.BacktestSettings;
import com.tradingbacktest.app.backtest.JobQueue;
import com.tradingbacktest.app.backtest.RunResult;
import com.tradingbacktest.app.backtest.StoredRun;
import com.tradingbacktest.app.backtest.TooManyRuns;
import com.tradingbacktest.app.backtest.run.BacktestStatusResponse;
import com.tradingbacktest.app.common.error.FieldValidationException;
import com.tradingbacktest.app.common.error.NotFoundException;
import com.tradingbacktest.engine.robust.MonteCarloMethod;
import com.tradingbacktest.engine.robust.MonteCarloSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Monte Carlo analyses of the caller's completed runs: checked against the run (its trades and
 * bars) and the budget, stored with their seed, and queued as one job each.
 */
@Service
class MonteCarloService {

  /**
   * A drawn seed stays within 2^53 - 1, the largest integer a JSON number keeps exactly in a
   * browser (JavaScript's doubles), so the seed a page shows repeats the analysis when sent back.
   */
  static final long MAX_DRAWN_SEED = (1L << 53) - 1;

  /** Paths x steps one analysis may draw: about a second of work on one core. */
  static final long MAX_PATH_STEPS = 1_000_000_000L;

  /** Analyses kept per run: a new one deletes the oldest beyond these. */
  static final int KEPT_PER_RUN = 20;

  private final BacktestResults runs;
  private final MonteCarloRepository analyses;
  private final JobQueue queue;
  private final BacktestSettings settings;
  private final TransactionTemplate transaction;
  private final JsonMapper json;

  MonteCarloService(
      BacktestResults runs,
      MonteCarloRepository analyses,
      JobQueue queue,
      BacktestSettings settings,
      TransactionTemplate transaction,
      JsonMapper json) {
    this.runs = runs;
    this.analyses = analyses;
    this.queue = queue;
    this.settings = settings;
    this.transaction = transaction;
    this.json = json;
  }

  UUID create(UUID userId, UUID backtestId, MonteCarloRequest request) {
    StoredRun run = runs.find(userId, backtestId).orElseThrow(() -> runNotFound(backtestId));
    if (!run.isCompleted() || run.result() == null) {
      throw new RunNotCompleted(backtestId, run.status());
    }
    RunResult result = run.result();
    Map<String, String> errors = new LinkedHashMap<>();
    MonteCarloMethod method = MonteCarloMethod.SHUFFLE;
    if (request.method() != null) {
      try {
        method = MonteCarloMethod.parse(request.method());
      } catch (IllegalArgumentException e) {
        errors.put("method", e.getMessage());
      }
    }
    int paths = request.paths() == null ? MonteCarloSpec.DEFAULT_PATHS : request.paths();
    int bars = result.barCount();
    boolean byBars = method == MonteCarloMethod.BLOCK_BOOTSTRAP;
    long steps = byBars ? Math.max(0, bars - 1) : result.roundTripCount();
    if (request.blockLength() != null) {
      if (!byBars) {
        errors.put("block_length", "applies to block_bootstrap only");
      } else if (request.blockLength() > bars) {
        errors.put("block_length", "must be at most the run's " + bars + " bars");
      }
    }
    if (errors.isEmpty()) {
      if (byBars && bars < 2) {
        errors.put("method", "the run has fewer than two bars: no bar return to resample");
      } else if (!byBars && steps == 0) {
        errors.put(
            "method",
            "the run closed no trade: nothing to "
                + (method == MonteCarloMethod.SHUFFLE ? "shuffle" : "draw")
                + "; use block_bootstrap to resample its bar returns");
      } else if (paths * steps > MAX_PATH_STEPS) {
        errors.put(
            "paths",
            paths
                + " paths x "
                + steps
                + (byBars ? " bar returns" : " trades")
                + " = "
                + paths * steps
                + " steps, more than the budget of "
                + MAX_PATH_STEPS
                + "; take fewer paths");
      }
    }
    if (!errors.isEmpty()) {
      throw new FieldValidationException(errors);
    }
    double ruinEquity =
        request.ruinEquity() != null
            ? request.ruinEquity()
            : run.initialCapital().doubleValue() / 2;
    long seed =
        request.seed() != null
            ? request.seed()
            : ThreadLocalRandom.current().nextLong(-MAX_DRAWN_SEED, MAX_DRAWN_SEED + 1);
    UUID id = UUID.randomUUID();
    String methodName = method.jsonName();
    transaction.executeWithoutResult(
        tx -> {
          analyses.lockUser(userId);
          if (analyses.countActive(userId) >= settings.maxConcurrentRunsPerUser()) {
            throw new TooManyRuns(settings.maxConcurrentRunsPerUser());
          }
          analyses.insert(
              id, backtestId, userId, methodName, paths, seed, request.blockLength(), ruinEquity);
          analyses.prune(backtestId, KEPT_PER_RUN);
        });
    try {
      queue.enqueue(
          id,
          "Monte Carlo " + methodName + " x " + paths + " of run " + backtestId,
          new MonteCarloJob(id));
    } catch (RuntimeException e) {
      analyses.fail(id, "The analysis could not be queued; please try again.");
      throw e;
    }
    return id;
  }

  MonteCarloResponse get(UUID userId, UUID backtestId, UUID id) {
    MonteCarloRow row = analyses.find(id, backtestId, userId, true).orElseThrow(() -> notFound(id));
    MonteCarloOutcome o = outcome(row);
    return MonteCarloResponse.of(
        summary(row, o), o == null ? null : o.bands(), o == null ? null : o.histograms());
  }

  List<MonteCarloSummary> list(UUID userId, UUID backtestId) {
    if (runs.find(userId, backtestId).isEmpty()) {
      throw runNotFound(backtestId);
    }
    return analyses.list(backtestId, userId).stream()
        .map(row -> summary(row, outcome(row)))
        .toList();
  }

  private MonteCarloOutcome outcome(MonteCarloRow row) {
    return row.result() == null ? null : json.readValue(row.result(), MonteCarloOutcome.class);
  }

  /** The analysis as the list shows it; the result fields stay null until {@code o} is there. */
  private static MonteCarloSummary summary(MonteCarloRow row, MonteCarloOutcome o) {
    return new MonteCarloSummary(
        row.id(),
        row.backtestId(),
        row.status(),
        row.error(),
        row.method(),
        row.paths(),
        row.seed(),
        o == null ? row.blockLength() : o.blockLength(),
        row.ruinEquity(),
        o == null ? null : o.steps(),
        o == null ? null : o.stepUnit(),
        row.createdAt(),
        row.completedAt(),
        BacktestStatusResponse.durationMs(row.startedAt(), row.completedAt()),
        o == null ? null : o.finalEquity(),
        o == null ? null : o.maxDrawdown(),
        o == null ? null : o.cagr(),
        o == null ? null : o.longestDrawdown(),
        o == null ? null : o.probabilityOfRuin(),
        o == null ? null : o.original());
  }

  /** Deletes an analysis; a running one stops at its next check. */
  void delete(UUID userId, UUID backtestId, UUID id) {
    if (!analyses.delete(id, backtestId, userId)) {
      throw notFound(id);
    }
    queue.delete(id, "Monte Carlo analysis deleted by the user");
  }

  private static NotFoundException runNotFound(UUID id) {
    return new NotFoundException("Backtest " + id);
  }

  private static NotFoundException notFound(UUID id) {
    return new NotFoundException("Monte Carlo analysis " + id);
  }
}
