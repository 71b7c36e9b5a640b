package com.tradingbacktest.app.backtest.run;

import com.tradingbacktest.app.backtest.events.RunEvent;
import com.tradingbacktest.app.backtest.events.RunEvents;
import java.io.IOException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.MediaType;
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
    Stream stream = new Stream(new SseEmitter(TIMEOUT.toMillis()));
    RunEvents.Subscription subscription = events.subscribe(id, stream::send);
    ScheduledFuture<?> heartbeat =
        heartbeats.scheduleAtFixedRate(
            stream::heartbeat, HEARTBEAT_SECONDS, HEARTBEAT_SECONDS, TimeUnit.SECONDS);
    Runnable cleanup =
        () -> {
          subscription.close();
          heartbeat.cancel(false);
        };
    stream.emitter.onCompletion(cleanup);
    stream.emitter.onError(e -> cleanup.run());
    stream.emitter.onTimeout(
        () -> {
          cleanup.run();
          stream.emitter.complete();
        });
    // Read after subscribing: a change in between arrives as an event, none is lost.
    runs.findSummary(id, userId)
        .ifPresentOrElse(
            row ->
                stream.send(
                    new RunEvent(row.id(), row.status().code(), row.progress(), row.error())),
            () -> stream.emitter.complete());
    return stream.emitter;
  }

  @Override
  public void destroy() {
    heartbeats.shutdownNow();
  }

  /** One client's stream; sends are serialised and nothing follows the final state. */
  private static final class Stream {
    private final SseEmitter emitter;
    private boolean finished;

    Stream(SseEmitter emitter) {
      this.emitter = emitter;
    }

    synchronized void send(RunEvent event) {
      if (finished) {
        return;
      }
      try {
        emitter.send(SseEmitter.event().name("status").data(event, MediaType.APPLICATION_JSON));
        if (event.isFinal()) {
          finished = true;
          emitter.complete();
        }
      } catch (IOException | IllegalStateException e) {
        finished = true; // the client went away; the completion callback cleans up
      }
    }

    synchronized void heartbeat() {
      if (finished) {
        return;
      }
      try {
        emitter.send(SseEmitter.event().comment("keep-alive"));
      } catch (IOException | IllegalStateException e) {
        finished = true;
      }
    }
  }
}
