package com.tradingbacktest.app.backtest.run;

import java.util.UUID;
import org.jobrunr.jobs.lambdas.JobRequest;

/**
 * The queued job of one run: only its id travels through JobRunr; everything else is in the row.
 */
public record RunBacktestJob(UUID backtestId) implements JobRequest {

  @Override
  public Class<BacktestJobHandler> getJobRequestHandler() {
    return BacktestJobHandler.class;
  }
}
