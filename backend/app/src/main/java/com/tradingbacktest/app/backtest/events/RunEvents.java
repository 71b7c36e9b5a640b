package com.tradingbacktest.app.backtest.events;

import com.tradingbacktest.app.backtest.run.BacktestRepository;
import com.tradingbacktest.app.common.database.NotificationListener;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Run state changes from every instance, through PostgreSQL LISTEN/NOTIFY: whichever process runs a
 * job NOTIFYs as it updates the row ({@link BacktestRepository}); every process LISTENs (on its one
 * {@link NotificationListener} connection) and hands each event to the local subscribers of that
 * run (SSE streams, the worker's cancellation check). So an SSE client may be served by any
 * instance behind a load balancer.
 *
 * <p>After the listening connection was lost and came back, each subscribed run's current state is
 * replayed from the table, so a subscriber never misses a final state.
 */
@Component
public class RunEvents {

  public static final String CHANNEL = "backtest_events";

  private static final Logger log = LoggerFactory.getLogger(RunEvents.class);

  private final JdbcClient jdbc;
  private final JsonMapper json;
  private final Map<UUID, Set<Consumer<RunEvent>>> subscribers = new ConcurrentHashMap<>();

  RunEvents(NotificationListener listener, JdbcClient jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
    listener.listen(CHANNEL, this::dispatch, this::replayCurrentStates);
  }

  /** A subscription to one run's events; close it when done. */
  public interface Subscription extends AutoCloseable {
    @Override
    void close();
  }

  public Subscription subscribe(UUID runId, Consumer<RunEvent> consumer) {
    subscribers.computeIfAbsent(runId, id -> new CopyOnWriteArraySet<>()).add(consumer);
    return () ->
        subscribers.computeIfPresent(
            runId,
            (id, set) -> {
              set.remove(consumer);
              return set.isEmpty() ? null : set;
            });
  }

  private void dispatch(String payload) {
    RunEvent event;
    try {
      event = json.readValue(payload, RunEvent.class);
    } catch (RuntimeException e) {
      log.warn("Ignoring a malformed run event: {}", payload);
      return;
    }
    deliver(event);
  }

  private void deliver(RunEvent event) {
    Set<Consumer<RunEvent>> set = subscribers.get(event.id());
    if (set == null) {
      return;
    }
    for (Consumer<RunEvent> consumer : set) {
      try {
        consumer.accept(event);
      } catch (RuntimeException e) {
        log.debug("A run event subscriber failed", e);
      }
    }
  }

  private void replayCurrentStates() {
    List<UUID> ids = List.copyOf(subscribers.keySet());
    for (UUID id : ids) {
      jdbc.sql("select id, status, progress, error from backtests where id = ?")
          .param(id)
          .query(
              (rs, n) ->
                  new RunEvent(
                      rs.getObject(1, UUID.class), rs.getString(2), rs.getInt(3), rs.getString(4)))
          .optional()
          .ifPresent(this::deliver);
    }
  }
}
