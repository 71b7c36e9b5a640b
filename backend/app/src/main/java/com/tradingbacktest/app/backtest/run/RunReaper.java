package com.tradingbacktest.app.backtest.run;

import com.tradingbacktest.app.backtest.BacktestSettings;
import com.tradingbacktest.app.backtest.JobQueue;
import java.time.Clock;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The safety net under JobRunr's own recovery, on every process that runs jobs. JobRunr retries the
 * job of a worker that died; this catches what could still slip through: a run whose worker stopped
 * reporting for {@code staleAfter} is failed with a reason (never left running forever), and a
 * pending run with no job (its process died between storing it and queueing it) is queued again.
 */
@Component
@ConditionalOnProperty(name = "jobrunr.background-job-server.enabled", havingValue = "true")
class RunReaper {

  private static final Logger log = LoggerFactory.getLogger(RunReaper.class);

  private final BacktestRepository runs;
  private final JobQueue queue;
  private final BacktestSettings settings;
  private final Clock clock;

  RunReaper(BacktestRepository runs, JobQueue queue, BacktestSettings settings, Clock clock) {
    this.runs = runs;
    this.queue = queue;
    this.settings = settings;
    this.clock = clock;
  }

  @Scheduled(initialDelayString = "PT30S", fixedDelayString = "PT60S")
  void sweep() {
    try {
      int failed =
          runs.failStale(
              settings.staleAfter(),
              "The worker running it stopped responding for more than "
                  + settings.staleAfter().toMinutes()
                  + " minutes; the run was stopped. Start it again.");
      if (failed > 0) {
        log.warn("Failed {} runs whose worker stopped responding", failed);
      }
      for (UUID id : runs.pendingSince(clock.instant().minus(settings.staleAfter()))) {
        if (!queue.exists(id)) {
          log.warn("Run {} was pending without a job; queueing it again", id);
          queue.enqueue(id, "Backtest (re-queued)", new RunBacktestJob(id));
        }
      }
    } catch (RuntimeException e) {
      log.warn("Run reaper could not sweep: {}", e.getMessage());
    }
  }
}
