package com.tradingbacktest.app.backtest.run;

import org.jobrunr.jobs.lambdas.JobRequestHandler;
import org.springframework.stereotype.Component;

/** JobRunr's entry point for {@link RunBacktestJob}; the work is {@link BacktestRunner}'s. */
@Component
public class BacktestJobHandler implements JobRequestHandler<RunBacktestJob> {

  private final BacktestRunner runner;

  BacktestJobHandler(BacktestRunner runner) {
    this.runner = runner;
  }

  @Override
  public void run(RunBacktestJob job) {
    runner.run(job.backtestId());
  }
}
