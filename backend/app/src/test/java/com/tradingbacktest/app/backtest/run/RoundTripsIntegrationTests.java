package com.tradingbacktest.app.backtest.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.tradingbacktest.app.support.Api.Response;
import com.tradingbacktest.app.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A run's round trips come from their own paged endpoint, filtered in the database; the run itself
 * carries only their count. Checked by hand on a run of four round trips.
 */
class RoundTripsIntegrationTests extends IntegrationTest {

  /** Long after an up close, short after a down close: every turn reverses the position. */
  static final String FLIP =
      """
      long_entry = close > close[1]
      short_entry = close < close[1]
      """;

  RunClient client;
  String id;

  /**
   * Daily closes 100, 110, 105, 95, 100, 130, 125, 140 from 2024-01-01, one unit a trade, filled at
   * the signal bar's close, no costs. By hand:
   *
   * <pre>
   * #1 long  01-02 @110 -> 01-03 @105  pnl  -5 (loss)
   * #2 short 01-03 @105 -> 01-05 @100  pnl  +5 (win)
   * #3 long  01-05 @100 -> 01-07 @125  pnl +25 (win)
   * #4 short 01-07 @125 -> 01-08 @140  pnl -15 (loss)
   * open: long from 01-08 @140
   * </pre>
   */
  @BeforeEach
  void runFourRoundTrips() {
    client = new RunClient(api, port, json, "trips");
    String symbol = client.uploadDaily(RunClient.dailyCsv(100, 110, 105, 95, 100, 130, 125, 140));
    Map<String, Object> request = RunClient.request(client.strategy("Flip", FLIP));
    request.put("symbol", symbol);
    request.put("start_date", "2024-01-01");
    request.put("end_date", "2024-01-31");
    request.put("allow_short", true);
    request.put("fill", "close");
    request.put("costs", Map.of("preset", "none"));
    request.put("sizing", Map.of("type", "fixed_quantity", "value", 1));
    id = client.started(request);
    JsonNode status = client.awaitFinal(id);
    assertThat(status.path("status").asString()).as(status.toString()).isEqualTo("completed");
  }

  @Test
  void theRunCarriesTheCountAndTheOpenPositionButNotTheRoundTrips() {
    JsonNode result = client.get(id).json().path("result");

    assertThat(result.has("trades")).isFalse();
    assertThat(result.path("round_trip_count").asInt()).isEqualTo(4);
    assertThat(result.path("metrics").path("trade_count").asInt()).isEqualTo(4);
    assertThat(result.path("open_trade").path("side").asString()).isEqualTo("long");
    assertThat(result.path("open_trade").path("entry_price").asDouble()).isEqualTo(140.0);
  }

  @Test
  void listsEveryRoundTripInExitOrderWithTheValuesWorkedOutByHand() {
    JsonNode page = client.get(id + "/round-trips").json();

    assertThat(page.path("total_items").asLong()).isEqualTo(4);
    assertThat(page.path("size").asInt()).isEqualTo(100);
    assertThat(numbers(page)).containsExactly(1, 2, 3, 4);
    assertThat(column(page, "side")).containsExactly("long", "short", "long", "short");
    List<Double> pnl = new ArrayList<>();
    page.path("items").forEach(item -> pnl.add(item.path("pnl").asDouble()));
    assertThat(pnl).containsExactly(-5.0, 5.0, 25.0, -15.0);
    assertThat(column(page, "exit_reason")).containsOnly("reversal");
    JsonNode third = page.path("items").get(2);
    assertThat(third.path("entry_time").asString()).isEqualTo("2024-01-05T00:00:00Z");
    assertThat(third.path("entry_price").asDouble()).isEqualTo(100.0);
    assertThat(third.path("exit_time").asString()).isEqualTo("2024-01-07T00:00:00Z");
    assertThat(third.path("exit_price").asDouble()).isEqualTo(125.0);
    assertThat(third.path("quantity").asDouble()).isEqualTo(1.0);
    assertThat(third.path("return_pct").asDouble()).isEqualTo(0.25);
    assertThat(third.path("bars_held").asInt()).isEqualTo(2);
    assertThat(third.path("costs").asDouble()).isZero();

    JsonNode last = client.get(id + "/round-trips?page=1&size=3").json();
    assertThat(numbers(last)).containsExactly(4);
    assertThat(last.path("total_pages").asInt()).isEqualTo(2);
    assertThat(client.get(id + "/round-trips?page=7&size=3").json().path("items")).isEmpty();
  }

