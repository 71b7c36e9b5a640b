package com.tradingbacktest.app.backtest.optimize;

import java.util.UUID;
import org.jobrunr.jobs.lambdas.JobRequest;

/** The queued finish step of an optimisation whose grid is done ({@link OptimizationFinisher}). */
public record OptimizationFinishJob(UUID optimizationId) implements JobRequest {

  @Override
  public Class<OptimizationFinishHandler> getJobRequestHandler() {
    return OptimizationFinishHandler.class;
  }
}
