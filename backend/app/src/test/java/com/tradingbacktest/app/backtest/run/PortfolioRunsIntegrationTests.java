package com.tradingbacktest.app.backtest.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.tradingbacktest.app.support.Api.Response;
import com.tradingbacktest.app.support.IntegrationTest;
import com.tradingbacktest.app.support.Multipart;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Portfolio runs through the API: several symbols in one account, checked against an independent
 * computation of issue 17's equal weight monthly rule on a small fixture, and read back by symbol
 * (fills, round trips, holdings within a budget), with FX, the 422s of bad requests, and owners.
 *
 * <p>The fixture: three daily symbols (24/7 calendar, UTC, lot size 1e-9 so quantities are
 * fractional, no costs) over 70 days from 2024-01-01, each bar opening at the previous close.
 */
class PortfolioRunsIntegrationTests extends IntegrationTest {

  static final int DAYS = 70;

  static final String EQUAL_WEIGHT = "rebalance = monthly\nweight = 1 / universe_size()\n";

  static final String SMA =
      "long_entry = close > sma(close, 5)\nlong_exit = close < sma(close, 5)\n";

  static final double CAPITAL = 10_000;

  RunClient client;
  double[][] closes;
  List<String> symbols;

  @BeforeEach
  void uploadTheUniverse() {
    client = new RunClient(api, port, json, "portfolio");
    closes = new double[3][DAYS];
    for (int i = 0; i < DAYS; i++) {
      closes[0][i] = 100 + 10 * Math.sin(i / 5.0);
      closes[1][i] = 50 * Math.pow(1.01, i);
      closes[2][i] = 200 - i + (i % 3);
    }
    symbols = new ArrayList<>();
    for (double[] c : closes) {
      symbols.add(client.uploadFractionalDaily("USD", c));
    }
  }

  Map<String, Object> request(String code, List<String> universe) {
    Map<String, Object> request =
        RunClient.request(
            client.strategy("Portfolio", code), null, "1d", "2024-01-01", "2024-12-31");
    request.remove("symbol");
    request.put("symbols", universe);
    return request;
  }

  JsonNode completed(Map<String, Object> request) {
    String id = client.started(request);
    JsonNode status = client.awaitFinal(id);
    assertThat(status.path("status").asString()).as(status.toString()).isEqualTo("completed");
    Response run = client.get(id);
    assertThat(run.status()).as(run.toString()).isEqualTo(200);
    return run.json();
  }

  /**
   * Issue 17's rule, computed here without the engine: target 1/N of equity decided at the close of
   * the first bar of each calendar month (and of the very first bar), filled at the next bar's
   * open, equity at that open = cash + every position at the open; no costs, fractional units.
   * Returns the final equity (cash + every position at the last close) and fills {@code quantities}
   * with the final holdings.
   */
  static double equalWeightMonthly(double[][] prices, double[] quantities) {
    int n = prices.length;
    double cash = CAPITAL;
    double[] q = new double[n];
    java.time.LocalDate first = java.time.LocalDate.of(2024, 1, 1);
    for (int bar = 1; bar < DAYS; bar++) {
      java.time.LocalDate decided = first.plusDays(bar - 1);
      if (bar - 1 != 0 && decided.getDayOfMonth() != 1) {
        continue;
      }
      double equity = cash;
      for (int s = 0; s < n; s++) {
        equity += q[s] * prices[s][bar - 1]; // the open of `bar` is the close before it
      }
      for (int s = 0; s < n; s++) {
        double open = prices[s][bar - 1];
        double target = equity / n / open;
        cash += (q[s] - target) * open;
        q[s] = target;
      }
    }
    double equity = cash;
    for (int s = 0; s < n; s++) {
      equity += q[s] * prices[s][DAYS - 1];
      quantities[s] = q[s];
    }
    return equity;
  }

