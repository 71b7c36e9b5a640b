package com.tradingbacktest.app.common.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.tradingbacktest.app.support.TestRedis;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Against a real redis-server that is stopped and started under the client. */
@ExtendWith(OutputCaptureExtension.class)
class SharedRedisTests {

  private static final Duration RETRY = Duration.ofMillis(200);

  private TestRedis server;
  private SharedRedis redis;

  @BeforeEach
  void start() {
    server = TestRedis.started();
  }

  @AfterEach
  void stop() {
    if (redis != null) {
      redis.close();
    }
    server.close();
  }

  @Test
  void runsOperationsOnRedis() {
    redis = server.connect(RETRY);

    redis.<String>execute(c -> c.sync().set(redis.key("greeting"), bytes("hello")), () -> "local");

    assertThat(server.<String>inspect(c -> c.get("tb:greeting"))).isEqualTo("hello");
    assertThat(redis.<String>execute(c -> text(c.sync().get(redis.key("greeting"))), () -> "local"))
        .isEqualTo("hello");
    assertThat(redis.available()).isTrue();
  }

  @Test
  void usesTheFallbackWithOneWarningWhileRedisIsAwayAndRedisAgainWhenItIsBack(
      CapturedOutput output) {
    redis = server.connect(RETRY);
    AtomicInteger whenBack = new AtomicInteger();
    redis.whenBack(c -> whenBack.incrementAndGet());
    redis.<String>execute(c -> c.sync().set(redis.key("k"), bytes("shared")), () -> null);

    server.stop();

    for (int i = 0; i < 5; i++) {
      assertThat(redis.<String>execute(c -> text(c.sync().get(redis.key("k"))), () -> "local"))
          .isEqualTo("local");
    }
    assertThat(redis.available()).isFalse();
    assertThat(output.getOut().split("is unavailable", -1)).hasSize(2);
    assertThat(output.getOut())
        .contains("Redis at 127.0.0.1:" + server.port() + " is unavailable")
        .contains("using local caches and rate limits");
    assertThat(whenBack).hasValue(0);

    server.start();

    await()
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(100))
        .untilAsserted(
            () ->
                assertThat(
                        redis.<String>execute(
                            c -> text(c.sync().get(redis.key("k"))), () -> "local"))
                    .isEqualTo("shared"));
    assertThat(redis.available()).isTrue();
    assertThat(whenBack).hasValue(1);
    assertThat(output.getOut()).contains("answers again");
  }

  @Test
  void leavesRedisAloneForTheRetryIntervalAfterAFailure() {
    redis =
        SharedRedis.connect(
            new RedisSettings(server.url(), Duration.ofMillis(500), Duration.ofHours(1), "tb:"));
    server.stop();
    assertThat(redis.<String>execute(c -> c.sync().ping(), () -> "local")).isEqualTo("local");
    server.start();

    AtomicInteger attempts = new AtomicInteger();
    for (int i = 0; i < 3; i++) {
      assertThat(
              redis.<String>execute(
                  c -> {
                    attempts.incrementAndGet();
                    return c.sync().ping();
                  },
                  () -> "local"))
          .isEqualTo("local");
    }
    assertThat(attempts).hasValue(0);
  }

  @Test
  void startsWhileRedisIsDownAndConnectsOnceItIsUp(CapturedOutput output) {
    server.stop();

    redis = server.connect(RETRY);

    assertThat(redis.<String>execute(c -> c.sync().ping(), () -> "local")).isEqualTo("local");
    assertThat(output.getOut()).contains("is unavailable");
    server.start();
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(redis.<String>execute(c -> c.sync().ping(), () -> "local"))
                    .isEqualTo("PONG"));
  }

  @Test
  void passesOtherFailuresToTheCaller() {
    redis = server.connect(RETRY);

    assertThatThrownBy(
            () ->
                redis.<String>execute(
                    c -> {
                      throw new IllegalStateException("a bug, not Redis");
                    },
                    () -> "local"))
        .isInstanceOf(IllegalStateException.class);
    assertThat(redis.available()).isTrue();
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String text(byte[] bytes) {
    return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
  }
}
