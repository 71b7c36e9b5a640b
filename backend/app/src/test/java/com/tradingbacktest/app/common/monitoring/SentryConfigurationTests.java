package com.tradingbacktest.app.common.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.sentry.SentryOptions;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class SentryConfigurationTests {

  @Test
  void anUnsetEnvironmentIsDevelopmentWithoutProfiles() {
    SentryOptions options = configure(new MockEnvironment().withProperty("sentry.environment", ""));

    assertThat(options.getEnvironment()).isEqualTo("development");
  }

  @Test
  void anUnsetEnvironmentIsTheActiveProfile() {
    MockEnvironment spring = new MockEnvironment();
    spring.setActiveProfiles("prod");

    assertThat(configure(spring).getEnvironment()).isEqualTo("prod");
  }

  @Test
  void aGivenEnvironmentAndReleaseAreKept() {
    SentryOptions options = new SentryOptions();
    options.setEnvironment("staging");
    options.setRelease("trading-backtest@1.2.3");

    new SentryConfiguration()
        .sentryTagDefaults(new MockEnvironment().withProperty("sentry.environment", "staging"))
        .configure(options);

    assertThat(options.getEnvironment()).isEqualTo("staging");
    assertThat(options.getRelease()).isEqualTo("trading-backtest@1.2.3");
  }

  @Test
  void anEmptyReleaseIsNoRelease() {
    SentryOptions options = new SentryOptions();
    options.setRelease("");

    new SentryConfiguration().sentryTagDefaults(new MockEnvironment()).configure(options);

    assertThat(options.getRelease()).isNull();
  }

  private static SentryOptions configure(MockEnvironment spring) {
    SentryOptions options = new SentryOptions();
    new SentryConfiguration().sentryTagDefaults(spring).configure(options);
    return options;
  }
}
