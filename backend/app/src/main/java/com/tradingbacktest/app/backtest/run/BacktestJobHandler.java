package com.tradingbacktest.app.backtest.run;

import com.tradingbacktest.app.backtest.JobQueue;
import com.tradingbacktest.app.backtest.WorkerShare;
import java.util.Optional;
import org.jobrunr.jobs.lambdas.JobRequestHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * JobRunr's entry point for {@link RunBacktestJob}; the work is {@link BacktestRunner}'s, once the
 * run's user has a worker to spare ({@link WorkerShare}).
 */
@Component
public class BacktestJobHandler implements JobRequestHandler<RunBacktestJob> {

  private static final Logger log = LoggerFactory.getLogger(BacktestJobHandler.class);

  private final BacktestRunner runner;
  private final BacktestRepository runs;
  private final WorkerShare share;
  private final JobQueue queue;

  BacktestJobHandler(
      BacktestRunner runner, BacktestRepository runs, WorkerShare share, JobQueue queue) {
    this.runner = runner;
    this.runs = runs;
    this.share = share;
    this.queue = queue;
  }

  @Override
  public void run(RunBacktestJob job) {
    Optional<BacktestRow> row = runs.findForRun(job.backtestId());
    if (row.isEmpty()) {
      runner.run(job.backtestId()); // deleted: the runner ends it quietly
      return;
    }
    Optional<WorkerShare.Lease> lease = share.tryAcquire(row.get().userId());
    if (lease.isEmpty()) {
      log.info("Run {} waits: its user holds their share of the workers", job.backtestId());
      queue.defer(jobContext().getJobName(), job);
      return;
    }
    try (WorkerShare.Lease held = lease.get()) {
      runner.run(job.backtestId());
    }
  }
}