  @Test
  void anEqualWeightMonthlyPortfolioMatchesTheIndependentComputation() {
    JsonNode run = completed(request(EQUAL_WEIGHT, symbols));
    String id = run.path("id").asString();
    double[] quantities = new double[3];
    double expected = equalWeightMonthly(closes, quantities);

    JsonNode result = run.path("result");
    double finalEquity = result.path("metrics").path("final_equity").asDouble();
    assertThat(finalEquity).isCloseTo(expected, within(expected * 1e-6));
    assertThat(run.path("symbols")).hasSize(3);
    JsonNode portfolio = result.path("portfolio");
    assertThat(portfolio.path("base_currency").asString()).isEqualTo("USD");
    assertThat(portfolio.path("rebalance").asString()).isEqualTo("monthly");
    assertThat(portfolio.path("turnover").asDouble()).isPositive();
    double contributions = 0;
    for (int s = 0; s < 3; s++) {
      JsonNode symbol = portfolio.path("symbols").get(s);
      assertThat(symbol.path("symbol").asString()).isEqualTo(symbols.get(s));
      assertThat(symbol.path("final_quantity").asDouble())
          .isCloseTo(quantities[s], within(quantities[s] * 1e-6));
      contributions += symbol.path("contribution").asDouble();
    }
    assertThat(contributions).isCloseTo(finalEquity - CAPITAL, within(1e-6));
    // Three rebalances (Jan 2, Feb 2, Mar 2) of three symbols: 3 buys, then resizing.
    int fills = result.path("fill_count").asInt();
    assertThat(fills).isBetween(3, 9);

    // Fills filtered by symbol: each symbol's alone, adding up to all of them.
    int total = 0;
    for (String symbol : symbols) {
      JsonNode page =
          client.get("/api/v1/backtests/" + id + "/trades?size=100&symbol=" + symbol).json();
      assertThat(page.path("items")).isNotEmpty();
      page.path("items").forEach(f -> assertThat(f.path("symbol").asString()).isEqualTo(symbol));
      assertThat(page.path("items").get(0).path("type").asString()).isEqualTo("buy");
      total += page.path("total_items").asInt();
    }
    assertThat(total).isEqualTo(fills);
    String csv = client.get("/api/v1/backtests/" + id + "/trades?format=csv").body();
    assertThat(csv)
        .startsWith("timestamp,type,price,quantity,commission,tax,bar_index,symbol,note\n");
    assertThat(csv.lines().skip(1).filter(l -> l.endsWith("," + symbols.get(2) + ",")))
        .isNotEmpty();
    assertThat(csv.lines().count()).isEqualTo(fills + 1L);
    JsonNode none = client.get("/api/v1/backtests/" + id + "/trades?symbol=NOPE").json();
    assertThat(none.path("total_items").asInt()).isZero();
    JsonNode trips =
        client.get("/api/v1/backtests/" + id + "/round-trips?symbol=" + symbols.get(0)).json();
    trips
        .path("items")
        .forEach(t -> assertThat(t.path("symbol").asString()).isEqualTo(symbols.get(0)));

    // Holdings over time: two symbols within 16 points, and every symbol at the last day.
    Response holdings =
        client.get(
            "/api/v1/backtests/"
                + id
                + "/holdings?points=16&symbols="
                + symbols.get(0)
                + ","
                + symbols.get(2));
    assertThat(holdings.status()).as(holdings.toString()).isEqualTo(200);
    JsonNode h = holdings.json();
    assertThat(h.path("total_points").asInt()).isEqualTo(DAYS);
    assertThat(h.path("total_symbols").asInt()).isEqualTo(3);
    assertThat(h.path("time").size()).isLessThanOrEqualTo(16).isPositive();
    assertThat(h.path("symbols")).hasSize(2);
    assertThat(h.path("symbols").get(1).path("symbol").asString()).isEqualTo(symbols.get(2));
    assertThat(h.path("symbols").get(0).path("weight").size()).isEqualTo(h.path("time").size());
    // The first time holds nothing (the first buy is at the second bar's open).
    assertThat(h.path("symbols").get(0).path("quantity").get(0).asDouble()).isZero();

    JsonNode at = client.get("/api/v1/backtests/" + id + "/holdings/at?at=2024-03-10").json();
    assertThat(at.path("time").asString()).isEqualTo("2024-03-10T00:00:00Z");
    double weights = 0;
    for (int s = 0; s < 3; s++) {
      JsonNode holding = at.path("holdings").get(s);
      assertThat(holding.path("quantity").asDouble())
          .isCloseTo(quantities[s], within(quantities[s] * 1e-6));
      weights += holding.path("weight").asDouble();
    }
    assertThat(weights).isCloseTo(1, within(1e-6)); // fully invested, no costs

    Response tooMany = client.get("/api/v1/backtests/" + id + "/holdings?points=20000");
    assertThat(tooMany.status()).isEqualTo(422);
    Response unknown = client.get("/api/v1/backtests/" + id + "/holdings?symbols=NOPE");
    assertThat(unknown.status()).isEqualTo(422);
    assertThat(unknown.errorMessages("symbols").get(0)).contains("NOPE");
  }

