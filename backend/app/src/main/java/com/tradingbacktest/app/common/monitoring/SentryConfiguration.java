package com.tradingbacktest.app.common.monitoring;

import io.sentry.Sentry;
import io.sentry.SentryOptions;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Sentry's Spring Boot auto-configuration starts the SDK when {@code sentry.dsn} (SENTRY_DSN) is
 * set and adds a log appender that turns ERROR log events into Sentry events, so the 500s that
 * {@code GlobalExceptionHandler} logs are reported without the handler knowing of Sentry. This adds
 * the scrubber that every event and breadcrumb passes before it is sent, and the environment tag's
 * default.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "sentry.dsn")
class SentryConfiguration {

  @Bean
  SentryScrubber sentryScrubber() {
    return new SentryScrubber();
  }

  /**
   * Without SENTRY_ENVIRONMENT (or with it empty) the environment is the active Spring profiles, or
   * {@code development} when there are none, rather than the SDK's own default, {@code production}.
   * An empty SENTRY_RELEASE means no release rather than an empty one.
   */
  @Bean
  Sentry.OptionsConfiguration<SentryOptions> sentryTagDefaults(Environment spring) {
    return options -> {
      String environment = spring.getProperty("sentry.environment");
      if (environment == null || environment.isBlank()) {
        String[] profiles = spring.getActiveProfiles();
        options.setEnvironment(profiles.length == 0 ? "development" : String.join(",", profiles));
      }
      if (options.getRelease() != null && options.getRelease().isBlank()) {
        options.setRelease(null);
      }
    };
  }
}
