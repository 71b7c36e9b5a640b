package com.tradingbacktest.app.common.database;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.jobrunr.server.BackgroundJobServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Starts JobRunr's background job server again after it stopped itself. JobRunr (the open-source
 * edition) shuts its server down for good after a run of storage exceptions ("FATAL - JobRunr
 * encountered too many storage exceptions"), which a database restart of a few seconds is enough to
 * cause; without this, a worker would run no job again until the process restarts.
 */
@Component
class JobServerRecovery {

  private static final Logger log = LoggerFactory.getLogger(JobServerRecovery.class);

  private final ObjectProvider<BackgroundJobServer> server;
  private final DataSource dataSource;
  private volatile boolean closing;

  JobServerRecovery(ObjectProvider<BackgroundJobServer> server, DataSource dataSource) {
    this.server = server;
    this.dataSource = dataSource;
  }

  @Scheduled(initialDelayString = "PT20S", fixedDelayString = "PT5S")
  void restartIfStopped() {
    BackgroundJobServer jobs = server.getIfAvailable();
    if (jobs == null || closing || jobs.isRunning() || !databaseAnswers()) {
      return;
    }
    log.warn(
        "JobRunr's background job server had stopped; the database answers again, starting it");
    try {
      jobs.start();
    } catch (RuntimeException e) {
      log.warn("Could not start JobRunr's background job server yet: {}", e.getMessage());
    }
  }

  @EventListener(ContextClosedEvent.class)
  void onClose() {
    closing = true;
  }

  private boolean databaseAnswers() {
    try (Connection connection = dataSource.getConnection()) {
      return connection.isValid(2);
    } catch (SQLException e) {
      return false;
    }
  }
}