  @Test
  void aForeignSymbolIsConvertedWithItsFxSeriesAndWithoutOneTheRequestIsRefused() {
    double[] rate = new double[DAYS];
    java.util.Arrays.fill(rate, 1300);
    String usdkrw = client.uploadFractionalDaily("KRW", rate);
    String krwSymbol = client.uploadFractionalDaily("KRW", closes[1]);
    Map<String, Object> request = request(EQUAL_WEIGHT, List.of(krwSymbol, symbols.get(0)));

    Response missing = client.start(request);
    assertThat(missing.status()).as(missing.toString()).isEqualTo(422);
    assertThat(missing.errorMessages("fx").get(0)).startsWith("no FX series for USD");

    request.put("fx", Map.of("USD", usdkrw));
    JsonNode run = completed(request);
    double[] quantities = new double[2];
    double[] inWon = new double[DAYS];
    for (int i = 0; i < DAYS; i++) {
      inWon[i] = closes[0][i] * 1300;
    }
    double expected = equalWeightMonthly(new double[][] {closes[1], inWon}, quantities);
    double finalEquity = run.path("result").path("metrics").path("final_equity").asDouble();
    assertThat(finalEquity).isCloseTo(expected, within(expected * 1e-6));
    JsonNode portfolio = run.path("result").path("portfolio");
    assertThat(portfolio.path("base_currency").asString()).isEqualTo("KRW");
    assertThat(portfolio.path("fx").path("USD").asString()).isEqualTo(usdkrw);
    assertThat(portfolio.path("symbols").get(1).path("currency").asString()).isEqualTo("USD");
  }

  @Test
  void badPortfolioRequestsAreRefusedWithEveryProblemNamed() {
    Map<String, Object> unknown = request(EQUAL_WEIGHT, List.of(symbols.get(0), "NOPE1", "NOPE2"));
    Response r = client.start(unknown);
    assertThat(r.status()).as(r.toString()).isEqualTo(422);
    assertThat(r.errorMessages("symbols").get(0)).contains("NOPE1, NOPE2");

    Map<String, Object> twice = request(EQUAL_WEIGHT, List.of(symbols.get(0), symbols.get(0)));
    assertThat(client.start(twice).errorMessages("symbols").get(0)).contains("more than once");

    List<String> many = new ArrayList<>();
    for (int i = 0; i < 501; i++) {
      many.add("S" + i);
    }
    Response tooMany = client.start(request(EQUAL_WEIGHT, many));
    assertThat(tooMany.status()).isEqualTo(422);
    assertThat(tooMany.errorFields()).contains("symbols");

    Map<String, Object> both = request(EQUAL_WEIGHT, symbols);
    both.put("symbol", symbols.get(0));
    assertThat(client.start(both).errorMessages("symbols").get(0)).contains("not both");

    Map<String, Object> badFx = request(EQUAL_WEIGHT, symbols);
    badFx.put("base_currency", "KRW");
    badFx.put("fx", Map.of("usd dollars", "USDKRW"));
    Response fx = client.start(badFx);
    assertThat(fx.errorMessages("fx").get(0)).startsWith("names currencies by their codes");

    Map<String, Object> zoned =
        RunClient.request(
            client.strategy("Sma", SMA), symbols.get(0), "1d", "2024-01-01", "2024-12-31");
    zoned.put("time_zone", "Asia/Seoul");
    assertThat(client.start(zoned).errorMessages("time_zone").get(0))
        .contains("applies to portfolio runs");

    Map<String, Object> preview = RunClient.previewOf(EQUAL_WEIGHT);
    preview.put("symbol", symbols.get(0));
    preview.put("start_date", "2024-01-01");
    preview.put("end_date", "2024-12-31");
    Response previewed = client.preview(preview);
    assertThat(previewed.status()).as(previewed.toString()).isEqualTo(422);
    assertThat(previewed.errorMessages("code").get(0)).contains("cannot be previewed");

    Map<String, Object> schedule = request(EQUAL_WEIGHT, symbols);
    schedule.put("rebalance", "yearly");
    schedule.put("time_zone", "Mars/Olympus");
    Response bad = client.start(schedule);
    assertThat(bad.errorFields()).contains("rebalance", "time_zone");
  }

