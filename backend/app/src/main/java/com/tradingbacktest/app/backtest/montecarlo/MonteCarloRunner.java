package com.tradingbacktest.app.backtest.montecarlo;

import com.tradingbacktest.app.backtest.BacktestSettings;
import com.tradingbacktest.app.backtest.JobFailures;
import com.tradingbacktest.app.backtest.PolledStop;
import com.tradingbacktest.app.backtest.RunLimits;
import com.tradingbacktest.app.backtest.run.RunReplay;
import com.tradingbacktest.engine.lang.EvaluationLimits;
import com.tradingbacktest.engine.robust.MonteCarlo;
import com.tradingbacktest.engine.robust.MonteCarloInput;
import com.tradingbacktest.engine.robust.MonteCarloMethod;
import com.tradingbacktest.engine.robust.MonteCarloResult;
import com.tradingbacktest.engine.robust.MonteCarloSpec;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs one Monte Carlo analysis on a worker: executes its run again ({@link RunReplay}, which
 * checks that it still ends where it ended), resamples it ({@link MonteCarlo#run}) within the run
 * time limit, and stores the summary. Deleting the analysis (or its run) stops it at the next
 * check.
 */
@Component
class MonteCarloRunner {

  private static final Logger log = LoggerFactory.getLogger(MonteCarloRunner.class);

  /** Points of the fan chart. */
  static final int BAND_POINTS = 200;

  private final MonteCarloRepository analyses;
  private final RunReplay replay;
  private final RunLimits limits;
  private final JobFailures failures;
  private final JsonMapper json;

  MonteCarloRunner(
      MonteCarloRepository analyses,
      RunReplay replay,
      RunLimits limits,
      BacktestSettings settings,
      JsonMapper json) {
    this.analyses = analyses;
    this.replay = replay;
    this.limits = limits;
    this.failures = new JobFailures(limits, settings.maxAttempts());
    this.json = json;
  }

  /**
   * @param failuresSoFar earlier failed attempts of the job (JobRunr's count)
   */
  void run(UUID id, int failuresSoFar) {
    MonteCarloRow row = analyses.findForRun(id).orElse(null);
    if (row == null || !row.isActive() || !analyses.claim(id)) {
      return; // deleted, or finished by an earlier attempt
    }
    failures.run(
        new JobFailures.Work(
            "Monte Carlo " + id,
            "The analysis",
            "The analysis",
            "The analysis",
            "analysis " + id,
            reason -> analyses.fail(id, reason)),
        failuresSoFar,
        () -> {
          EvaluationLimits runLimits = limits.start(new PolledStop(() -> analyses.exists(id)));
          RunReplay.Replayed run = replay.replay(row.backtestId(), runLimits);
          MonteCarloInput input =
              MonteCarloInput.of(run.initialCapital(), run.equity(), run.times(), run.trades());
          MonteCarloSpec spec =
              new MonteCarloSpec(
                  MonteCarloMethod.parse(row.method()),
                  row.paths(),
                  row.seed(),
                  row.blockLength() == null ? 0 : row.blockLength(),
                  row.ruinEquity(),
                  BAND_POINTS);
          MonteCarloResult result = MonteCarlo.run(input, spec, runLimits.control());
          if (analyses.complete(id, json.writeValueAsString(MonteCarloOutcome.of(result)))) {
            log.info(
                "Monte Carlo {} completed: {} paths of {} steps", id, row.paths(), result.steps());
          }
        });
  }
}
