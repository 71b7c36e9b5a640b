package com.tradingbacktest.app.marketdata.fetch;

import com.tradingbacktest.app.marketdata.fetch.FetchException.Kind;
import com.tradingbacktest.engine.prices.CorporateAction;
import com.tradingbacktest.engine.series.Interval;
import java.util.ArrayList;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;

/**
 * One fetch in progress: what was asked for, the bars gathered so far, progress and cancellation.
 * Bars are kept by open time, first one wins, and those outside [from, to) are dropped, so pages
 * may overlap each other and run past the range without harm. Used by one thread.
 */
final class FetchRun {

  private final DataSource source;
  private final String symbol;
  private final Interval interval;
  private final long from;
  private final long to;
  private final DoubleConsumer progress;
  private final BooleanSupplier cancelled;
  private final TreeMap<Long, FetchedBar> bars = new TreeMap<>();
  private double reported;
  private Listing listing;
  private final TreeMap<String, CorporateAction> actions = new TreeMap<>();

  /**
   * @param from the range's start, epoch ms UTC, inclusive
   * @param to the range's end, epoch ms UTC, exclusive; after {@code from}
   */
  FetchRun(
      DataSource source,
      String symbol,
      Interval interval,
      long from,
      long to,
      DoubleConsumer progress,
      BooleanSupplier cancelled) {
    this.source = source;
    this.symbol = symbol;
    this.interval = interval;
    this.from = from;
    this.to = to;
    this.progress = progress;
    this.cancelled = cancelled;
  }

  String symbol() {
    return symbol;
  }

  Interval interval() {
    return interval;
  }

  /** The range's start, epoch ms UTC, inclusive. */
  long from() {
    return from;
  }

  /** The range's end, epoch ms UTC, exclusive. */
  long to() {
    return to;
  }

  BooleanSupplier cancelled() {
    return cancelled;
  }

  /** Keeps {@code bar} when it opens inside the range and no bar with its open time is kept yet. */
  void add(FetchedBar bar) {
    if (bar.time() >= from && bar.time() < to) {
      bars.putIfAbsent(bar.time(), bar);
    }
  }

  /** Keeps what the source says about the instrument; the first answer that says it wins. */
  void describe(Listing listing) {
    if (this.listing == null) {
      this.listing = listing;
    }
  }

  /**
   * Keeps a split or dividend the source listed; one of a kind per day (windows may repeat it),
   * whatever its date: a split's ex-date may lie just outside the range of bars.
   */
  void action(CorporateAction action) {
    String kind = action instanceof CorporateAction.Split ? "split" : "dividend";
    actions.putIfAbsent(action.date() + kind, action);
  }

  /** Throws CANCELLED when the caller has cancelled. */
  void checkCancelled() {
    if (cancelled.getAsBoolean()) {
      throw new FetchException(
          Kind.CANCELLED, "The fetch from " + source.displayName() + " was cancelled");
    }
  }

  /**
   * Reports a page done, the pages so far having covered {@code covered} ms of the range; progress
   * never goes backwards and never past 1.
   */
  void pageDone(long covered) {
    double fraction = Math.min(1, Math.max(0, (double) covered / (to - from)));
    reported = Math.max(reported, fraction);
    progress.accept(reported);
  }

  /**
   * Reports the end, 1.0, and returns the bars kept, oldest first, and the listing if one was
   * given.
   */
  Fetched finish() {
    progress.accept(1.0);
    return new Fetched(
        new ArrayList<>(bars.values()),
        Optional.ofNullable(listing),
        new ArrayList<>(actions.values()));
  }
}
