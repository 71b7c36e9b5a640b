package com.tradingbacktest.app.backtest.optimize;

import org.jobrunr.jobs.lambdas.JobRequestHandler;
import org.springframework.stereotype.Component;

/**
 * JobRunr's entry point for {@link OptimizationFinishJob}; the work is {@link
 * OptimizationFinisher}'s.
 */
@Component
public class OptimizationFinishHandler implements JobRequestHandler<OptimizationFinishJob> {

  private final OptimizationFinisher finisher;

  OptimizationFinishHandler(OptimizationFinisher finisher) {
    this.finisher = finisher;
  }

  @Override
  public void run(OptimizationFinishJob job) {
    finisher.finish(job.optimizationId(), jobContext().amountOfFailures());
  }
}
