package com.tradingbacktest.app.backtest.montecarlo;

import com.tradingbacktest.app.backtest.JobQueue;
import com.tradingbacktest.app.backtest.WorkerShare;
import java.util.Optional;
import org.jobrunr.jobs.lambdas.JobRequestHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * JobRunr's entry point for {@link MonteCarloJob}; the work is {@link MonteCarloRunner}'s, once the
 * analysis' user has a worker to spare ({@link WorkerShare}), as for runs and optimisation slices.
 */
@Component
public class MonteCarloHandler implements JobRequestHandler<MonteCarloJob> {

  private static final Logger log = LoggerFactory.getLogger(MonteCarloHandler.class);

  private final MonteCarloRunner runner;
  private final MonteCarloRepository analyses;
  private final WorkerShare share;
  private final JobQueue queue;

  MonteCarloHandler(
      MonteCarloRunner runner, MonteCarloRepository analyses, WorkerShare share, JobQueue queue) {
    this.runner = runner;
    this.analyses = analyses;
    this.share = share;
    this.queue = queue;
  }

  @Override
  public void run(MonteCarloJob job) {
    MonteCarloRow row = analyses.findForRun(job.analysisId()).orElse(null);
    if (row == null || !row.isActive()) {
      return; // deleted or finished: nothing to do
    }
    Optional<WorkerShare.Lease> lease = share.tryAcquire(row.userId());
    if (lease.isEmpty()) {
      log.info("Monte Carlo {} waits: its user holds their share of the workers", job.analysisId());
      queue.defer(jobContext().getJobName(), job);
      return;
    }
    try (WorkerShare.Lease held = lease.get()) {
      runner.run(job.analysisId(), jobContext().amountOfFailures());
    }
  }
}