  @Test
  void filtersBySideOutcomeExitTimeAndSymbol() {
    assertThat(numbers(trips("side=long"))).containsExactly(1, 3);
    assertThat(numbers(trips("side=short"))).containsExactly(2, 4);
    assertThat(numbers(trips("outcome=win"))).containsExactly(2, 3);
    assertThat(numbers(trips("outcome=loss"))).containsExactly(1, 4);
    assertThat(numbers(trips("side=short&outcome=win"))).containsExactly(2);
    // Dates are whole days in the symbol's zone (UTC here), both ends inclusive, on the exit time.
    assertThat(numbers(trips("from=2024-01-05&to=2024-01-07"))).containsExactly(2, 3);
    assertThat(numbers(trips("from=2024-01-05T00:00:00Z&to=2024-01-05T00:00:00Z")))
        .containsExactly(2);
    assertThat(numbers(trips("from=2024-01-06"))).containsExactly(3, 4);
    assertThat(numbers(trips("to=2024-01-04"))).containsExactly(1);
    String symbol = client.get(id).json().path("symbol").asString();
    assertThat(numbers(trips("symbol=" + symbol.toLowerCase(java.util.Locale.ROOT))))
        .containsExactly(1, 2, 3, 4);
    JsonNode other = trips("symbol=AAPL");
    assertThat(other.path("total_items").asLong()).isZero();
    assertThat(other.path("items")).isEmpty();
    JsonNode filtered = trips("outcome=loss&size=1");
    assertThat(filtered.path("total_items").asLong()).isEqualTo(2);
    assertThat(filtered.path("total_pages").asInt()).isEqualTo(2);
  }

  @Test
  void eachTripCarriesTheRunsCumulativePnlAtItsExitEvenWhenFiltered() {
    JsonNode all = trips("size=10");
    assertThat(doubles(all, "cumulative_pnl")).containsExactly(-5.0, 0.0, 25.0, 10.0);
    assertThat(doubles(all, "cumulative_pnl_pct")).containsExactly(-0.0005, 0.0, 0.0025, 0.001);

    // Losers only: #1 and #4, each with the run's P&L so far, not the sum of the losers listed.
    JsonNode losers = trips("outcome=loss");
    assertThat(numbers(losers)).containsExactly(1, 4);
    assertThat(doubles(losers, "cumulative_pnl")).containsExactly(-5.0, 10.0);
    assertThat(doubles(trips("side=short&page=1&size=1"), "cumulative_pnl")).containsExactly(10.0);
  }

  @Test
  void runUpAndDrawdownAreTheExcursionsInMoney() {
    for (JsonNode trip : trips("size=10").path("items")) {
      double entryValue = trip.path("entry_price").asDouble() * trip.path("quantity").asDouble();
      assertThat(trip.path("run_up").asDouble())
          .isEqualTo(trip.path("mfe").asDouble() * entryValue)
          .isGreaterThanOrEqualTo(0);
      assertThat(trip.path("drawdown").asDouble())
          .isEqualTo(trip.path("mae").asDouble() * entryValue)
          .isLessThanOrEqualTo(0);
    }
    // #3 long from 100 closed at 125 after a close of 130: it was 30 up at best.
    assertThat(trips("size=10").path("items").get(2).path("run_up").asDouble())
        .isGreaterThanOrEqualTo(30.0);
  }

