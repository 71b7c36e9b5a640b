package com.tradingbacktest.app.backtest.walkforward;

import com.tradingbacktest.app.backtest.events.RunEvents;
import com.tradingbacktest.app.backtest.events.StatusStream;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-Sent Events of one walk-forward, as a run's stream: its current state at once, then every
 * change NOTIFYed by whichever process runs its jobs ({@link WalkForwardRepository} announces on
 * the runs' channel, so {@link RunEvents} delivers them), until a final state or the timeout. Every
 * 15 s the stream re-reads the state besides its keep-alive comment: the runs' replay after a lost
 * listening connection reads runs only, so this is how a walk-forward's stream never misses its
 * final state.
 */
@Component
class WalkForwardStreams implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(WalkForwardStreams.class);

  static final Duration TIMEOUT = Duration.ofMinutes(30);
  private static final long HEARTBEAT_SECONDS = 15;

  private final WalkForwardRepository walkForwards;
  private final RunEvents events;
  private final ScheduledExecutorService heartbeats =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "walk-forward-stream-heartbeat");
            t.setDaemon(true);
            return t;
          });

  WalkForwardStreams(WalkForwardRepository walkForwards, RunEvents events) {
    this.walkForwards = walkForwards;
    this.events = events;
  }

  SseEmitter open(UUID userId, UUID id) {
    if (walkForwards.find(id, userId).isEmpty()) {
      throw WalkForwardService.notFound(id);
    }
    StatusStream<WalkForwardEvent> stream =
        new StatusStream<>(new SseEmitter(TIMEOUT.toMillis()), WalkForwardEvent::isFinal);
    RunEvents.Subscription subscription =
        events.subscribe(
            id,
            e -> stream.send(new WalkForwardEvent(e.id(), e.status(), e.progress(), e.error())));
    ScheduledFuture<?> heartbeat =
        heartbeats.scheduleAtFixedRate(
            () -> {
              stream.heartbeat();
              try {
                // Deleted meanwhile: nothing more will come.
                walkForwards.state(id).ifPresentOrElse(stream::sendIfChanged, stream::end);
              } catch (RuntimeException e) {
                // The database is away: a failed task would never run again, so try next time.
                log.debug("Walk-forward {} state not read", id, e);
              }
            },
            HEARTBEAT_SECONDS,
            HEARTBEAT_SECONDS,
            TimeUnit.SECONDS);
    stream.onClose(
        () -> {
          subscription.close();
          heartbeat.cancel(false);
        });
    // Read after subscribing: a change in between arrives as an event, none is lost.
    walkForwards.state(id).ifPresentOrElse(stream::send, stream::end);
    return stream.emitter();
  }

  @Override
  public void destroy() {
    heartbeats.shutdownNow();
  }
}
