package com.tradingbacktest.app.backtest;

import static org.jobrunr.scheduling.JobBuilder.aJob;

import com.tradingbacktest.app.common.jobs.JobWakeups;
import java.util.List;
import java.util.UUID;
import org.jobrunr.jobs.lambdas.JobRequest;
import org.jobrunr.scheduling.JobBuilder;
import org.jobrunr.scheduling.JobRequestScheduler;
import org.jobrunr.storage.JobNotFoundException;
import org.jobrunr.storage.StorageProvider;
import org.springframework.stereotype.Component;

/**
 * The JobRunr queue as runs use it. A run's job has the run's id, so a job is easy to find from its
 * run (and the JobRunr dashboard shows the same ids as the API). Every job queued to run now wakes
 * the processes that run jobs ({@link JobWakeups}), so it starts at once rather than at their next
 * poll.
 */
@Component
public class JobQueue {

  private final JobRequestScheduler scheduler;
  private final StorageProvider storage;
  private final BacktestSettings settings;
  private final JobWakeups wakeups;

  JobQueue(
      JobRequestScheduler scheduler,
      StorageProvider storage,
      BacktestSettings settings,
      JobWakeups wakeups) {
    this.scheduler = scheduler;
    this.storage = storage;
    this.settings = settings;
    this.wakeups = wakeups;
  }

  public void enqueue(UUID id, String name, JobRequest request) {
    scheduler.create(job(id, name, request));
    wakeups.jobsQueued();
  }

  /** Queues every job in one go; the workers are woken once for all of them. */
  public void enqueueAll(List<Queued> jobs) {
    scheduler.create(jobs.stream().map(q -> job(q.id(), q.name(), q.request())));
    wakeups.jobsQueued();
  }

  public record Queued(UUID id, String name, JobRequest request) {}

  /**
   * Queues {@code request} again as a new job, {@link WorkerShare#RETRY_AFTER} from now, for a job
   * that steps aside ({@link WorkerShare}). The new job has an id of its own: the current one is
   * still running. A run or slice cancelled meanwhile finds nothing to do when it comes. No wake:
   * the wait is the point, and JobRunr enqueues the job at its first poll after the delay.
   */
  public void defer(String name, JobRequest request) {
    scheduler.create(
        aJob()
            .withId(UUID.randomUUID())
            .withName(name)
            .scheduleIn(WorkerShare.RETRY_AFTER)
            .withAmountOfRetries(settings.maxAttempts())
            .withJobRequest(request));
  }

  /** Whether JobRunr still holds a job with this id, in any state. */
  public boolean exists(UUID id) {
    try {
      storage.getJobById(id);
      return true;
    } catch (JobNotFoundException e) {
      return false;
    }
  }

  public void delete(UUID id, String reason) {
    if (exists(id)) {
      scheduler.delete(id, reason);
    }
  }

  private JobBuilder job(UUID id, String name, JobRequest request) {
    // Attempts beyond the first are retries; the runner itself gives up after maxAttempts claims.
    return aJob()
        .withId(id)
        .withName(name)
        .withAmountOfRetries(settings.maxAttempts())
        .withJobRequest(request);
  }
}
