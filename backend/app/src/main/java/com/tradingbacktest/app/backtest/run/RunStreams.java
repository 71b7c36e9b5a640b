package com.tradingbacktest.app.backtest.run;

import com.tradingbacktest.app.backtest.events.RunEvent;
import com.tradingbacktest.app.backtest.events.RunEvents;
import com.tradingbacktest.app.backtest.events.StatusStream;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-Sent Events of one run: its current state at once, then every change NOTIFYed by whichever
 * process runs it, until a final state (then the stream ends) or the timeout. A comment every 15 s
 * keeps proxies from closing an idle stream.
 */
@Component
class RunStreams implements DisposableBean {

  static final Duration TIMEOUT = Duration.ofMinutes(30);
  private static final long HEARTBEAT_SECONDS = 15;

  private final BacktestRepository runs;
  private final RunEvents events;
  private final ScheduledExecutorService heartbeats =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "run-stream-heartbeat");
            t.setDaemon(true);
            return t;
          });

  RunStreams(BacktestRepository runs, RunEvents events) {
    this.runs = runs;
    this.events = events;
  }

  SseEmitter open(UUID userId, UUID id) {
    if (runs.findSummary(id, userId).isEmpty()) {
      throw BacktestService.notFound(id);
    }
    StatusStream<RunEvent> stream =
        new StatusStream<>(new SseEmitter(TIMEOUT.toMillis()), RunEvent::isFinal);
    RunEvents.Subscription subscription = events.subscribe(id, stream::send);
    ScheduledFuture<?> heartbeat =
        heartbeats.scheduleAtFixedRate(
            stream::heartbeat, HEARTBEAT_SECONDS, HEARTBEAT_SECONDS, TimeUnit.SECONDS);
    stream.onClose(
        () -> {
          subscription.close();
          heartbeat.cancel(false);
        });
    // Read after subscribing: a change in between arrives as an event, none is lost.
    runs.findSummary(id, userId)
        .ifPresentOrElse(
            row ->
                stream.send(
                    new RunEvent(row.id(), row.status().code(), row.progress(), row.error())),
            stream::end);
    return stream.emitter();
  }

  @Override
  public void destroy() {
    heartbeats.shutdownNow();
  }
}
