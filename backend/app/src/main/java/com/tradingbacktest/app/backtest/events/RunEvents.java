package com.tradingbacktest.app.backtest.events;

import com.tradingbacktest.app.backtest.run.BacktestRepository;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Run state changes from every instance, through PostgreSQL LISTEN/NOTIFY: whichever process runs a
 * job NOTIFYs as it updates the row ({@link BacktestRepository}); every process LISTENs on one
 * dedicated connection and hands each event to the local subscribers of that run (SSE streams, the
 * worker's cancellation check). So an SSE client may be served by any instance behind a load
 * balancer.
 *
 * <p>If the listening connection drops, it reconnects with backoff and replays each subscribed
 * run's current state from the table, so a subscriber never misses a final state.
 */
@Component
public class RunEvents implements SmartLifecycle {

  public static final String CHANNEL = "backtest_events";

  private static final Logger log = LoggerFactory.getLogger(RunEvents.class);
  private static final int POLL_MILLIS = 1_000;

  private final HikariDataSource dataSource;
  private final JdbcClient jdbc;
  private final JsonMapper json;
  private final Map<UUID, Set<Consumer<RunEvent>>> subscribers = new ConcurrentHashMap<>();
  private volatile boolean running;
  private volatile Thread listener;
  private volatile boolean listening;

  RunEvents(DataSource dataSource, JdbcClient jdbc, JsonMapper json) {
    this.dataSource = hikari(dataSource);
    this.jdbc = jdbc;
    this.json = json;
  }

  private static HikariDataSource hikari(DataSource dataSource) {
    try {
      return dataSource instanceof HikariDataSource h
          ? h
          : dataSource.unwrap(HikariDataSource.class);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "run events need the app's Hikari data source for its connection settings", e);
    }
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

  /** True once the LISTEN is in place (tests wait for it before expecting events). */
  boolean isListening() {
    return listening;
  }

  @Override
  public void start() {
    running = true;
    Thread thread = new Thread(this::listenLoop, "run-events-listener");
    thread.setDaemon(true);
    listener = thread;
    thread.start();
  }

  @Override
  public void stop() {
    running = false;
    Thread thread = listener;
    if (thread != null) {
      thread.interrupt();
      try {
        thread.join(3_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  private void listenLoop() {
    long backoff = 500;
    boolean reconnect = false;
    while (running) {
      try (Connection connection =
          DriverManager.getConnection(
              dataSource.getJdbcUrl(), dataSource.getUsername(), dataSource.getPassword())) {
        try (Statement statement = connection.createStatement()) {
          statement.execute("LISTEN " + CHANNEL);
        }
        listening = true;
        if (reconnect) {
          replayCurrentStates();
        }
        backoff = 500;
        PGConnection pg = connection.unwrap(PGConnection.class);
        while (running) {
          PGNotification[] notifications = pg.getNotifications(POLL_MILLIS);
          if (notifications != null) {
            for (PGNotification n : notifications) {
              dispatch(n.getParameter());
            }
          }
        }
      } catch (SQLException e) {
        listening = false;
        if (!running) {
          return;
        }
        log.warn(
            "Run event listener lost its connection ({}); reconnecting in {} ms",
            e.getMessage(),
            backoff);
        reconnect = true;
        try {
          Thread.sleep(backoff);
        } catch (InterruptedException interrupted) {
          return;
        }
        backoff = Math.min(backoff * 2, 10_000);
      }
    }
    listening = false;
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
