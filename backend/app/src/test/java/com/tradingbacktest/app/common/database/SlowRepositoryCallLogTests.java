package com.tradingbacktest.app.common.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.data.repository.core.support.RepositoryMethodInvocationListener.RepositoryMethodInvocation;
import org.springframework.data.repository.core.support.RepositoryMethodInvocationListener.RepositoryMethodInvocationResult;
import org.springframework.data.repository.core.support.RepositoryMethodInvocationListener.RepositoryMethodInvocationResult.State;

/** DB_SLOW_QUERY_MS: the threshold's edges and its 0 and -1, on calls of a given duration. */
@ExtendWith(OutputCaptureExtension.class)
class SlowRepositoryCallLogTests {

  @Test
  void logsACallThatTookAtLeastTheThresholdAndNoShorterOne(CapturedOutput output) throws Exception {
    SlowRepositoryCallLog log = new SlowRepositoryCallLog(500);

    log.afterInvocation(call("findShort", 499_999_999L, null));
    log.afterInvocation(call("findLong", 500_000_000L, null));

    assertThat(output.getOut())
        .doesNotContain("findShort")
        .containsPattern(
            "WARN.*Slow repository call PriceRepository\\.findLong took 500 ms \\(threshold 500"
                + " ms\\)");
  }

  @Test
  void namesTheExceptionOfAFailedCall(CapturedOutput output) throws Exception {
    new SlowRepositoryCallLog(500)
        .afterInvocation(call("findLong", 2_000_000_000L, new IllegalStateException("no")));

    assertThat(output.getOut())
        .contains(
            "Slow repository call PriceRepository.findLong took 2000 ms (threshold 500 ms) and"
                + " failed with IllegalStateException");
  }

  @Test
  void zeroLogsEveryCallAndMinusOneNone(CapturedOutput output) throws Exception {
    new SlowRepositoryCallLog(0).afterInvocation(call("findShort", 0, null));
    new SlowRepositoryCallLog(-1)
        .afterInvocation(call("findLong", TimeUnit.HOURS.toNanos(1), null));

    assertThat(output.getOut())
        .contains("Slow repository call PriceRepository.findShort took 0 ms (threshold 0 ms)")
        .doesNotContain("findLong");
  }

  @Test
  void theSettingDefaultsTo500MillisecondsAndRefusesLessThanMinusOne() {
    Binder empty = new Binder(new MapConfigurationPropertySource(Map.of("tb.database.url", "")));
    assertThat(empty.bind("tb.database", DatabaseSettings.class).get().slowQueryMs())
        .isEqualTo(500);

    Binder off =
        new Binder(new MapConfigurationPropertySource(Map.of("tb.database.slow-query-ms", "-1")));
    assertThat(off.bind("tb.database", DatabaseSettings.class).get().slowQueryMs()).isEqualTo(-1);

    Binder wrong =
        new Binder(new MapConfigurationPropertySource(Map.of("tb.database.slow-query-ms", "-5")));
    assertThatThrownBy(() -> wrong.bind("tb.database", DatabaseSettings.class))
        .hasStackTraceContaining("DB_SLOW_QUERY_MS must be -1 (off), 0 (log every call)");
  }

  private static RepositoryMethodInvocation call(
      String method, long nanos, @Nullable Throwable error) throws NoSuchMethodException {
    Method called = PriceRepository.class.getDeclaredMethod(method);
    RepositoryMethodInvocationResult result =
        new RepositoryMethodInvocationResult() {
          @Override
          public State getState() {
            return error == null ? State.SUCCESS : State.ERROR;
          }

          @Override
          public @Nullable Throwable getError() {
            return error;
          }
        };
    return new RepositoryMethodInvocation(PriceRepository.class, called, result, nanos);
  }

  interface PriceRepository {
    void findShort();

    void findLong();
  }
}
