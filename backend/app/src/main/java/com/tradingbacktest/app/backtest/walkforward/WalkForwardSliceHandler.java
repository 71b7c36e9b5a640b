package com.tradingbacktest.app.backtest.walkforward;

import com.tradingbacktest.app.backtest.JobQueue;
import com.tradingbacktest.app.backtest.WorkerShare;
import java.util.Optional;
import org.jobrunr.jobs.lambdas.JobRequestHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * JobRunr's entry point for {@link WalkForwardSliceJob}; the work is {@link WalkForwardRunner}'s,
 * once the walk-forward's user has a worker to spare ({@link WorkerShare}).
 */
@Component
public class WalkForwardSliceHandler implements JobRequestHandler<WalkForwardSliceJob> {

  private static final Logger log = LoggerFactory.getLogger(WalkForwardSliceHandler.class);

  private final WalkForwardRunner runner;
  private final WalkForwardRepository walkForwards;
  private final WorkerShare share;
  private final JobQueue queue;

  WalkForwardSliceHandler(
      WalkForwardRunner runner,
      WalkForwardRepository walkForwards,
      WorkerShare share,
      JobQueue queue) {
    this.runner = runner;
    this.walkForwards = walkForwards;
    this.share = share;
    this.queue = queue;
  }

  @Override
  public void run(WalkForwardSliceJob job) {
    WalkForwardRow row = walkForwards.findForRun(job.walkForwardId()).orElse(null);
    if (row == null || row.status().isFinal()) {
      return; // deleted, cancelled or finished: nothing to do
    }
    Optional<WorkerShare.Lease> lease = share.tryAcquire(row.userId());
    if (lease.isEmpty()) {
      log.info(
          "Walk-forward {} window {} slice {} waits: its user holds their share of the workers",
          job.walkForwardId(),
          job.window(),
          job.slice());
      queue.defer(jobContext().getJobName(), job);
      return;
    }
    try (WorkerShare.Lease held = lease.get()) {
      runner.runSlice(row, job.window(), job.slice(), jobContext().amountOfFailures());
    }
  }
}
