package com.tradingbacktest.app.backtest;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps one user from holding every worker of a process while others wait. JobRunr hands out jobs
 * first in, first out, so one user's queued slices or runs would otherwise take every worker in
 * turn. A job asks for a lease before its work: while its user already runs {@link #perUser()} jobs
 * here ({@code WORKER_CONCURRENCY} - 1, at least 1) and someone else has work waiting, it gets
 * none, and the job queues itself again {@link #RETRY_AFTER} later, behind the others' jobs. With
 * nobody else waiting, a user may use every worker.
 */
@Component
public class WorkerShare {

  /** How long a job that found its user at their share waits before it asks again. */
  public static final Duration RETRY_AFTER = Duration.ofSeconds(5);

  private final int perUser;
  private final JdbcClient jdbc;
  private final Map<UUID, Integer> running = new ConcurrentHashMap<>();

  WorkerShare(
      @Value("${jobrunr.background-job-server.worker-count:2}") int workers, JdbcClient jdbc) {
    this.perUser = Math.max(1, workers - 1);
    this.jdbc = jdbc;
  }

  /** The most jobs of one user this process runs at once while others wait. */
  public int perUser() {
    return perUser;
  }

  /**
   * A lease on a worker for {@code userId}'s job, to close when the job ends; empty when they
   * already hold their share and another user has work waiting.
   */
  public Optional<Lease> tryAcquire(UUID userId) {
    // Best effort: two jobs of one user starting at the same moment may both pass the check.
    if (running.getOrDefault(userId, 0) >= perUser && othersWaiting(userId)) {
      return Optional.empty();
    }
    running.merge(userId, 1, Integer::sum);
    return Optional.of(new Lease(userId));
  }

  /**
   * Whether another user has a run queued or an optimisation or walk-forward under way (whose
   * slices may be queued): then a user at their share steps aside.
   */
  private boolean othersWaiting(UUID userId) {
    return Boolean.TRUE.equals(
        jdbc.sql(
                "select exists (select 1 from backtests where status = 'pending' and user_id <> :user)"
                    + " or exists (select 1 from optimizations where status in ('pending', 'running')"
                    + " and user_id <> :user)"
                    + " or exists (select 1 from walk_forwards where status in ('pending', 'running')"
                    + " and user_id <> :user)")
            .param("user", userId)
            .query(Boolean.class)
            .single());
  }

  /** One job's hold on a worker. */
  public final class Lease implements AutoCloseable {
    private final UUID userId;
    private boolean closed;

    private Lease(UUID userId) {
      this.userId = userId;
    }

    @Override
    public void close() {
      if (!closed) {
        closed = true;
        running.computeIfPresent(userId, (id, held) -> held <= 1 ? null : held - 1);
      }
    }
  }
}
