package com.tradingbacktest.app.marketdata.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class RequestPacerTests {

  @Test
  void theFirstRequestGoesAtOnceAndTheNextWaitsItsTurn() throws InterruptedException {
    FakeTiming timing = FakeTiming.at(Fixtures.NOW);
    RequestPacer pacer = new RequestPacer(4, timing);

    pacer.acquire();
    pacer.acquire();
    pacer.acquire();

    assertThat(timing.sleeps()).containsExactly(Duration.ofMillis(250), Duration.ofMillis(250));
  }

  @Test
  void requestsSpacedOutByThemselvesDoNotWait() throws InterruptedException {
    FakeTiming timing = FakeTiming.at(Fixtures.NOW);
    RequestPacer pacer = new RequestPacer(2, timing);

    pacer.acquire();
    timing.advance(Duration.ofSeconds(1));
    pacer.acquire();

    assertThat(timing.sleeps()).isEmpty();
  }

  @Test
  void aSlowPaceOfLessThanOneASecondIsKept() throws InterruptedException {
    FakeTiming timing = FakeTiming.at(Fixtures.NOW);
    RequestPacer pacer = new RequestPacer(0.5, timing);

    pacer.acquire();
    pacer.acquire();

    assertThat(timing.sleeps()).containsExactly(Duration.ofSeconds(2));
  }

  @Test
  void holdingOffDelaysTheNextRequestByThePause() throws InterruptedException {
    FakeTiming timing = FakeTiming.at(Fixtures.NOW);
    RequestPacer pacer = new RequestPacer(10, timing);

    pacer.acquire();
    pacer.holdOff(Duration.ofSeconds(3));
    pacer.acquire();

    assertThat(timing.sleeps()).containsExactly(Duration.ofSeconds(3));
  }

  @Test
  void aShortHoldOffNeverShortensTheSpacing() throws InterruptedException {
    FakeTiming timing = FakeTiming.at(Fixtures.NOW);
    RequestPacer pacer = new RequestPacer(10, timing);

    pacer.acquire();
    pacer.holdOff(Duration.ZERO);
    pacer.acquire();

    assertThat(timing.sleeps()).containsExactly(Duration.ofMillis(100));
  }

  @Test
  void concurrentCallersEachGetTheirOwnSlot() throws Exception {
    FakeTiming timing = FakeTiming.frozen();
    RequestPacer pacer = new RequestPacer(10, timing);
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        done.add(
            threads.submit(
                () -> {
                  for (int i = 0; i < 25; i++) {
                    pacer.acquire();
                  }
                  return null;
                }));
      }
      for (Future<?> future : done) {
        future.get();
      }
    } finally {
      threads.shutdownNow();
    }

    // Time stands still, so the 100 callers' waits are the slots they were given: 0 (no sleep), 100
    // ms, 200 ms, ... 9.9 s, each exactly once.
    List<Long> waits = timing.sleeps().stream().map(Duration::toMillis).sorted().toList();
    List<Long> slots = new ArrayList<>();
    for (long slot = 1; slot < 100; slot++) {
      slots.add(slot * 100);
    }
    assertThat(waits).isEqualTo(slots);
  }
}
