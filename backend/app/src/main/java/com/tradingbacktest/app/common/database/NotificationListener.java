package com.tradingbacktest.app.common.database;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The process's one PostgreSQL LISTEN connection, shared by every channel the process listens on
 * (run events, job wake-ups): a dedicated connection outside the pool, so a full pool never delays
 * a notification. If the connection drops it reconnects with backoff and tells each channel, since
 * notifications sent meanwhile are lost: a channel then reads the state it cares about from its
 * tables.
 */
@Component
public class NotificationListener implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(NotificationListener.class);
  private static final int WAIT_MILLIS = 1_000;
  // Channel names go into LISTEN as identifiers (no bind parameters there): plain ones only.
  private static final Pattern CHANNEL_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

  private final HikariDataSource dataSource;
  private final Map<String, Channel> channels = new ConcurrentHashMap<>();
  private volatile boolean running;
  private volatile Thread listener;
  private volatile boolean listening;

  private record Channel(Consumer<String> onPayload, Runnable onReconnect) {}

  NotificationListener(DataSource dataSource) {
    this.dataSource = hikari(dataSource);
  }

  private static HikariDataSource hikari(DataSource dataSource) {
    try {
      return dataSource instanceof HikariDataSource h
          ? h
          : dataSource.unwrap(HikariDataSource.class);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "the notification listener needs the app's Hikari data source for its connection"
              + " settings",
          e);
    }
  }

  /**
   * Hands every payload NOTIFYed on {@code channel} to {@code onPayload} (on the listener's thread:
   * keep it short), and calls {@code onReconnect} after the connection came back from a loss.
   * Register before the app starts (from a bean's constructor).
   */
  public void listen(String channel, Consumer<String> onPayload, Runnable onReconnect) {
    if (!CHANNEL_NAME.matcher(channel).matches()) {
      throw new IllegalArgumentException("not a plain channel name: " + channel);
    }
    if (running) {
      throw new IllegalStateException("channels are registered before the listener starts");
    }
    if (channels.putIfAbsent(channel, new Channel(onPayload, onReconnect)) != null) {
      throw new IllegalStateException("the channel " + channel + " has a listener already");
    }
  }

  /** True once every channel is LISTENed on (tests wait for it before expecting notifications). */
  public boolean isListening() {
    return listening;
  }

  @Override
  public void start() {
    running = true;
    Thread thread = new Thread(this::listenLoop, "notification-listener");
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
          for (String channel : channels.keySet()) {
            statement.execute("LISTEN " + channel);
          }
        }
        listening = true;
        if (reconnect) {
          channels.values().forEach(c -> safely(c.onReconnect()));
        }
        backoff = 500;
        PGConnection pg = connection.unwrap(PGConnection.class);
        while (running) {
          // Returns as soon as a notification arrives; the timeout only lets a stop be noticed.
          PGNotification[] notifications = pg.getNotifications(WAIT_MILLIS);
          if (notifications != null) {
            for (PGNotification n : notifications) {
              dispatch(n);
            }
          }
        }
      } catch (SQLException e) {
        listening = false;
        if (!running) {
          return;
        }
        log.warn(
            "The notification listener lost its connection ({}); reconnecting in {} ms",
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

  private void dispatch(PGNotification notification) {
    Channel channel = channels.get(notification.getName());
    if (channel != null) {
      safely(() -> channel.onPayload().accept(notification.getParameter()));
    }
  }

  private static void safely(Runnable action) {
    try {
      action.run();
    } catch (RuntimeException e) {
      log.warn("A notification handler failed", e);
    }
  }
}
