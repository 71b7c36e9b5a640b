package com.tradingbacktest.app.common;

import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Turns {@code --mode=} (or {@code APP_MODE}) into the settings it implies before any bean exists:
 * JobRunr's background job server runs only where the mode runs jobs. An explicit {@code
 * jobrunr.background-job-server.enabled} still wins, which tests use.
 */
class RunModeEnvironment implements EnvironmentPostProcessor {

  private static final String WORKER_ENABLED = "jobrunr.background-job-server.enabled";

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    String raw = environment.getProperty("mode", environment.getProperty("APP_MODE", ""));
    RunMode mode = RunMode.parse(raw);
    Map<String, Object> implied = new HashMap<>();
    implied.put(RunMode.PROPERTY, mode.name());
    if (!environment.containsProperty(WORKER_ENABLED)) {
      implied.put(WORKER_ENABLED, Boolean.toString(mode.runsJobs()));
    }
    environment.getPropertySources().addLast(new MapPropertySource("runMode", implied));
  }
}
