package com.tradingbacktest.app.marketdata;

import static com.tradingbacktest.app.support.Api.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import com.tradingbacktest.app.backtest.run.RunClient;
import com.tradingbacktest.app.support.Api.Response;
import com.tradingbacktest.app.support.IntegrationTest;
import com.tradingbacktest.app.support.Multipart;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The {@code 1M} interval end to end: monthly files labelled by any day of the month, stored apart
 * from {@code 1m} (minute) bars of the same symbol, resampled to, and backtested on.
 */
class MonthlyBarsIntegrationTests extends IntegrationTest {

  String auth;

  @BeforeEach
  void signIn() {
    auth = bearer(api.registerUser("monthly"));
  }

  @Test
  void importsMonthEndsAsTheFirstOfTheirMonthApartFromMinuteBars() {
    String symbol = newSymbol();
    Response monthly =
        upload(
            symbol,
            "1M",
            """
        date,open,high,low,close,volume
        2024-01-31,100,110,95,105,1000
        2024-02-29,105,112,101,111,900
        2024-03-28,111,115,108,109,800
        """);
    Response minutes =
        upload(
            symbol,
            "1m",
            """
        timestamp,open,high,low,close,volume
        2024-01-02T00:00:00Z,1,2,1,2,5
        2024-01-02T00:01:00Z,2,3,2,3,5
        """);

    assertThat(monthly.status()).as(monthly.body()).isEqualTo(201);
    assertThat(minutes.status()).as(minutes.body()).isEqualTo(201);
    JsonNode months = historical("symbol=" + symbol + "&interval=1M").json();
    assertThat(months.path("bar_interval").asString()).isEqualTo("1M");
    List<String> times = new ArrayList<>();
    months.path("bars").forEach(b -> times.add(b.path("time").asString()));
    // Local midnight of the 1st in Seoul is 15:00 UTC the day before.
    assertThat(times)
        .containsExactly("2023-12-31T15:00:00Z", "2024-01-31T15:00:00Z", "2024-02-29T15:00:00Z");
    assertThat(months.path("bars").get(1).path("close").asDouble()).isEqualTo(111);
    // The minute bars are another series: 1m and 1M are not one code in two cases.
    assertThat(historical("symbol=" + symbol + "&interval=1m").json().path("bars")).hasSize(2);
    JsonNode view = api.get("/api/v1/data/symbols/" + symbol, "Authorization", auth).json();
    List<String> intervals = new ArrayList<>();
    view.path("intervals").forEach(i -> intervals.add(i.path("interval").asString()));
    assertThat(intervals).containsExactlyInAnyOrder("1m", "1M");
  }

  @Test
  void refusesTwoRowsOfOneMonthWithTheLine() {
    Response rejected =
        upload(
            newSymbol(),
            "1M",
            """
        date,open,high,low,close,volume
        2024-01-31,100,110,95,105,1000
        2024-02-15,105,112,101,111,900
        2024-02-29,105,112,101,111,900
        """);

    assertThat(rejected.status()).isEqualTo(422);
    List<String> bad = new ArrayList<>();
    rejected
        .json()
        .path("bad_rows")
        .forEach(r -> bad.add(r.path("line").asInt() + ": " + r.path("reason").asString()));
    assertThat(bad)
        .containsExactly(
            "4: a second row for 2024-02 (the first is on line 3): monthly bars have one row per"
                + " month");

    // Rows out of order that share a month become one time: a duplicate, with both lines.
    Response unordered =
        upload(
            newSymbol(),
            "1M",
            """
        date,open,high,low,close,volume
        2024-01-31,100,110,95,105,1000
        2024-02-29,105,112,101,111,900
        2024-01-05,105,112,101,111,900
        """);
    assertThat(unordered.status()).isEqualTo(422);
    assertThat(unordered.json().path("bad_rows").get(0).path("reason").asString())
        .isEqualTo("duplicate time (also on line 2)");
    assertThat(unordered.json().path("bad_rows").get(0).path("line").asInt()).isEqualTo(4);
  }

  @Test
  void resamplesDaysToMonthsInTheSymbolsZone() {
    String symbol = newSymbol();
    StringBuilder csv = new StringBuilder("date,open,high,low,close,volume\n");
    // 2024-01-30 .. 2024-02-02: two days of January, two of February.
    String[] days = {"2024-01-30", "2024-01-31", "2024-02-01", "2024-02-02"};
    for (int i = 0; i < days.length; i++) {
      csv.append(days[i]).append(',').append(10 + i).append(',').append(12 + i).append(',');
      csv.append(9 + i).append(',').append(11 + i).append(",100\n");
    }
    assertThat(upload(symbol, "1d", csv.toString()).status()).isEqualTo(201);

    JsonNode months = historical("symbol=" + symbol + "&interval=1d&resample_to=1M").json();

    JsonNode bars = months.path("bars");
    assertThat(bars).hasSize(2);
    assertThat(bars.get(0).path("time").asString()).isEqualTo("2023-12-31T15:00:00Z");
    assertThat(bars.get(0).path("open").asDouble()).isEqualTo(10);
    assertThat(bars.get(0).path("close").asDouble()).isEqualTo(12);
    assertThat(bars.get(1).path("open").asDouble()).isEqualTo(12);
    assertThat(bars.get(1).path("close").asDouble()).isEqualTo(14);
    assertThat(bars.get(1).path("volume").asDouble()).isEqualTo(200);
    assertThat(historical("symbol=" + symbol + "&interval=1d&resample_to=1w").status())
        .isEqualTo(200);
  }

  @Test
  void backtestsOnMonthlyBars() {
    RunClient client = new RunClient(api, port, json, "monthly-run");
    StringBuilder csv = new StringBuilder("date,open,high,low,close,volume\n");
    double[] closes = {10, 11, 12, 11, 10, 12, 14, 15, 13, 12, 14, 16};
    for (int m = 0; m < closes.length; m++) {
      double open = m == 0 ? closes[0] : closes[m - 1];
      csv.append(String.format(Locale.ROOT, "2023-%02d-28", m + 1))
          .append(',')
          .append(open)
          .append(',')
          .append(Math.max(open, closes[m]) + 1)
          .append(',')
          .append(Math.min(open, closes[m]) - 1)
          .append(',')
          .append(closes[m])
          .append(",100\n");
    }
    String symbol = client.upload(csv.toString(), "1M");
    String strategy = client.strategy("monthly sma", RunClient.SMA_CROSS);

    String id =
        client.started(RunClient.request(strategy, symbol, "1M", "2023-01-01", "2023-12-31"));
    JsonNode done = client.awaitFinal(id);

    assertThat(done.path("status").asString()).as(done.toString()).isEqualTo("completed");
    JsonNode run = client.get(RunClient.PATH + "/" + id).json();
    assertThat(run.path("interval").asString()).isEqualTo("1M");
    assertThat(run.path("result").path("bar_count").asInt()).isEqualTo(12);
  }

  private Response upload(String symbol, String interval, String csv) {
    Map<String, String> fields = new HashMap<>();
    fields.put("symbol", symbol);
    fields.put("interval", interval);
    fields.put("time_zone", "Asia/Seoul");
    fields.put("market", "KRX");
    return Multipart.upload(port, json, auth, "bars.csv", csv, fields);
  }

  private Response historical(String query) {
    return api.get("/api/v1/data/historical?" + query, "Authorization", auth);
  }

  private static String newSymbol() {
    return "T" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
  }
}
