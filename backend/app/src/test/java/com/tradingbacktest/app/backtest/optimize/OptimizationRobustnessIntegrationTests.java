package com.tradingbacktest.app.backtest.optimize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.tradingbacktest.app.backtest.JsonTypes;
import com.tradingbacktest.app.backtest.RunSettings;
import com.tradingbacktest.app.backtest.run.RunClient;
import com.tradingbacktest.app.backtest.run.RunPrices;
import com.tradingbacktest.app.marketdata.MarketDataService;
import com.tradingbacktest.app.support.Api.Response;
import com.tradingbacktest.app.support.IntegrationTest;
import com.tradingbacktest.engine.lang.EvaluationLimits;
import com.tradingbacktest.engine.lang.StrategyCompiler;
import com.tradingbacktest.engine.metrics.PerformanceMetrics;
import com.tradingbacktest.engine.robust.WalkForward;
import com.tradingbacktest.engine.series.BarSeries;
import com.tradingbacktest.engine.series.Interval;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * An optimisation's held-out part and overfitting statistics through the API (issue 20): ranked on
 * the in-sample bars only, the top combinations traded on the rest as {@link WalkForward#test}
 * trades them, the statistics over every combination's return blocks.
 */
class OptimizationRobustnessIntegrationTests extends IntegrationTest {

  static final String PATH = "/api/v1/backtests/optimize";

  /** 4 x 5 combinations, all with fast below slow: 20 run. */
  static final Map<String, Object> RANGES =
      Map.of(
          "fast", Map.of("from", 5, "to", 20, "step", 5),
          "slow", Map.of("from", 25, "to", 65, "step", 10));

  @Autowired DataSource dataSource;
  @Autowired MarketDataService marketData;
  @Autowired RunPrices runPrices;
  @Autowired OptimizationFinisher finisher;

  RunClient client;
  String strategy;

  @BeforeEach
  void setUp() {
    client = new RunClient(api, port, json, "robust");
    strategy = client.strategy("sma cross", RunClient.SMA_CROSS);
  }

  @Test
  void ranksOnTheInSampleBarsOnlyAndTradesTheTopTenOnTheHeldOutPart() {
    Map<String, Object> request = optimize("2013-01-01", "2013-12-31");
    request.put("out_of_sample", Map.of("fraction", 0.3));
    String id = started(request);

    JsonNode done = awaitFinished(id);

    JsonNode split = done.path("out_of_sample");
    int inSample = split.path("in_sample_bars").asInt();
    int heldOut = split.path("out_of_sample_bars").asInt();
    assertThat(split.path("fraction").asDouble()).isEqualTo(0.3);
    assertThat(split.path("from").isNull()).isTrue();
    assertThat((double) heldOut).isCloseTo(0.3 * (inSample + heldOut), within(1.0));
    assertThat(split.path("status").asString()).isEqualTo("completed");

    // Its ranking is the one of an optimisation that ends on the last in-sample day.
    Instant splitTime = Instant.parse(split.path("split_time").asString());
    LocalDate firstHeldOut = splitTime.atZone(ZoneId.of("America/New_York")).toLocalDate();
    JsonNode inSampleOnly =
        client.awaitOptimisation(
            started(optimize("2013-01-01", firstHeldOut.minusDays(1).toString())));
    JsonNode ranked = done.path("results");
    JsonNode expected = inSampleOnly.path("results");
    assertThat(ranked).hasSize(20);
    for (int i = 0; i < ranked.size(); i++) {
      assertThat(ranked.get(i).path("combination").asLong())
          .isEqualTo(expected.get(i).path("combination").asLong());
      assertThat(ranked.get(i).path("score").asDouble())
          .isEqualTo(expected.get(i).path("score").asDouble());
    }

    // The top ten feasible in-sample combinations in rank order, each traded on the held-out part.
    JsonNode held = split.path("results");
    assertThat(held).hasSize(10);
    for (int i = 0; i < held.size(); i++) {
      assertThat(held.get(i).path("rank").asInt()).isEqualTo(i + 1);
      assertThat(held.get(i).path("combination").asLong())
          .isEqualTo(ranked.get(i).path("combination").asLong());
      assertThat(held.get(i).path("in_sample_metrics").path("sharpe_ratio").asDouble())
          .isEqualTo(ranked.get(i).path("metrics").path("sharpe_ratio").asDouble());
    }
    RunSettings settings = json.treeToValue(done.path("settings"), RunSettings.class);
    BarSeries bars =
        runPrices
            .read(
                "AAPL",
                Interval.D1,
                marketData.loadDays(
                    "AAPL", Interval.D1, LocalDate.of(2013, 1, 1), LocalDate.of(2013, 12, 31)),
                settings.prices())
            .bars();
    assertThat(bars.size()).isEqualTo(inSample + heldOut);
    Map<String, Double> parameters =
        json.convertValue(held.get(0).path("parameters"), JsonTypes.DOUBLES);
    PerformanceMetrics direct =
        WalkForward.test(
                StrategyCompiler.compile(RunClient.SMA_CROSS).strategy(),
                bars,
                settings.toConfig(10_000),
                parameters,
                inSample,
                bars.size(),
                EvaluationLimits.defaults())
            .metrics();
    JsonNode outOfSample = held.get(0).path("out_of_sample_metrics");
    assertThat(outOfSample.path("total_return").asDouble())
        .isCloseTo(direct.totalReturn(), within(1e-12));
    assertThat(outOfSample.path("trade_count").asInt()).isEqualTo(direct.tradeCount());
    assertThat(held.get(0).path("out_of_sample_score").asDouble())
        .isCloseTo(direct.sharpeRatio(), within(1e-12));

    // The in-sample best over the whole range, at most 1,000 points, from the first bar to the
    // last.
    JsonNode equity = split.path("best_equity");
    assertThat(equity.size()).isBetween(2, 1_000);
    assertThat(Instant.parse(equity.get(0).path("time").asString()).toEpochMilli())
        .isEqualTo(bars.times()[0]);
    assertThat(equity.get(0).path("equity").asDouble()).isEqualTo(10_000.0);

    // The statistics count every combination run, over the default 16 partitions.
    JsonNode statistics = done.path("statistics");
    JsonNode dsr = statistics.path("deflated_sharpe");
    assertThat(dsr.path("trials").asInt()).isEqualTo(20);
    assertThat(dsr.path("observations").asInt()).isEqualTo(inSample - 1);
    assertThat(dsr.path("annualised_observed_sharpe").asDouble())
        .isCloseTo(dsr.path("observed_sharpe").asDouble() * Math.sqrt(252), within(1e-9));
    JsonNode pbo = statistics.path("pbo");
    assertThat(pbo.path("partitions").asInt()).isEqualTo(16);
    assertThat(pbo.path("splits").asInt()).isEqualTo(12_870);
    assertThat(pbo.path("combinations").asInt()).isEqualTo(20);
    assertThat(pbo.path("probability").asDouble()).isBetween(0.0, 1.0);
    assertThat(pbo.path("logits").path("edges")).hasSize(21);
    int counted = 0;
    for (JsonNode c : pbo.path("logits").path("counts")) {
      counted += c.asInt();
    }
    assertThat(counted).isEqualTo(12_870);
    JsonNode plateau = statistics.path("plateau");
    assertThat(plateau.path("plateau_parameters").has("fast")).isTrue();
    assertThat(plateau.path("plateau_parameters").has("slow")).isTrue();
  }

  @Test
  void keepsReturnBlocksWithoutASplitAndTakesTheRequestedPartitions() {
    Map<String, Object> request = optimize("2013-01-01", "2013-12-31");
    request.put("cscv_partitions", 8);
    String id = started(request);

    JsonNode done = awaitFinished(id);

    assertThat(done.path("out_of_sample").isNull()).isTrue();
    assertThat(done.path("statistics").path("pbo").path("partitions").asInt()).isEqualTo(8);
    assertThat(done.path("statistics").path("pbo").path("splits").asInt()).isEqualTo(70);
    assertThat(done.path("statistics").path("deflated_sharpe").path("trials").asInt())
        .isEqualTo(20);
    assertThat(
            new JdbcTemplate(dataSource)
                .queryForObject(
                    "select min(cardinality(return_blocks)) from optimization_results"
                        + " where optimization_id = ?",
                    Integer.class,
                    UUID.fromString(id)))
        .isEqualTo(5 * 8);
  }

  @Test
  void theFinishStepStoresOnceAndGivesTheSameStatisticsWhenRunAgain() {
    Map<String, Object> request = optimize("2013-01-01", "2013-12-31");
    request.put("out_of_sample", Map.of("fraction", 0.25));
    String id = started(request);
    JsonNode first = awaitFinished(id);
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    String stored =
        jdbc.queryForObject(
            "select robustness::text from optimizations where id = ?",
            String.class,
            UUID.fromString(id));

    // A retried job finds the statistics stored and keeps them.
    jdbc.update(
        "update optimizations set robustness = jsonb_set(robustness, '{marker}', '1')"
            + " where id = ?",
        UUID.fromString(id));
    finisher.finish(UUID.fromString(id), 0);
    assertThat(
            jdbc.queryForObject(
                "select robustness->>'marker' from optimizations where id = ?",
                String.class,
                UUID.fromString(id)))
        .isEqualTo("1");

    // Computed afresh, they are the same to the bit: nothing in them is random.
    jdbc.update("update optimizations set robustness = null where id = ?", UUID.fromString(id));
    finisher.finish(UUID.fromString(id), 0);
    assertThat(
            jdbc.queryForObject(
                "select robustness::text from optimizations where id = ?",
                String.class,
                UUID.fromString(id)))
        .isEqualTo(stored);
    assertThat(client.get(PATH + "/" + id).json().path("statistics"))
        .isEqualTo(first.path("statistics"));
  }

  @Test
  void anOptimisationFromBeforeTheStatisticsAnswersNullForThem() {
    String id = started(optimize("2013-01-01", "2013-03-31"));
    awaitFinished(id);
    // What V22 left on the rows of earlier optimisations.
    new JdbcTemplate(dataSource)
        .update(
            "update optimizations set cscv_partitions = null, out_of_sample = null,"
                + " robustness = null where id = ?",
            UUID.fromString(id));
    new JdbcTemplate(dataSource)
        .update(
            "update optimization_results set return_blocks = null where optimization_id = ?",
            UUID.fromString(id));

    JsonNode old = client.get(PATH + "/" + id).json();

    assertThat(old.path("status").asString()).isEqualTo("completed");
    assertThat(old.path("statistics").isNull()).isTrue();
    assertThat(old.path("out_of_sample").isNull()).isTrue();
    assertThat(old.path("results")).hasSize(20);
  }

  @Test
  void refusesBadSplitsAndPartitionsByField() {
    Map<String, Object> both = optimize("2013-01-01", "2013-12-31");
    both.put("out_of_sample", Map.of("fraction", 0.3, "from", "2013-10-01"));
    assertThat(errorFields(both)).containsExactly("out_of_sample");

    Map<String, Object> fraction = optimize("2013-01-01", "2013-12-31");
    fraction.put("out_of_sample", Map.of("fraction", 0.95));
    assertThat(errorFields(fraction)).containsExactly("out_of_sample.fraction");

    Map<String, Object> from = optimize("2013-01-01", "2013-12-31");
    from.put("out_of_sample", Map.of("from", "2014-02-01"));
    assertThat(errorFields(from)).containsExactly("out_of_sample.from");

    Map<String, Object> odd = optimize("2013-01-01", "2013-12-31");
    odd.put("cscv_partitions", 5);
    assertThat(errorFields(odd)).containsExactly("cscv_partitions");

    Map<String, Object> tooMany = optimize("2013-01-01", "2013-12-31");
    tooMany.put("cscv_partitions", 34);
    assertThat(errorFields(tooMany)).containsExactly("cscv_partitions");

    // The range ends on a Sunday: from Saturday on there is no bar to hold out.
    Map<String, Object> empty = optimize("2013-01-01", "2013-12-29");
    empty.put("out_of_sample", Map.of("from", "2013-12-28"));
    Response emptyResponse = client.api.post(PATH, empty, client.auth);
    assertThat(emptyResponse.status()).as(emptyResponse.toString()).isEqualTo(422);
    assertThat(emptyResponse.errorFields()).containsExactly("out_of_sample.from");

    // Twenty bars, 90% held out: two ranked bars cannot be cut into 16 blocks.
    Map<String, Object> short_ = optimize("2013-01-01", "2013-01-31");
    short_.put("out_of_sample", Map.of("fraction", 0.9));
    Response shortResponse = client.api.post(PATH, short_, client.auth);
    assertThat(shortResponse.status()).isEqualTo(422);
    assertThat(shortResponse.errorFields()).containsExactly("cscv_partitions");
    assertThat(shortResponse.body()).contains("need at least 17");
  }

  @Test
  void aPortfolioOptimisationWithASplitCompletes() {
    List<String> universe = new ArrayList<>();
    for (int s = 0; s < 3; s++) {
      double[] closes = new double[200];
      for (int i = 0; i < closes.length; i++) {
        closes[i] = 100 + 10 * Math.sin((i + 7 * s) / (4.0 + s)) + 0.05 * i;
      }
      universe.add(client.uploadFractionalDaily("USD", closes));
    }
    String code =
        """
        param n = 5 in 3..12 step 3
        long_entry = close > sma(close, n)
        long_exit = close < sma(close, n)
        """;
    Map<String, Object> backtest =
        RunClient.request(
            client.strategy("portfolio sma", code), null, "1d", "2024-01-01", "2024-12-31");
    backtest.remove("symbol");
    backtest.put("symbols", universe);
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("backtest", backtest);
    request.put("objective", "total_return");
    request.put("out_of_sample", Map.of("fraction", 0.25));
    request.put("cscv_partitions", 4);

    JsonNode done = awaitFinished(started(request));

    JsonNode split = done.path("out_of_sample");
    assertThat(split.path("in_sample_bars").asInt()).isEqualTo(150);
    assertThat(split.path("out_of_sample_bars").asInt()).isEqualTo(50);
    assertThat(split.path("results")).hasSize(4);
    assertThat(split.path("results").get(0).path("out_of_sample_metrics").has("total_return"))
        .isTrue();
    assertThat(split.path("best_equity")).hasSize(200);
    assertThat(done.path("statistics").path("pbo").path("combinations").asInt()).isEqualTo(4);
  }

  @Test
  void anotherAccountSeesNoneOfIt() {
    Map<String, Object> request = optimize("2013-01-01", "2013-12-31");
    request.put("out_of_sample", Map.of("from", "2013-10-01"));
    String id = started(request);
    assertThat(new RunClient(api, port, json, "robust-peeker").get(PATH + "/" + id).status())
        .isEqualTo(404);
    JsonNode done = awaitFinished(id);
    assertThat(done.path("out_of_sample").path("from").asString()).isEqualTo("2013-10-01");
    assertThat(
            Instant.parse(done.path("out_of_sample").path("split_time").asString())
                .atZone(ZoneId.of("America/New_York"))
                .toLocalDate())
        .isEqualTo(LocalDate.of(2013, 10, 1));
  }

  private List<String> errorFields(Map<String, Object> request) {
    Response response = client.api.post(PATH, request, client.auth);
    assertThat(response.status()).as(response.toString()).isEqualTo(422);
    return response.errorFields();
  }

  private Map<String, Object> optimize(String start, String end) {
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("backtest", RunClient.request(strategy, "AAPL", "1d", start, end));
    request.put("ranges", RANGES);
    request.put("objective", "sharpe_ratio");
    return request;
  }

  private String started(Map<String, Object> request) {
    Response accepted = client.api.post(PATH, request, client.auth);
    assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
    return accepted.json().path("id").asString();
  }

  /** The optimisation once its grid is done and its finish step has stored the statistics. */
  private JsonNode awaitFinished(String id) {
    client.awaitOptimisation(id);
    Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
    while (true) {
      JsonNode state = client.get(PATH + "/" + id).json();
      if (!state.path("statistics").isNull()) {
        return state;
      }
      assertThat(Instant.now()).as("statistics still pending: " + state).isBefore(deadline);
      RunClient.sleep(200);
    }
  }
}
