package com.tradingbacktest.app.backtest.walkforward;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.jobrunr.jobs.lambdas.JobRequest;

/**
 * The queued job that tests every window's choice on its test part and stitches them, once every
 * slice is done. Its id is stable, and JobRunr ignores a job whose id it already holds, so the
 * slices that find the grid done together queue it once.
 */
public record WalkForwardFinishJob(UUID walkForwardId) implements JobRequest {

  @Override
  public Class<WalkForwardFinishHandler> getJobRequestHandler() {
    return WalkForwardFinishHandler.class;
  }

  static UUID jobId(UUID walkForwardId) {
    return UUID.nameUUIDFromBytes(
        ("walk-forward/" + walkForwardId + "/finish").getBytes(StandardCharsets.UTF_8));
  }
}
