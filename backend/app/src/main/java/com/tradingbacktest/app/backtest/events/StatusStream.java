package com.tradingbacktest.app.backtest.events;

import java.io.IOException;
import java.util.function.Predicate;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One client's Server-Sent Events stream of a run's or a walk-forward's state: each state as an
 * event named {@code status}, a keep-alive comment when asked, and nothing after the final state.
 * Sends are serialised, since events, heartbeats and re-reads come from different threads.
 *
 * @param <E> the state sent as the event's JSON data
 */
public final class StatusStream<E> {

  private final SseEmitter emitter;
  private final Predicate<E> isFinal;
  private boolean finished;
  private E last;

  public StatusStream(SseEmitter emitter, Predicate<E> isFinal) {
    this.emitter = emitter;
    this.isFinal = isFinal;
  }

  /**
   * Runs {@code cleanup} (unsubscribe, stop timers) once the stream completes, fails or times out.
   */
  public void onClose(Runnable cleanup) {
    emitter.onCompletion(cleanup);
    emitter.onError(e -> cleanup.run());
    emitter.onTimeout(
        () -> {
          cleanup.run();
          emitter.complete();
        });
  }

  public SseEmitter emitter() {
    return emitter;
  }

  /** Sends {@code state}; a final one ends the stream. */
  public synchronized void send(E state) {
    if (finished) {
      return;
    }
    try {
      emitter.send(SseEmitter.event().name("status").data(state, MediaType.APPLICATION_JSON));
      last = state;
      if (isFinal.test(state)) {
        finished = true;
        emitter.complete();
      }
    } catch (IOException | IllegalStateException e) {
      finished = true; // the client went away; the completion callback cleans up
    }
  }

  /** Sends {@code state} unless it is the one sent last (a re-read that found nothing new). */
  public synchronized void sendIfChanged(E state) {
    if (!state.equals(last)) {
      send(state);
    }
  }

  /** Ends the stream without a final state (what it streams is gone). */
  public synchronized void end() {
    if (!finished) {
      finished = true;
      emitter.complete();
    }
  }

  /** A comment that keeps proxies from closing an idle stream. */
  public synchronized void heartbeat() {
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
