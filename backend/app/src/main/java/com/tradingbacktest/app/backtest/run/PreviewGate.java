package com.tradingbacktest.app.backtest.run;

import com.tradingbacktest.engine.sim.RunControl;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * Who may compute a preview in this process, and when one must stop. Each account has at most one
 * preview that counts, its newest: a new one cancels the one still in progress (its {@link Ticket},
 * the engine's {@link RunControl}, reports cancelled, so the engine stops it at its next
 * checkpoint). At most {@link PreviewSettings#slots()} previews compute at once; a request that
 * finds no slot free within {@link #SLOT_WAIT_MILLIS} is refused rather than queued, so a burst
 * cannot pile up threads. Metrics: {@code backtest_previews_running} (slots held) and {@code
 * backtest_previews_total} by outcome.
 */
@Component
class PreviewGate {

  /**
   * How long a request waits for a slot: long enough for a superseded preview of the same account
   * to reach its next checkpoint and hand its slot over, short enough that a full process answers
   * at once.
   */
  static final long SLOT_WAIT_MILLIS = 250;

  private final int slotCount;
  private final Semaphore slots;
  private final ConcurrentMap<UUID, Ticket> newest = new ConcurrentHashMap<>();
  private final MeterRegistry registry;

  PreviewGate(PreviewSettings settings, MeterRegistry registry) {
    this.slotCount = settings.slots();
    this.slots = new Semaphore(slotCount);
    this.registry = registry;
    Gauge.builder("backtest.previews.running", slots, s -> slotCount - s.availablePermits())
        .description("Previews being computed in this process")
        .register(registry);
  }

  /**
   * Makes {@code userId}'s new preview their newest (cancelling the one in progress) and takes a
   * slot for it; close the ticket when done.
   *
   * @throws PreviewProblems.Busy when no slot is free
   * @throws PreviewProblems.Superseded when an even newer preview came while this one waited
   */
  Ticket enter(UUID userId) {
    Ticket ticket = new Ticket(userId);
    Ticket previous = newest.put(userId, ticket);
    if (previous != null) {
      previous.supersede();
    }
    boolean acquired;
    try {
      acquired = slots.tryAcquire(SLOT_WAIT_MILLIS, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      acquired = false;
    }
    if (!acquired) {
      newest.remove(userId, ticket);
      count("busy");
      throw new PreviewProblems.Busy(slotCount);
    }
    ticket.holdsSlot = true;
    if (ticket.isCancelled()) {
      ticket.close();
      count("superseded");
      throw new PreviewProblems.Superseded();
    }
    return ticket;
  }

  /** The number of previews computing now in this process. */
  int running() {
    return slotCount - slots.availablePermits();
  }

  void count(String outcome) {
    Counter.builder("backtest.previews")
        .description("Previews by outcome")
        .tag("outcome", outcome)
        .register(registry)
        .increment();
  }

  /** One preview's right to compute, and its cancellation: a {@link RunControl} for the engine. */
  final class Ticket implements RunControl, AutoCloseable {
    private final UUID userId;
    private volatile boolean superseded;
    private boolean holdsSlot;

    private Ticket(UUID userId) {
      this.userId = userId;
    }

    private void supersede() {
      superseded = true;
    }

    @Override
    public void progress(int percent) {
      // A preview answers once, at the end: there is nobody to tell its progress to.
    }

    @Override
    public boolean isCancelled() {
      return superseded;
    }

    /** Gives the slot back and stops being the account's newest preview, if it still is. */
    @Override
    public void close() {
      newest.remove(userId, this);
      if (holdsSlot) {
        holdsSlot = false;
        slots.release();
      }
    }
  }
}
