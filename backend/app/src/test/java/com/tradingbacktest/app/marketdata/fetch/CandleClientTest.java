package com.tradingbacktest.app.marketdata.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tradingbacktest.app.marketdata.fetch.FetchException.Kind;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockWebServer;
import org.assertj.core.api.AbstractThrowableAssert;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * What the tests of every candle client share: a local server in the exchange's place, answering
 * with the responses each test enqueues; time that passes only when the client sleeps; and the
 * progress the client reports.
 */
abstract class CandleClientTest {

  final MockWebServer server = new MockWebServer();
  final FakeTiming timing = FakeTiming.at(Fixtures.NOW);
  final List<Double> progress = new ArrayList<>();

  @BeforeEach
  void startServer() throws IOException {
    server.start();
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  /** The client under test, asking for its largest pages. */
  abstract CandleSource client();

  /** Fetches with {@link #client()}, reporting into {@link #progress}, never cancelled. */
  List<FetchedBar> fetch(String symbol, String interval, Instant from, Instant to) {
    return client().fetch(symbol, interval, from, to, progress::add, () -> false).bars();
  }

  /** Asserts that {@code fetch} fails with this kind of {@link FetchException}; chain the rest. */
  static AbstractThrowableAssert<?, ? extends Throwable> assertFetchFails(
      ThrowingCallable fetch, Kind kind) {
    return assertThatThrownBy(fetch)
        .isInstanceOfSatisfying(FetchException.class, e -> assertThat(e.kind()).isEqualTo(kind));
  }
}
