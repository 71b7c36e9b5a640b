package com.tradingbacktest.app.backtest.optimize;

import org.jobrunr.jobs.lambdas.JobRequestHandler;
import org.springframework.stereotype.Component;

/**
 * JobRunr's entry point for {@link OptimizationSliceJob}; the work is {@link OptimizationRunner}'s.
 */
@Component
public class OptimizationSliceHandler implements JobRequestHandler<OptimizationSliceJob> {

  private final OptimizationRunner runner;

  OptimizationSliceHandler(OptimizationRunner runner) {
    this.runner = runner;
  }

  @Override
  public void run(OptimizationSliceJob job) {
    runner.runSlice(job.optimizationId(), job.slice(), jobContext().amountOfFailures());
  }
}
