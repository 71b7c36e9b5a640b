package com.tradingbacktest.app.common.jobs;

import org.jobrunr.server.BackgroundJobServer;
import org.jobrunr.server.JobSteward;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Makes this process's JobRunr server look for enqueued jobs now. JobRunr has no public "poll now";
 * what it does when one of its workers frees up is exactly that: {@link
 * JobSteward#notifyThreadIdle()} lowers the count of busy workers and runs its onboarding task,
 * which claims as many enqueued jobs as there are free workers (JobRunr's own claim, safe across
 * processes) and hands them to its workers. A {@link JobSteward#notifyThreadOccupied()} first keeps
 * the count as it was, so a wake is that onboarding and nothing else.
 *
 * <p>Wakes are coalesced on one thread: a burst of wakes (an optimisation's slices, notifications
 * from several processes) costs one onboarding, or two. The onboarding skips its turn when another
 * one holds its lock (a poll, or a worker that just freed up) and that one may have looked before
 * the new job was committed; so every wake onboards once more {@link #RECHECK_AFTER_MILLIS} later.
 */
@Component
class LocalJobServerWaker implements SmartLifecycle {

  static final long RECHECK_AFTER_MILLIS = 100;

  private static final Logger log = LoggerFactory.getLogger(LocalJobServerWaker.class);

  private final boolean hasJobServer;
  private final ObjectProvider<BackgroundJobServer> server;
  private final Object signal = new Object();
  private boolean wakeRequested;
  private volatile boolean running;
  private volatile Thread thread;

  LocalJobServerWaker(
      @Value("${jobrunr.background-job-server.enabled:false}") boolean hasJobServer,
      ObjectProvider<BackgroundJobServer> server) {
    this.hasJobServer = hasJobServer;
    this.server = server;
  }

  /** Whether this process runs jobs (its mode is worker or all). */
  boolean hasJobServer() {
    return hasJobServer;
  }

  /** Asks for an onboarding soon; returns at once. Does nothing where no job server runs. */
  void wake() {
    if (!hasJobServer) {
      return;
    }
    synchronized (signal) {
      wakeRequested = true;
      signal.notifyAll();
    }
  }

  /** Jobs queued while no process ran them (or before a restart) start as this one comes up. */
  @EventListener(ApplicationReadyEvent.class)
  void onReady() {
    wake();
  }

  @Override
  public void start() {
    if (!hasJobServer) {
      return;
    }
    running = true;
    Thread t = new Thread(this::wakeLoop, "job-server-waker");
    t.setDaemon(true);
    thread = t;
    t.start();
  }

  @Override
  public void stop() {
    running = false;
    Thread t = thread;
    if (t != null) {
      t.interrupt();
      try {
        t.join(3_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  private void wakeLoop() {
    try {
      while (running) {
        synchronized (signal) {
          while (!wakeRequested) {
            signal.wait();
          }
          wakeRequested = false;
        }
        onboard();
        Thread.sleep(RECHECK_AFTER_MILLIS);
        onboard();
      }
    } catch (InterruptedException stopping) {
      Thread.currentThread().interrupt();
    }
  }

  private void onboard() {
    BackgroundJobServer jobs = server.getIfAvailable();
    if (jobs == null || !jobs.isRunning()) {
      return; // stopped (JobServerRecovery restarts it) or not yet started: its poll takes over
    }
    JobSteward steward = jobs.getJobSteward();
    steward.notifyThreadOccupied();
    try {
      steward.notifyThreadIdle();
    } catch (RuntimeException e) {
      log.warn("Could not look for queued jobs now ({}); the next poll will", e.getMessage());
    }
  }
}
