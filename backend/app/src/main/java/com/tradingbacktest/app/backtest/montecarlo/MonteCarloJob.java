package com.tradingbacktest.app.backtest.montecarlo;

import java.util.UUID;
import org.jobrunr.jobs.lambdas.JobRequest;

/** The queued job of one Monte Carlo analysis; its job id is the analysis' id. */
public record MonteCarloJob(UUID analysisId) implements JobRequest {

  @Override
  public Class<MonteCarloHandler> getJobRequestHandler() {
    return MonteCarloHandler.class;
  }
}