  /**
   * The performance summary of the four round trips, each figure by hand. Equity at the closes
   * (capital 10,000): 10000, 10000, 9995, 10005, 10000, 10030, 10025, 10010.
   */
  @Test
  void summarisesAllLongAndShortTradesAsWorkedOutByHand() {
    Response response = client.get(id + "/summary");
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    JsonNode summary = response.json();

    assertThat(summary.path("currency").asString()).isEqualTo("USD");
    assertThat(summary.path("initial_capital").asDouble()).isEqualTo(10_000);
    // Lowest 9995 (day 3) to 10030 (day 6); peak 10030 down to 10010.
    assertThat(summary.path("max_run_up").asDouble()).isCloseTo(35, within(1e-9));
    assertThat(summary.path("max_run_up_pct").asDouble())
        .isCloseTo(10030.0 / 9995 - 1, within(1e-12));
    assertThat(summary.path("max_drawdown").asDouble()).isCloseTo(-20, within(1e-9));
    assertThat(summary.path("max_drawdown_pct").asDouble())
        .isCloseTo(10010.0 / 10030 - 1, within(1e-12));
    // Closes 100 -> 140.
    assertThat(summary.path("buy_and_hold_return").asDouble()).isCloseTo(4000, within(1e-6));
    assertThat(summary.path("buy_and_hold_return_pct").asDouble()).isCloseTo(0.4, within(1e-12));

    // All: -5, +5, +25, -15 (bars 1, 2, 2, 1): L W W L.
    JsonNode all = summary.path("all");
    assertThat(all.path("net_profit").asDouble()).isEqualTo(10.0);
    assertThat(all.path("net_profit_pct").asDouble()).isEqualTo(0.001);
    assertThat(all.path("gross_profit").asDouble()).isEqualTo(30.0);
    assertThat(all.path("gross_loss").asDouble()).isEqualTo(-20.0);
    assertThat(all.path("commission_paid").asDouble()).isZero();
    assertThat(all.path("profit_factor").asDouble()).isEqualTo(1.5);
    assertThat(all.path("trade_count").asInt()).isEqualTo(4);
    assertThat(all.path("winning_trades").asInt()).isEqualTo(2);
    assertThat(all.path("losing_trades").asInt()).isEqualTo(2);
    assertThat(all.path("even_trades").asInt()).isZero();
    assertThat(all.path("percent_profitable").asDouble()).isEqualTo(0.5);
    assertThat(all.path("average_trade").asDouble()).isEqualTo(2.5);
    assertThat(all.path("average_winning_trade").asDouble()).isEqualTo(15.0);
    assertThat(all.path("average_losing_trade").asDouble()).isEqualTo(-10.0);
    assertThat(all.path("win_loss_ratio").asDouble()).isEqualTo(1.5);
    assertThat(all.path("largest_winning_trade").asDouble()).isEqualTo(25.0);
    assertThat(all.path("largest_winning_trade_pct").asDouble()).isEqualTo(0.25);
    assertThat(all.path("largest_losing_trade").asDouble()).isEqualTo(-15.0);
    assertThat(all.path("largest_losing_trade_pct").asDouble()).isEqualTo(-0.12);
    assertThat(all.path("average_bars").asDouble()).isEqualTo(1.5);
    assertThat(all.path("average_bars_winning").asDouble()).isEqualTo(2.0);
    assertThat(all.path("average_bars_losing").asDouble()).isEqualTo(1.0);
    assertThat(all.path("max_consecutive_wins").asInt()).isEqualTo(2);
    assertThat(all.path("max_consecutive_losses").asInt()).isEqualTo(1);

    // Long: #1 -5 (1 bar), #3 +25 (2 bars).
    JsonNode longs = summary.path("long");
    assertThat(longs.path("net_profit").asDouble()).isEqualTo(20.0);
    assertThat(longs.path("gross_profit").asDouble()).isEqualTo(25.0);
    assertThat(longs.path("gross_loss").asDouble()).isEqualTo(-5.0);
    assertThat(longs.path("profit_factor").asDouble()).isEqualTo(5.0);
    assertThat(longs.path("trade_count").asInt()).isEqualTo(2);
    assertThat(longs.path("average_trade").asDouble()).isEqualTo(10.0);
    assertThat(longs.path("win_loss_ratio").asDouble()).isEqualTo(5.0);
    assertThat(longs.path("average_trade_pct").asDouble())
        .isCloseTo((-5.0 / 110 + 0.25) / 2, within(1e-12));
    assertThat(longs.path("max_consecutive_wins").asInt()).isEqualTo(1);
    assertThat(longs.path("max_consecutive_losses").asInt()).isEqualTo(1);

    // Short: #2 +5 (2 bars), #4 -15 (1 bar).
    JsonNode shorts = summary.path("short");
    assertThat(shorts.path("net_profit").asDouble()).isEqualTo(-10.0);
    assertThat(shorts.path("gross_loss").asDouble()).isEqualTo(-15.0);
    assertThat(shorts.path("profit_factor").asDouble()).isCloseTo(1.0 / 3, within(1e-12));
    assertThat(shorts.path("percent_profitable").asDouble()).isEqualTo(0.5);
    assertThat(shorts.path("average_winning_trade").asDouble()).isEqualTo(5.0);
    assertThat(shorts.path("average_losing_trade").asDouble()).isEqualTo(-15.0);
    assertThat(shorts.path("win_loss_ratio").asDouble()).isCloseTo(1.0 / 3, within(1e-12));
    assertThat(shorts.path("average_bars_winning").asDouble()).isEqualTo(2.0);
    assertThat(shorts.path("average_bars_losing").asDouble()).isEqualTo(1.0);
  }

