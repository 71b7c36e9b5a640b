package com.tradingbacktest.app.backtest.walkforward;

import org.jobrunr.jobs.lambdas.JobRequestHandler;
import org.springframework.stereotype.Component;

/**
 * JobRunr's entry point for {@link WalkForwardFinishJob}. It takes no lease of the workers: it is
 * one short job per walk-forward (a backtest per window), and the user's slices before it already
 * waited their turn.
 */
@Component
public class WalkForwardFinishHandler implements JobRequestHandler<WalkForwardFinishJob> {

  private final WalkForwardRunner runner;

  WalkForwardFinishHandler(WalkForwardRunner runner) {
    this.runner = runner;
  }

  @Override
  public void run(WalkForwardFinishJob job) {
    runner.finish(job.walkForwardId(), jobContext().amountOfFailures());
  }
}
