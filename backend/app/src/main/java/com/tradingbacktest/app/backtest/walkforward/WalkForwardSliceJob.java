package com.tradingbacktest.app.backtest.walkforward;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.jobrunr.jobs.lambdas.JobRequest;

/** The queued job of one slice of one window's grid of a walk-forward. */
public record WalkForwardSliceJob(UUID walkForwardId, int window, int slice) implements JobRequest {

  @Override
  public Class<WalkForwardSliceHandler> getJobRequestHandler() {
    return WalkForwardSliceHandler.class;
  }

  /** A stable job id per slice, so a slice can be dropped on cancel without bookkeeping. */
  static UUID jobId(UUID walkForwardId, int window, int slice) {
    return UUID.nameUUIDFromBytes(
        ("walk-forward/" + walkForwardId + "/" + window + "/" + slice)
            .getBytes(StandardCharsets.UTF_8));
  }
}
