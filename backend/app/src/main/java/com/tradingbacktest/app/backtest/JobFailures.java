package com.tradingbacktest.app.backtest;

import com.tradingbacktest.engine.sim.BacktestCancelledException;
import com.tradingbacktest.engine.sim.RunTimeLimitException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a job of an optimisation, a walk-forward or a Monte Carlo analysis sorts what its work
 * throws. A cancellation (the work was cancelled or deleted meanwhile) ends the job quietly; the
 * time limit and bad input ({@link IllegalArgumentException}, which covers strategy errors) fail
 * the work at once, since no retry changes them; anything else is thrown again so JobRunr retries
 * the job, and on its last attempt fails the work with a reason the user can quote.
 */
public final class JobFailures {

  private static final Logger log = LoggerFactory.getLogger(JobFailures.class);

  private final RunLimits limits;
  private final int maxAttempts;

  /**
   * @param maxAttempts how many times JobRunr runs a failing job ({@code
   *     BacktestSettings#maxAttempts})
   */
  public JobFailures(RunLimits limits, int maxAttempts) {
    this.limits = limits;
    this.maxAttempts = maxAttempts;
  }

  /**
   * What the reasons call a job's work.
   *
   * @param name for the logs, e.g. "Optimisation 1f0c... slice 3"
   * @param timedOut what stopped at the time limit, e.g. "A slice of the grid (200 combinations)"
   * @param couldNotRun what bad input kept from running, e.g. "The strategy"
   * @param failed what failed on every attempt, e.g. "A slice of the grid"
   * @param reference what the user quotes, e.g. "optimisation 1f0c..."
   * @param fail stores a reason as the work's failure (a no-op once it is no longer active)
   */
  public record Work(
      String name,
      String timedOut,
      String couldNotRun,
      String failed,
      String reference,
      Consumer<String> fail) {}

  /**
   * Runs {@code body} for {@code work}, sorting what it throws as the class says.
   *
   * @param failuresSoFar earlier failed attempts of the job (JobRunr's count)
   * @return true when {@code body} ran through; false when it was cancelled or its work failed
   * @throws RuntimeException an unexpected failure before the job's last attempt, for a retry
   */
  public boolean run(Work work, int failuresSoFar, Runnable body) {
    try {
      body.run();
      return true;
    } catch (BacktestCancelledException e) {
      log.info("{} stopped: cancelled or deleted", work.name());
    } catch (RunTimeLimitException e) {
      work.fail().accept(limits.timeLimitReason(work.timedOut()));
    } catch (IllegalArgumentException e) {
      work.fail().accept(work.couldNotRun() + " could not run: " + e.getMessage());
    } catch (RuntimeException e) {
      if (failuresSoFar + 1 < maxAttempts) {
        throw e;
      }
      log.error("{} failed on its last attempt", work.name(), e);
      work.fail()
          .accept(
              work.failed()
                  + " failed because of an internal error, "
                  + (failuresSoFar + 1)
                  + " times. Reference: "
                  + work.reference()
                  + ".");
    }
    return false;
  }
}
