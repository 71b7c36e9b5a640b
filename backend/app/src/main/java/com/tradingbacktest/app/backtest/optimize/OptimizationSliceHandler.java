package com.tradingbacktest.app.backtest.optimize;

import com.tradingbacktest.app.backtest.JobQueue;
import com.tradingbacktest.app.backtest.WorkerShare;
import java.util.Optional;
import org.jobrunr.jobs.lambdas.JobRequestHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * JobRunr's entry point for {@link OptimizationSliceJob}; the work is {@link OptimizationRunner}'s,
 * once the optimisation's user has a worker to spare ({@link WorkerShare}).
 */
@Component
public class OptimizationSliceHandler implements JobRequestHandler<OptimizationSliceJob> {

  private static final Logger log = LoggerFactory.getLogger(OptimizationSliceHandler.class);

  private final OptimizationRunner runner;
  private final OptimizationRepository optimizations;
  private final WorkerShare share;
  private final JobQueue queue;

  OptimizationSliceHandler(
      OptimizationRunner runner,
      OptimizationRepository optimizations,
      WorkerShare share,
      JobQueue queue) {
    this.runner = runner;
    this.optimizations = optimizations;
    this.share = share;
    this.queue = queue;
  }

  @Override
  public void run(OptimizationSliceJob job) {
    OptimizationRow row = optimizations.findForRun(job.optimizationId()).orElse(null);
    if (row == null || row.status().isFinal()) {
      return; // deleted, cancelled or finished: nothing to do
    }
    Optional<WorkerShare.Lease> lease = share.tryAcquire(row.userId());
    if (lease.isEmpty()) {
      log.info(
          "Optimisation {} slice {} waits: its user holds their share of the workers",
          job.optimizationId(),
          job.slice());
      queue.defer(jobContext().getJobName(), job);
      return;
    }
    try (WorkerShare.Lease held = lease.get()) {
      runner.runSlice(job.optimizationId(), job.slice(), jobContext().amountOfFailures());
    }
  }
}
