package com.tradingbacktest.app.common.jobs;

import com.tradingbacktest.app.common.database.NotificationListener;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Tells every process that runs jobs that new ones are queued, so they start now rather than at
 * JobRunr's next poll ({@code WORKER_POLL_INTERVAL}). Call {@link #jobsQueued()} after creating
 * jobs with JobRunr: it wakes this process's job server directly (no round trip) and NOTIFYs {@link
 * #CHANNEL}, on which every process with a job server LISTENs and wakes its own. The poll stays as
 * the fallback: a lost notification delays a job until then, nothing more.
 */
@Component
public class JobWakeups {

  public static final String CHANNEL = "job_wakeups";

  private static final Logger log = LoggerFactory.getLogger(JobWakeups.class);

  /**
   * Names this process in its notifications: it has woken its own server already, so its own
   * notification coming back would only onboard (and re-check) a second time for nothing.
   */
  private final String sender = UUID.randomUUID().toString();

  private final JdbcClient jdbc;
  private final LocalJobServerWaker local;

  JobWakeups(JdbcClient jdbc, LocalJobServerWaker local, NotificationListener listener) {
    this.jdbc = jdbc;
    this.local = local;
    if (local.hasJobServer()) {
      // Wake-ups missed while the connection was down: look for queued jobs once it is back.
      listener.listen(
          CHANNEL,
          payload -> {
            if (!sender.equals(payload)) {
              local.wake();
            }
          },
          local::wake);
    }
  }

  /**
   * Wakes the job servers for jobs just created. Inside a transaction it waits for the commit, so
   * that a woken server finds what the transaction stored; outside one it wakes at once (JobRunr
   * commits a created job before {@code create} returns).
   */
  public void jobsQueued() {
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCommit() {
              wakeAll();
            }
          });
    } else {
      wakeAll();
    }
  }

  private void wakeAll() {
    local.wake();
    try {
      // One notification however many jobs were queued; a process woken while all its workers are
      // busy onboards nothing, and each worker that frees up takes the next job by itself.
      jdbc.sql("select pg_notify(:channel, :sender)")
          .param("channel", CHANNEL)
          .param("sender", sender)
          .query()
          .singleRow();
    } catch (RuntimeException e) {
      log.warn(
          "Could not notify other processes of queued jobs ({}); they start them at their next"
              + " poll",
          e.getMessage());
    }
  }
}
