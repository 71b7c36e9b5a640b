package com.tradingbacktest.app.common.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.tradingbacktest.app.support.Api;
import com.tradingbacktest.app.support.IntegrationTest;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.metrics.AutoTimer;
import org.springframework.boot.data.metrics.DefaultRepositoryTagsProvider;
import org.springframework.boot.data.metrics.MetricsRepositoryMethodInvocationListener;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Database query performance: every repository's calls timed in one metric at /actuator/prometheus,
 * pg_stat_statements and the slow-statement log on the embedded server, the app's slow-call log.
 */
@ExtendWith(OutputCaptureExtension.class)
class QueryPerformanceIntegrationTests extends IntegrationTest {

  private static final String METRIC = "spring_data_repository_invocations_seconds";

  @Autowired JdbcClient jdbc;
  @Autowired DatabaseSettings settings;
  @Autowired ApplicationContext context;

  @Test
  void timesSpringDataAndJdbcRepositoriesInOneMetricWithHistogramBuckets() {
    String auth = Api.bearer(api.registerUser("timing")); // UserRepository: Spring Data JPA
    assertThat(api.get("/api/v1/data/symbols/AAPL", "Authorization", auth).status())
        .isEqualTo(200); // SymbolRepository: a @Repository class on JdbcClient

    Api.Response scrape = management().get("/actuator/prometheus");
    assertThat(scrape.status()).isEqualTo(200);
    List<String> lines = scrape.body().lines().toList();

    assertThat(count(lines, "UserRepository", "existsByEmail")).isPositive();
    assertThat(count(lines, "UserRepository", "saveAndFlush")).isPositive();
    assertThat(count(lines, "SymbolRepository", "find")).isPositive();
    assertThat(count(lines, "SymbolRepository", "ranges")).isPositive();
    // Fixed buckets (application.yml) for histogram_quantile, for both kinds of repository.
    assertThat(lines)
        .anyMatch(
            l ->
                l.startsWith(METRIC + "_bucket{")
                    && l.contains("repository=\"UserRepository\"")
                    && l.contains("le=\"0.5\""))
        .anyMatch(
            l ->
                l.startsWith(METRIC + "_bucket{")
                    && l.contains("repository=\"SymbolRepository\"")
                    && l.contains("le=\"0.5\""));
  }

  @Test
  void theEmbeddedServerKeepsStatementStatisticsAndLogsSlowStatements() {
    api.registerUser("stats");

    assertThat(show("shared_preload_libraries")).contains("pg_stat_statements");
    assertThat(
            jdbc.sql("select coalesce(sum(calls), 0) from pg_stat_statements where query like ?")
                .param("%from users%")
                .query(Long.class)
                .single())
        .isPositive();
    assertThat(settings.slowQueryMs()).isEqualTo(500); // the default
    assertThat(show("log_min_duration_statement")).isEqualTo("500ms");
    assertThat(show("log_parameter_max_length")).isEqualTo("0");
  }

  @Test
  void theEmbeddedServerLogsAStatementAsSlowAsTheThresholdToItsLogFolderWithoutBindValues()
      throws Exception {
    String marker = "slow-" + UUID.randomUUID();
    jdbc.sql("select ?::text as marker, pg_sleep(0.5)").param(marker).query().listOfRows();

    Path logs = settings.dataDir().resolve("postgres/log");
    String slow = awaitLogLine(logs, "pg_sleep(0.5)");
    assertThat(slow).contains("duration:");
    assertThat(readAll(logs)).doesNotContain(marker);
  }

  @Test
  void aRepositoryClassCallAtLeastAsSlowAsTheThresholdIsLoggedAndEveryCallTimed(
      CapturedOutput output) {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    MetricsRepositoryMethodInvocationListener metrics =
        new MetricsRepositoryMethodInvocationListener(
            () -> registry,
            new DefaultRepositoryTagsProvider(),
            "spring.data.repository.invocations",
            AutoTimer.ENABLED);
    SlowRepositoryCallLog slowCalls = new SlowRepositoryCallLog(20);
    SleepingRepository repository =
        (SleepingRepository)
            new RepositoryCallTimingPostProcessor(() -> List.of(metrics, slowCalls))
                .postProcessAfterInitialization(new SleepingRepository(jdbc), "sleeping");
    assertThat(AopUtils.isCglibProxy(repository)).isTrue();

    assertThat(repository.sleep()).isEqualTo(1); // pg_sleep(0.05): at least 50 ms
    Throwable failure = catchThrowable(repository::divideByZero);
    assertThat(failure).isNotNull();

    assertThat(output.getOut())
        .containsPattern(
            "WARN.*Slow repository call SleepingRepository\\.sleep took \\d+ ms \\(threshold 20 ms\\)");
    assertThat(timer(registry, "sleep", "SUCCESS", "None").count()).isEqualTo(1);
    assertThat(timer(registry, "divideByZero", "ERROR", failure.getClass().getSimpleName()).count())
        .isEqualTo(1);
    // The test's repository is no bean of the app: only the post-processor above proxied it.
    assertThat(context.getBeanNamesForType(SleepingRepository.class)).isEmpty();
  }

  /** The server's log collector writes asynchronously: wait (10 s at most) for the line. */
  private static String awaitLogLine(Path logs, String text) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (true) {
      Optional<String> line = readAll(logs).lines().filter(l -> l.contains(text)).findFirst();
      if (line.isPresent()) {
        return line.get();
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("No line with " + text + " in " + logs);
      }
      Thread.sleep(50);
    }
  }

  private static String readAll(Path logs) throws IOException {
    StringBuilder all = new StringBuilder();
    try (Stream<Path> files = Files.list(logs)) {
      for (Path file : files.sorted().toList()) {
        all.append(Files.readString(file, StandardCharsets.UTF_8));
      }
    }
    return all.toString();
  }

  private String show(String setting) {
    return jdbc.sql("show " + setting).query(String.class).single();
  }

  private static Timer timer(
      SimpleMeterRegistry registry, String method, String state, String exception) {
    return registry
        .get("spring.data.repository.invocations")
        .tag("repository", "SleepingRepository")
        .tag("method", method)
        .tag("state", state)
        .tag("exception", exception)
        .timer();
  }

  /** The count of successful calls of one repository method in a Prometheus scrape. */
  private static double count(List<String> lines, String repository, String method) {
    return lines.stream()
        .filter(l -> l.startsWith(METRIC + "_count{"))
        .filter(l -> l.contains("repository=\"" + repository + "\""))
        .filter(l -> l.contains("method=\"" + method + "\""))
        .filter(l -> l.contains("state=\"SUCCESS\""))
        .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
        .sum();
  }

  /** A repository class of this test, with one slow statement and one failing statement. */
  @Repository
  static class SleepingRepository {
    private final JdbcClient jdbc;

    SleepingRepository(JdbcClient jdbc) {
      this.jdbc = jdbc;
    }

    int sleep() {
      return jdbc.sql("select 1 from pg_sleep(0.05)").query(Integer.class).single();
    }

    int divideByZero() {
      return jdbc.sql("select 1 / 0").query(Integer.class).single();
    }
  }
}