  @Test
  void anOptimisationRunsEachCombinationAsAPortfolioAndItsBestRunsAsOne() {
    String code =
        """
        param n = 1 in 1..3
        rebalance = monthly
        weight = top(n, close / close[5] - 1) ? 1 / n : 0
        """;
    Map<String, Object> optimise = new LinkedHashMap<>();
    optimise.put("backtest", request(code, symbols));
    optimise.put("objective", "final_equity");
    Response accepted = client.api.post(RunClient.OPTIMIZE, optimise, client.auth);
    assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
    String id = accepted.json().path("id").asString();

    JsonNode done = client.awaitOptimisation(id);
    JsonNode results = done.path("results");
    assertThat(results).hasSize(3);
    Set<Double> equities = new HashSet<>();
    results.forEach(r -> equities.add(r.path("metrics").path("final_equity").asDouble()));
    assertThat(equities).as("each n picks other symbols").hasSizeGreaterThan(1);
    JsonNode best = results.get(0);
    assertThat(best.path("score").asDouble())
        .isEqualTo(best.path("metrics").path("final_equity").asDouble());

    Response run =
        client.api.post(
            RunClient.OPTIMIZE
                + "/"
                + id
                + "/results/"
                + best.path("combination").asLong()
                + "/backtest",
            Map.of(),
            client.auth);
    assertThat(run.status()).as(run.toString()).isEqualTo(202);
    String runId = run.json().path("id").asString();
    assertThat(client.awaitFinal(runId).path("status").asString()).isEqualTo("completed");
    JsonNode again = client.get(runId).json();
    assertThat(again.path("symbols")).hasSize(3);
    assertThat(again.path("result").path("metrics").path("final_equity").asDouble())
        .isEqualTo(best.path("metrics").path("final_equity").asDouble());
  }

  @Test
  void aPortfolioRunIsRerunOnTheSameDataAndComparedLikeAnyRun() {
    JsonNode run = completed(request(EQUAL_WEIGHT, symbols));
    String id = run.path("id").asString();
    assertThat(run.path("data_fingerprint").asString()).hasSize(64);
    assertThat(run.path("data_changed").asBoolean()).isFalse();

    Response rerun = client.api.post(RunClient.PATH + "/" + id + "/rerun", Map.of(), client.auth);
    assertThat(rerun.status()).as(rerun.toString()).isEqualTo(202);
    String rerunId = rerun.json().path("id").asString();
    assertThat(client.awaitFinal(rerunId).path("status").asString()).isEqualTo("completed");
    JsonNode again = client.get(rerunId).json();
    assertThat(again.path("symbols")).hasSize(3);
    assertThat(again.path("same_data_as_original").asBoolean()).isTrue();
    assertThat(again.path("result").path("metrics").path("final_equity").asDouble())
        .isEqualTo(run.path("result").path("metrics").path("final_equity").asDouble());

    // A corrected last bar of one symbol changes the data the run read (a bar after its end would
    // not: a run's dates are clipped to the data it read).
    double[] longer = java.util.Arrays.copyOf(closes[0], DAYS);
    longer[DAYS - 1] = 120;
    String symbol = symbols.get(0);
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("symbol", symbol);
    fields.put("interval", "1d");
    Response appended =
        Multipart.upload(
            client.port,
            client.json,
            client.auth[1],
            "bars.csv",
            RunClient.dailyCsv(longer),
            fields);
    assertThat(appended.status()).as(appended.body()).isIn(200, 201);
    assertThat(client.get(id).json().path("data_changed").asBoolean()).isTrue();

    Map<String, Object> single =
        RunClient.request(
            client.strategy("Sma", SMA), symbols.get(1), "1d", "2024-01-01", "2024-12-31");
    String singleId = completed(single).path("id").asString();
    Response compare = client.get("/api/v1/analytics/compare?ids=" + id + "," + singleId);
    assertThat(compare.status()).as(compare.toString()).isEqualTo(200);
    assertThat(compare.json().path("runs")).hasSize(2);
    // Lists and comparisons say how many symbols a run trades, not only its first.
    Map<String, Integer> counts = new LinkedHashMap<>();
    compare
        .json()
        .path("runs")
        .forEach(r -> counts.put(r.path("id").asString(), r.path("symbol_count").asInt()));
    assertThat(counts).containsEntry(id, 3).containsEntry(singleId, 1);
    Map<String, Integer> listed = new LinkedHashMap<>();
    client
        .get(RunClient.PATH + "?size=100")
        .json()
        .path("items")
        .forEach(r -> listed.put(r.path("id").asString(), r.path("symbol_count").asInt()));
    assertThat(listed).containsEntry(id, 3).containsEntry(singleId, 1);
  }

