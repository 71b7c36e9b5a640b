package com.tradingbacktest.app.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.tradingbacktest.app.support.Api;
import com.tradingbacktest.app.support.Api.Response;
import com.tradingbacktest.app.support.IntegrationTest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jobrunr.server.BackgroundJobServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The analytics endpoints against runs the started app really ran: two parameter sets of a
 * moving-average crossover on AAPL's daily bars of 2013 and one on a week of bitcoin minute bars,
 * all on the real embedded PostgreSQL and JobRunr worker. Expected figures are recomputed here from
 * the runs' full series.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnalyticsIntegrationTests extends IntegrationTest {

  @Autowired BackgroundJobServer jobServer;

  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  AnalyticsClient owner;
  String fastRun;
  String slowRun;
  String bitcoinRun;

  @BeforeAll
  void runBacktests() {
    owner = new AnalyticsClient(new Api("http://localhost:" + port, json), port, json, "analyst");
    String strategy = owner.strategy("SMA cross");
    fastRun = owner.startAapl(strategy, 5, 20);
    slowRun = owner.startAapl(strategy, 10, 30);
    bitcoinRun = owner.start(strategy, "BTCUSD.BITSTAMP", "1m", "2013-11-25", "2013-12-01", 10, 30);
    owner.awaitCompleted(fastRun, slowRun, bitcoinRun);
  }

  @Test
  void metricsOfSeveralRunsComeInTheOrderAskedWithMetricsInTheDocumentedOrder() {
    JsonNode body = owner.ok("metrics?ids=" + slowRun + "," + fastRun);

    assertThat(strings(body.path("metric_names"))).containsExactlyElementsOf(MetricNames.ORDER);
    JsonNode slow = body.path("runs").get(0);
    JsonNode fast = body.path("runs").get(1);
    assertThat(slow.path("id").asString()).isEqualTo(slowRun);
    assertThat(fast.path("id").asString()).isEqualTo(fastRun);
    assertThat(fast.path("status").asString()).isEqualTo("completed");
    assertThat(fast.path("strategy_name").asString()).isEqualTo("SMA cross");
    assertThat(fast.path("symbol").asString()).isEqualTo("AAPL");
    assertThat(fast.path("interval").asString()).isEqualTo("1d");
    // Asked from 2013-01-01 (a holiday): the run's dates are clipped to its first bar.
    assertThat(fast.path("start_date").asString()).isEqualTo("2013-01-02");
    assertThat(fast.path("end_date").asString()).isEqualTo("2013-12-31");
    assertThat(fast.path("initial_capital").asDouble()).isEqualTo(10000);
    assertThat(fast.path("currency").asString()).isEqualTo("USD");
    assertThat(fast.path("time_zone").asString()).isEqualTo("America/New_York");
    assertThat(fast.path("parameters").path("fast").asDouble()).isEqualTo(5);
    assertThat(slow.path("parameters").path("slow").asDouble()).isEqualTo(30);

    assertThat(fast.path("metrics").propertyNames()).containsExactlyElementsOf(MetricNames.ORDER);
    JsonNode stored = owner.backtest(fastRun).path("result").path("metrics");
    for (String name : MetricNames.ORDER) {
      assertThat(fast.path("metrics").path(name)).as(name).isEqualTo(stored.path(name));
    }
    assertThat(fast.path("metrics").path("total_return").asDouble())
        .isNotEqualTo(slow.path("metrics").path("total_return").asDouble());
    // The parameter may also be repeated; a repeated id counts once.
    JsonNode repeated = owner.ok("metrics?ids=" + fastRun + "&ids=" + fastRun);
    assertThat(repeated.path("runs")).hasSize(1);
  }

  @Test
  void chartOfADailyRunServesEveryPartFromItsFullSeries() {
    JsonNode run = owner.backtest(fastRun).path("result");
    int bars = run.path("bar_count").asInt();

    JsonNode chart = owner.ok("chart?backtest_id=" + fastRun + "&points=10000");

    assertThat(chart.path("backtest_id").asString()).isEqualTo(fastRun);
    assertThat(chart.path("time_zone").asString()).isEqualTo("America/New_York");
    JsonNode equityChart = chart.path("equity");
    assertThat(equityChart.path("total_points").asInt()).isEqualTo(bars);
    assertThat(equityChart.path("time")).hasSize(bars);
    assertThat(equityChart.path("buy_and_hold").get(0).asDouble()).isEqualTo(10000.0);
    double[] equity = doubles(equityChart.path("equity"));
    double[] returns = new double[bars - 1];
    for (int i = 1; i < bars; i++) {
      returns[i - 1] = equity[i] / equity[i - 1] - 1;
    }

    assertThat(chart.path("return_period").asString()).isEqualTo("bar");
    assertThat(chart.path("periods_per_year").asDouble()).isEqualTo(252);

    JsonNode histogram = chart.path("returns_histogram");
    assertThat(histogram.path("total").asInt()).isEqualTo(bars - 1);
    assertThat(histogram.path("counts")).hasSize(30);
    assertThat(IntStream.of(ints(histogram.path("counts"))).sum()).isEqualTo(bars - 1);
    double[] edges = doubles(histogram.path("edges"));
    assertThat(edges).hasSize(31);
    assertThat(edges[0]).isEqualTo(Arrays.stream(returns).min().orElseThrow());
    assertThat(edges[30]).isEqualTo(Arrays.stream(returns).max().orElseThrow());
    assertThat(ints(histogram.path("counts"))[0])
        .isEqualTo((int) Arrays.stream(returns).filter(r -> r < edges[1]).count());

    JsonNode sharpe = chart.path("rolling_sharpe");
    assertThat(sharpe.path("window").asInt()).isEqualTo(63);
    assertThat(sharpe.path("total_points").asInt()).isEqualTo(bars - 63);
    assertThat(sharpe.path("time")).hasSize(bars - 63);
    assertThat(sharpe.path("time").get(0).asLong())
        .isEqualTo(equityChart.path("time").get(63).asLong());
    assertThat(sharpe.path("sharpe").get(bars - 64).asDouble())
        .isCloseTo(sharpeOf(returns, bars - 1 - 63, 63), within(1e-9));
    assertThat(sharpe.path("sharpe").get(0).asDouble())
        .isCloseTo(sharpeOf(returns, 0, 63), within(1e-9));

    JsonNode grid = chart.path("monthly_returns");
    assertThat(ints(grid.path("years"))).containsExactly(2013);
    JsonNode monthly = run.path("monthly_returns");
    assertThat(monthly).hasSize(12);
    for (JsonNode month : monthly) {
      assertThat(grid.path("months").get(0).get(month.path("month").asInt() - 1).asDouble())
          .isEqualTo(month.path("return").asDouble());
    }
    assertThat(grid.path("yearly").get(0).asDouble())
        .isEqualTo(run.path("yearly_returns").get(0).path("return").asDouble());

    // The deepest drawdown period is the run's max_drawdown; at most five, deepest first.
    JsonNode periods = chart.path("drawdown_periods");
    assertThat(periods.size()).isBetween(1, 5);
    assertThat(periods.get(0).path("depth").asDouble())
        .isCloseTo(run.path("metrics").path("max_drawdown").asDouble(), within(1e-12));
    for (int k = 1; k < periods.size(); k++) {
      assertThat(periods.get(k).path("depth").asDouble())
          .isGreaterThanOrEqualTo(periods.get(k - 1).path("depth").asDouble());
    }
  }

  @Test
  void chartOfARangeKeepsToItAndToThePointBudget() {
    JsonNode full = owner.ok("chart?backtest_id=" + fastRun + "&points=10000");
    long from = LocalDate.of(2013, 6, 1).atStartOfDay(NEW_YORK).toInstant().toEpochMilli();
    long to = LocalDate.of(2013, 9, 1).atStartOfDay(NEW_YORK).toInstant().toEpochMilli() - 1;
    List<Long> inRange =
        longs(full.path("equity").path("time")).stream().filter(t -> t >= from && t <= to).toList();

    JsonNode chart =
        owner.ok(
            "chart?backtest_id="
                + fastRun
                + "&from=2013-06-01&to=2013-08-31&points=16&bins=5"
                + "&window=10");

    JsonNode equity = chart.path("equity");
    assertThat(equity.path("total_points").asInt()).isEqualTo(inRange.size()).isGreaterThan(16);
    List<Long> times = longs(equity.path("time"));
    assertThat(times).hasSizeLessThanOrEqualTo(16).isSorted();
    assertThat(times.get(0)).isEqualTo(inRange.get(0));
    assertThat(times.get(times.size() - 1)).isEqualTo(inRange.get(inRange.size() - 1));
    assertThat(chart.path("returns_histogram").path("total").asInt()).isEqualTo(inRange.size() - 1);
    assertThat(chart.path("returns_histogram").path("counts")).hasSize(5);
    JsonNode sharpe = chart.path("rolling_sharpe");
    assertThat(sharpe.path("window").asInt()).isEqualTo(10);
    assertThat(longs(sharpe.path("time")))
        .hasSizeLessThanOrEqualTo(16)
        .allMatch(t -> t >= from && t <= to);
    assertThat(sharpe.path("total_points").asInt())
        .isEqualTo(inRange.size()); // a window ends at every point
    // The same instant range given as instants.
    JsonNode again =
        owner.ok(
            "chart?backtest_id="
                + fastRun
                + "&from="
                + Instant.ofEpochMilli(from)
                + "&to="
                + Instant.ofEpochMilli(to)
                + "&points=16&bins=5&window=10");
    assertThat(again.path("equity")).isEqualTo(equity);
  }

  @Test
  void chartOfAnIntradayRunMeasuresDailyReturns() {
    JsonNode chart = owner.ok("chart?backtest_id=" + bitcoinRun + "&window=3&points=100");

    assertThat(chart.path("return_period").asString()).isEqualTo("day");
    assertThat(chart.path("periods_per_year").asDouble()).isEqualTo(365);
    // 25 November to 1 December (UTC): seven closes, six daily returns, four windows of three.
    assertThat(chart.path("returns_histogram").path("total").asInt()).isEqualTo(6);
    assertThat(chart.path("rolling_sharpe").path("total_points").asInt()).isEqualTo(4);
    assertThat(chart.path("equity").path("time")).hasSizeLessThanOrEqualTo(100);
    assertThat(chart.path("equity").path("total_points").asInt()).isGreaterThan(1000);
    assertThat(
            owner
                .ok("chart?backtest_id=" + bitcoinRun)
                .path("rolling_sharpe")
                .path("window")
                .asInt())
        .isEqualTo(91);
  }

  @Test
  void compareRebasesCurvesOnTheUnionOfDaysAndCorrelatesDailyReturns() {
    JsonNode fastChart = owner.ok("chart?backtest_id=" + fastRun + "&points=10000").path("equity");
    JsonNode slowChart = owner.ok("chart?backtest_id=" + slowRun + "&points=10000").path("equity");
    List<LocalDate> aaplDays =
        longs(fastChart.path("time")).stream()
            .map(t -> Instant.ofEpochMilli(t).atZone(NEW_YORK).toLocalDate())
            .toList();
    double[] fast = doubles(fastChart.path("equity"));
    double[] slow = doubles(slowChart.path("equity"));

    JsonNode body = owner.ok("compare?ids=" + fastRun + "," + slowRun + "," + bitcoinRun);

    assertThat(strings(body.path("metric_names"))).containsExactlyElementsOf(MetricNames.ORDER);
    assertThat(body.path("runs").get(2).path("id").asString()).isEqualTo(bitcoinRun);
    assertThat(body.path("runs").get(0).path("metrics").path("sharpe_ratio").isNumber()).isTrue();

    // The axis: AAPL's trading days plus the bitcoin week's Thanksgiving, Saturday and Sunday.
    TreeSet<LocalDate> union = new TreeSet<>(aaplDays);
    IntStream.rangeClosed(0, 6).forEach(d -> union.add(LocalDate.of(2013, 11, 25).plusDays(d)));
    JsonNode equity = body.path("equity");
    List<LocalDate> dates = strings(equity.path("dates")).stream().map(LocalDate::parse).toList();
    assertThat(dates).containsExactlyElementsOf(union);
    assertThat(equity.path("total_points").asInt()).isEqualTo(union.size());
    JsonNode fastCurve = equity.path("values").get(0);
    for (int i = 0; i < aaplDays.size(); i++) {
      assertThat(fastCurve.get(dates.indexOf(aaplDays.get(i))).asDouble())
          .as(aaplDays.get(i).toString())
          .isCloseTo(100 * fast[i] / fast[0], within(1e-9));
    }
    int thanksgiving = dates.indexOf(LocalDate.of(2013, 11, 28));
    assertThat(fastCurve.get(thanksgiving)).isEqualTo(fastCurve.get(thanksgiving - 1));
    JsonNode bitcoin = equity.path("values").get(2);
    int firstBitcoinDay = dates.indexOf(LocalDate.of(2013, 11, 25));
    assertThat(bitcoin.get(firstBitcoinDay - 1).isNull()).isTrue();
    assertThat(bitcoin.get(firstBitcoinDay).asDouble()).isEqualTo(100.0);
    assertThat(bitcoin.get(firstBitcoinDay + 6).isNumber()).isTrue();
    assertThat(bitcoin.get(firstBitcoinDay + 7).isNull()).isTrue();

    JsonNode correlation = body.path("correlation");
    double[] fastReturns = dailyReturns(fast);
    double[] slowReturns = dailyReturns(slow);
    assertThat(correlation.path("values").get(0).get(1).asDouble())
        .isCloseTo(pearson(fastReturns, slowReturns), within(1e-9));
    assertThat(correlation.path("values").get(1).get(0))
        .isEqualTo(correlation.path("values").get(0).get(1));
    assertThat(correlation.path("values").get(0).get(0).asDouble()).isCloseTo(1, within(1e-12));
    assertThat(correlation.path("overlapping_returns").get(0).get(1).asInt())
        .isEqualTo(aaplDays.size() - 1);
    // AAPL traded on 25, 26, 27 and 29 November: three returns shared with bitcoin.
    assertThat(correlation.path("overlapping_returns").get(0).get(2).asInt()).isEqualTo(3);
    assertThat(correlation.path("overlapping_returns").get(2).get(2).asInt()).isEqualTo(6);
  }

  @Test
  void compareDownsamplesTheAxisToThePointBudget() {
    JsonNode equity =
        owner.ok("compare?ids=" + fastRun + "," + slowRun + "&points=16").path("equity");

    assertThat(equity.path("dates").size()).isLessThanOrEqualTo(16);
    assertThat(equity.path("values").get(0)).hasSize(equity.path("dates").size());
    assertThat(equity.path("dates").get(0).asString()).isEqualTo("2013-01-02");
    assertThat(equity.path("values").get(1).get(0).asDouble()).isEqualTo(100.0);
  }

  @Test
  void anotherUsersRunsAreNotFound() {
    AnalyticsClient stranger = new AnalyticsClient(api, port, json, "stranger");

    Response metrics = stranger.get("metrics?ids=" + fastRun);
    assertThat(metrics.status()).isEqualTo(404);
    assertThat(metrics.problemType()).isEqualTo("/problems/not-found");
    assertThat(metrics.json().path("detail").asString()).contains(fastRun);
    assertThat(stranger.get("chart?backtest_id=" + fastRun).status()).isEqualTo(404);
    assertThat(stranger.get("compare?ids=" + fastRun + "," + slowRun).status()).isEqualTo(404);

    String unknown = UUID.randomUUID().toString();
    Response mixed = owner.get("metrics?ids=" + fastRun + "," + unknown);
    assertThat(mixed.status()).isEqualTo(404);
    assertThat(mixed.json().path("detail").asString()).contains(unknown).doesNotContain(fastRun);
  }

  @Test
  void runsWithoutResultsCannotBeChartedOrCompared() {
    AnalyticsClient waiting = new AnalyticsClient(api, port, json, "waiting");
    String strategy = waiting.strategy("SMA cross");
    String cancelled;
    // Jobs start the moment they are queued: with JobRunr paused, both runs stay queued while the
    // one is cancelled and the other is asked for, so neither can finish first.
    jobServer.pauseProcessing();
    try {
      cancelled = waiting.startAapl(strategy, 5, 20);
      assertThat(waiting.cancel(cancelled).status()).isEqualTo(202);
      String pending = waiting.startAapl(strategy, 10, 30);

      Response chart = waiting.get("chart?backtest_id=" + pending);
      assertThat(chart.status()).as(chart.toString()).isEqualTo(409);
      assertThat(chart.problemType()).isEqualTo("/problems/run-not-completed");
      assertThat(chart.json().path("run_status").asString()).isEqualTo("pending");

      Response compare = waiting.get("compare?ids=" + pending + "," + cancelled);
      assertThat(compare.status()).isEqualTo(409);
    } finally {
      jobServer.resumeProcessing();
    }
    assertThat(waiting.get("chart?backtest_id=" + cancelled).json().path("run_status").asString())
        .isEqualTo("cancelled");
    assertThat(waiting.get("chart?backtest_id=" + cancelled).json().path("backtest_id").asString())
        .isEqualTo(cancelled);

    JsonNode metrics = waiting.ok("metrics?ids=" + cancelled).path("runs").get(0);
    assertThat(metrics.path("status").asString()).isEqualTo("cancelled");
    assertThat(metrics.path("metrics").isNull()).isTrue();
    assertThat(waiting.ok("metrics?ids=" + cancelled).path("metric_names")).isEmpty();
  }

  @Test
  void badParametersAreFieldErrors() {
    String tooMany =
        IntStream.range(0, 21)
            .mapToObj(i -> UUID.randomUUID().toString())
            .collect(Collectors.joining(","));
    String eleven =
        fastRun
            + ","
            + IntStream.range(0, 10)
                .mapToObj(i -> UUID.randomUUID().toString())
                .collect(Collectors.joining(","));
    Map<String, String> fieldByQuery = new LinkedHashMap<>();
    fieldByQuery.put("metrics?ids=" + tooMany, "ids");
    fieldByQuery.put("metrics?ids=not-a-uuid", "ids");
    fieldByQuery.put("metrics", "ids");
    fieldByQuery.put("compare?ids=" + fastRun, "ids");
    fieldByQuery.put("compare?ids=" + fastRun + "," + fastRun, "ids");
    fieldByQuery.put("compare?ids=" + eleven, "ids");
    fieldByQuery.put("compare?ids=" + fastRun + "," + slowRun + "&points=15", "points");
    fieldByQuery.put("chart", "backtest_id");
    fieldByQuery.put("chart?backtest_id=42", "backtest_id");
    fieldByQuery.put("chart?backtest_id=" + fastRun + "&points=15", "points");
    fieldByQuery.put("chart?backtest_id=" + fastRun + "&points=10001", "points");
    fieldByQuery.put("chart?backtest_id=" + fastRun + "&bins=0", "bins");
    fieldByQuery.put("chart?backtest_id=" + fastRun + "&window=1", "window");
    fieldByQuery.put("chart?backtest_id=" + fastRun + "&from=yesterday", "from");
    fieldByQuery.put("chart?backtest_id=" + fastRun + "&from=2013-09-01&to=2013-06-01", "to");

    fieldByQuery.forEach(
        (query, field) -> {
          Response response = owner.get(query);
          assertThat(response.status()).as(query + " -> " + response).isEqualTo(422);
          assertThat(response.problemType()).isEqualTo("/problems/validation-failed");
          assertThat(response.json().path("errors").get(0).path("field").asString())
              .as(query)
              .isEqualTo(field);
        });
    assertThat(owner.get("metrics?ids=not-a-uuid").json().path("detail").asString())
        .contains("'not-a-uuid'");
  }

  @Test
  void withoutSignInNothingIsServed() {
    assertThat(api.get(AnalyticsClient.PATH + "/metrics?ids=" + fastRun).status()).isEqualTo(401);
    assertThat(api.get(AnalyticsClient.PATH + "/chart?backtest_id=" + fastRun).status())
        .isEqualTo(401);
    assertThat(api.get(AnalyticsClient.PATH + "/compare?ids=" + fastRun + "," + slowRun).status())
        .isEqualTo(401);
  }

  @Test
  void theOpenApiDocumentDescribesTheTypedResponses() {
    JsonNode spec = api.get("/api/v1/openapi.json").json();

    assertThat(spec.path("paths").has("/api/v1/analytics/metrics")).isTrue();
    assertThat(
            spec.path("paths")
                .path("/api/v1/analytics/chart")
                .path("get")
                .path("responses")
                .has("409"))
        .isTrue();
    JsonNode schemas = spec.path("components").path("schemas");
    assertThat(schemas.path("RunChartResponse").path("properties").has("returns_histogram"))
        .isTrue();
    assertThat(schemas.path("RunComparisonResponse").path("properties").has("correlation"))
        .isTrue();
    assertThat(schemas.path("RebasedEquity").path("properties").has("total_points")).isTrue();
    assertThat(schemas.path("RunOverview").path("properties").has("time_zone")).isTrue();
  }

  /**
   * Sample-stdev Sharpe of returns[from .. from+window-1], annualised with 252 days, risk-free 0
   * (the runs' default).
   */
  private static double sharpeOf(double[] returns, int from, int window) {
    double mean = 0;
    for (int i = from; i < from + window; i++) {
      mean += returns[i] / window;
    }
    double squares = 0;
    for (int i = from; i < from + window; i++) {
      squares += (returns[i] - mean) * (returns[i] - mean);
    }
    return mean / Math.sqrt(squares / (window - 1)) * Math.sqrt(252);
  }

  private static double[] dailyReturns(double[] equity) {
    double[] returns = new double[equity.length - 1];
    for (int i = 1; i < equity.length; i++) {
      returns[i - 1] = equity[i] / equity[i - 1] - 1;
    }
    return returns;
  }

  private static double pearson(double[] a, double[] b) {
    double meanA = Arrays.stream(a).average().orElseThrow();
    double meanB = Arrays.stream(b).average().orElseThrow();
    double ab = 0;
    double aa = 0;
    double bb = 0;
    for (int i = 0; i < a.length; i++) {
      ab += (a[i] - meanA) * (b[i] - meanB);
      aa += (a[i] - meanA) * (a[i] - meanA);
      bb += (b[i] - meanB) * (b[i] - meanB);
    }
    return ab / Math.sqrt(aa * bb);
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(v -> values.add(v.asString()));
    return values;
  }

  private static List<Long> longs(JsonNode array) {
    List<Long> values = new ArrayList<>();
    array.forEach(v -> values.add(v.asLong()));
    return values;
  }

  private static double[] doubles(JsonNode array) {
    double[] values = new double[array.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = array.get(i).asDouble();
    }
    return values;
  }

  private static int[] ints(JsonNode array) {
    int[] values = new int[array.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = array.get(i).asInt();
    }
    return values;
  }
}