  @Test
  void theSummaryIsTheOwnersOnly() {
    RunClient other = new RunClient(api, port, json, "summaryother");
    Response theirs = other.get(id + "/summary");
    assertThat(theirs.status()).isEqualTo(404);
    assertThat(theirs.problemType()).isEqualTo("/problems/not-found");
    assertThat(client.get(UUID.randomUUID() + "/summary").status()).isEqualTo(404);
  }

  @Test
  void streamsTheRoundTripsAsCsvWithTheSameFilters() {
    Response csv = client.get(id + "/round-trips?format=csv");
    assertThat(csv.status()).isEqualTo(200);
    assertThat(csv.header("Content-Type")).startsWith("text/csv");
    assertThat(csv.header("Content-Disposition")).contains("attachment").contains("round-trips");
    String[] lines = csv.body().split("\n");
    assertThat(lines[0])
        .isEqualTo(
            "number,side,quantity,entry_time,entry_price,exit_time,exit_price,pnl,return_pct,costs,"
                + "mae,mfe,bars_held,exit_reason,funding,borrow_cost,dividends");
    assertThat(lines).hasSize(5);
    assertThat(lines[3])
        .startsWith("3,long,1,2024-01-05T00:00:00Z,100,2024-01-07T00:00:00Z,125,25,0.25,0,")
        .endsWith(",2,reversal,0,0,0");

    String[] shorts = client.get(id + "/round-trips?format=csv&side=short").body().split("\n");
    assertThat(shorts).hasSize(3);
    assertThat(shorts[1]).startsWith("2,short,");
    assertThat(client.get(id + "/round-trips?format=csv&outcome=draw").status()).isEqualTo(422);
  }

  @Test
  void refusesParametersOutOfRangeEachNamed() {
    assertInvalid("size=1001", "size");
    assertInvalid("size=0", "size");
    assertInvalid("page=-1", "page");
    assertInvalid("side=both", "side");
    assertInvalid("outcome=even", "outcome");
    assertInvalid("from=yesterday", "from");
    assertInvalid("to=2024-13-01", "to");
    assertInvalid("from=2024-01-05&to=2024-01-04", "to");
    Response both = client.get(id + "/round-trips?from=soon&to=later");
    assertThat(both.errorFields()).containsExactlyInAnyOrder("from", "to");
  }

  @Test
  void someoneElsesRunAndAMissingOneAreTheSame404() {
    RunClient other = new RunClient(api, port, json, "tripsother");
    Response theirs = other.get(id + "/round-trips");
    assertThat(theirs.status()).isEqualTo(404);
    assertThat(theirs.problemType()).isEqualTo("/problems/not-found");
    assertThat(other.get(id + "/round-trips?format=csv").status()).isEqualTo(404);
    assertThat(client.get(UUID.randomUUID() + "/round-trips").status()).isEqualTo(404);
  }

  private JsonNode trips(String query) {
    Response response = client.get(id + "/round-trips?" + query);
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response.json();
  }

  private void assertInvalid(String query, String field) {
    Response response = client.get(id + "/round-trips?" + query);
    assertThat(response.status()).as(query + ": " + response).isEqualTo(422);
    assertThat(response.problemType()).isEqualTo("/problems/validation-failed");
    assertThat(response.errorFields()).as(query).contains(field);
  }

  static List<Integer> numbers(JsonNode page) {
    List<Integer> numbers = new ArrayList<>();
    page.path("items").forEach(item -> numbers.add(item.path("number").asInt()));
    return numbers;
  }

  private static List<Double> doubles(JsonNode page, String name) {
    List<Double> values = new ArrayList<>();
    page.path("items").forEach(item -> values.add(item.path(name).asDouble()));
    return values;
  }

  private static List<String> column(JsonNode page, String name) {
    List<String> values = new ArrayList<>();
    page.path("items").forEach(item -> values.add(item.path(name).asString()));
    return values;
  }
}