  @Test
  void aPortfolioRunIsItsOwnersAndAnotherAccountsSeriesCannotBeUsed() {
    JsonNode run = completed(request(EQUAL_WEIGHT, symbols));
    String id = run.path("id").asString();
    RunClient other = new RunClient(api, port, json, "portfolio-other");

    for (String path :
        List.of(
            "",
            "/trades?symbol=" + symbols.get(0),
            "/round-trips",
            "/holdings",
            "/holdings/at?at=2024-02-01")) {
      assertThat(other.get("/api/v1/backtests/" + id + path).status()).as(path).isEqualTo(404);
    }

    // The first user's uploads are not the other's: as symbols, FX series or benchmark.
    String own = other.uploadFractionalDaily("USD", closes[0]);
    Map<String, Object> request = new LinkedHashMap<>();
    request.putAll(
        RunClient.request(
            other.strategy("Portfolio", EQUAL_WEIGHT), null, "1d", "2024-01-01", "2024-12-31"));
    request.remove("symbol");
    request.put("symbols", List.of(own, symbols.get(1)));
    Response asSymbol = other.start(request);
    assertThat(asSymbol.status()).isEqualTo(422);
    assertThat(asSymbol.errorMessages("symbols").get(0)).contains(symbols.get(1));

    request.put("symbols", List.of(own));
    request.put("base_currency", "KRW");
    request.put("fx", Map.of("USD", symbols.get(2)));
    request.put("benchmark", symbols.get(0));
    Response asFx = other.start(request);
    assertThat(asFx.status()).isEqualTo(422);
    assertThat(asFx.errorMessages("fx.USD").get(0)).contains("unknown symbol");
    assertThat(asFx.errorMessages("benchmark").get(0)).contains("unknown symbol");
  }

  @Test
  void aUniverseOfOneIsTheSingleSymbolRun() {
    Map<String, Object> single =
        RunClient.request(
            client.strategy("Sma", SMA), symbols.get(1), "1d", "2024-01-01", "2024-12-31");
    JsonNode alone = completed(single);
    Map<String, Object> universe = new LinkedHashMap<>(single);
    universe.remove("symbol");
    universe.put("symbols", List.of(symbols.get(1)));
    JsonNode ofOne = completed(universe);

    assertThat(ofOne.path("result").path("portfolio").isNull()).isTrue();
    assertThat(ofOne.path("result").path("metrics"))
        .isEqualTo(alone.path("result").path("metrics"));
    assertThat(ofOne.path("data_fingerprint").asString())
        .isEqualTo(alone.path("data_fingerprint").asString());
    JsonNode fills =
        client.get("/api/v1/backtests/" + ofOne.path("id").asString() + "/trades?size=1000").json();
    JsonNode aloneFills =
        client.get("/api/v1/backtests/" + alone.path("id").asString() + "/trades?size=1000").json();
    assertThat(fills.path("total_items").asInt())
        .isPositive()
        .isEqualTo(aloneFills.path("total_items").asInt());
    Set<String> traded = new HashSet<>();
    fills.path("items").forEach(f -> traded.add(f.path("symbol").asString()));
    assertThat(traded).containsExactly(symbols.get(1));
    // A single run's fills are all of its one symbol, and none of another.
    String id = alone.path("id").asString();
    assertThat(
            client
                .get("/api/v1/backtests/" + id + "/trades?symbol=" + symbols.get(1))
                .json()
                .path("total_items")
                .asInt())
        .isEqualTo(aloneFills.path("total_items").asInt());
    assertThat(
            client
                .get("/api/v1/backtests/" + id + "/trades?symbol=" + symbols.get(0))
                .json()
                .path("total_items")
                .asInt())
        .isZero();
    assertThat(client.get("/api/v1/backtests/" + id + "/holdings").status()).isEqualTo(422);
  }
}
