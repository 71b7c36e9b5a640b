package com.tradingbacktest.app.backtest.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.tradingbacktest.app.support.Api.Response;
import com.tradingbacktest.app.support.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A run with about 200,000 round trips (400,000 minute bars, in and out on every turn) stays small
 * on the wire: its result is a summary, and its round trips and fills are paged and streamed.
 */
class LargeRunIntegrationTests extends IntegrationTest {

  private static final int BARS = 400_000;
  private static final long START = Instant.parse("2024-01-01T00:00:00Z").toEpochMilli();
  private static final long MINUTE = 60_000L;

  /** In after an up close, out after a down close: with closes alternating, every other bar. */
  private static final String IN_AND_OUT =
      """
      long_entry = close > close[1]
      long_exit = close < close[1]
      """;

  @Test
  void aRunOf200kRoundTripsReadsAsAFewKilobytesAndItsRoundTripsAPageAtATime() {
    RunClient client = new RunClient(api, port, json, "large");
    String symbol = client.upload(zigzag(), "1m");
    Map<String, Object> request = RunClient.request(client.strategy("In and out", IN_AND_OUT));
    request.put("symbol", symbol);
    request.put("interval", "1m");
    request.put("start_date", "2024-01-01");
    request.put("end_date", "2024-12-31");
    request.put("costs", Map.of("preset", "none"));
    request.put("sizing", Map.of("type", "fixed_quantity", "value", 1));
    String id = client.started(request);
    JsonNode status =
        client.awaitStatus(
            id,
            s ->
                !"pending".equals(s.path("status").asString())
                    && !"running".equals(s.path("status").asString()),
            Duration.ofMinutes(5));
    assertThat(status.path("status").asString()).as(status.toString()).isEqualTo("completed");

    // Signals on bars 1, 3, 5, ... fill at the next open: trade k enters at bar 2 + 2k and exits at
    // bar 3 + 2k, so 400,000 bars make 199,999 round trips and 399,998 fills.
    Response run = client.get(id);
    assertThat(run.status()).isEqualTo(200);
    assertThat(run.body().length()).isLessThan(2_000_000);
    JsonNode result = run.json().path("result");
    assertThat(result.path("round_trip_count").asInt()).isEqualTo(199_999);
    assertThat(result.path("metrics").path("trade_count").asInt()).isEqualTo(199_999);
    assertThat(result.path("fill_count").asInt()).isEqualTo(399_998);
    assertThat(result.path("equity").path("time").size()).isLessThanOrEqualTo(2000);

    JsonNode first = client.get(id + "/round-trips?size=1000").json();
    assertThat(first.path("total_items").asLong()).isEqualTo(199_999);
    assertThat(first.path("total_pages").asInt()).isEqualTo(200);
    assertThat(first.path("items")).hasSize(1000);
    assertThat(first.path("items").get(0).path("entry_time").asString())
        .isEqualTo(Instant.ofEpochMilli(START + 2 * MINUTE).toString());
    JsonNode last = client.get(id + "/round-trips?size=1000&page=199").json();
    assertThat(RoundTripsIntegrationTests.numbers(last)).hasSize(999).endsWith(199_999);
    assertThat(last.path("items").get(998).path("exit_time").asString())
        .isEqualTo(Instant.ofEpochMilli(START + (BARS - 1) * MINUTE).toString());
    assertThat(client.get(id + "/round-trips?size=1001").status()).isEqualTo(422);

    // Exits on bars 3, 5, ..., 101: 50 round trips, numbers 1 to 50.
    JsonNode window =
        client
            .get(
                id
                    + "/round-trips?size=1000&from="
                    + Instant.ofEpochMilli(START + 3 * MINUTE)
                    + "&to="
                    + Instant.ofEpochMilli(START + 101 * MINUTE))
            .json();
    assertThat(window.path("total_items").asLong()).isEqualTo(50);
    assertThat(RoundTripsIntegrationTests.numbers(window)).startsWith(1).endsWith(50);
    // Bought at 100, sold at 101 (even k) or 99 (odd k).
    JsonNode wins = client.get(id + "/round-trips?outcome=win&size=2").json();
    assertThat(wins.path("total_items").asLong()).isEqualTo(100_000);
    assertThat(RoundTripsIntegrationTests.numbers(wins)).containsExactly(1, 3);
    assertThat(wins.path("items").get(0).path("pnl").asDouble()).isEqualTo(1.0);
    assertThat(client.get(id + "/round-trips?outcome=loss").json().path("total_items").asLong())
        .isEqualTo(99_999);
    assertThat(client.get(id + "/round-trips?side=short").json().path("total_items").asLong())
        .isZero();

    JsonNode fills = client.get(id + "/trades?size=1000").json();
    assertThat(fills.path("total_items").asLong()).isEqualTo(399_998);
    assertThat(client.get(id + "/trades?size=1001").status()).isEqualTo(422);

    // The CSV streams every round trip.
    Response csv = client.get(id + "/round-trips?format=csv");
    assertThat(csv.status()).isEqualTo(200);
    assertThat(csv.body().lines().count()).isEqualTo(199_999 + 1);
  }

  /**
   * Minute bars from 2024-01-01 UTC closing at 100, 101, 100, 101, ...; even bars open at 100, odd
   * bars alternately at 99 and 101.
   */
  private static String zigzag() {
    StringBuilder csv = new StringBuilder(BARS * 48).append("time,open,high,low,close,volume\n");
    for (int i = 0; i < BARS; i++) {
      int close = i % 2 == 0 ? 100 : 101;
      int open = i % 2 == 0 ? 100 : ((i / 2) % 2 == 1 ? 101 : 99);
      csv.append(START + i * MINUTE)
          .append(',')
          .append(open)
          .append(",102,98,")
          .append(close)
          .append(",10\n");
    }
    return csv.toString();
  }
}
