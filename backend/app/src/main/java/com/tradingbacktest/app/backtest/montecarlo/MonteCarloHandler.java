package com.tradingbacktest.app.backtest.montecarlo;

import org.jobrunr.jobs.lambdas.JobRequestHandler;
import org.springframework.stereotype.Component;

/** JobRunr's entry point for {@link MonteCarloJob}; the work is {@link MonteCarloRunner}'s. */
@Component
public class MonteCarloHandler implements JobRequestHandler<MonteCarloJob> {

  private final MonteCarloRunner runner;

  MonteCarloHandler(MonteCarloRunner runner) {
    this.runner = runner;
  }

  @Override
  public void run(MonteCarloJob job) {
    runner.run(job.analysisId(), jobContext().amountOfFailures());
  }
}
