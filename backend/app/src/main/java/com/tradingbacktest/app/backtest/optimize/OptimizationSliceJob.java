package com.tradingbacktest.app.backtest.optimize;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.jobrunr.jobs.lambdas.JobRequest;

/** The queued job of one slice of an optimisation's grid. */
public record OptimizationSliceJob(UUID optimizationId, int slice) implements JobRequest {

  @Override
  public Class<OptimizationSliceHandler> getJobRequestHandler() {
    return OptimizationSliceHandler.class;
  }

  /**
   * A stable job id per slice, so a slice can be found (and dropped on cancel) without bookkeeping.
   */
  static UUID jobId(UUID optimizationId, int slice) {
    return UUID.nameUUIDFromBytes((optimizationId + "/" + slice).getBytes(StandardCharsets.UTF_8));
  }
}
