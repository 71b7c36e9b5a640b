package com.tradingbacktest.app.marketdata;

import com.tradingbacktest.app.marketdata.fetch.FetchException;
import com.tradingbacktest.engine.prices.CorporateAction;
import com.tradingbacktest.engine.prices.PriceBasis;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * What a fetch of split-adjusted bars (Yahoo's) writes besides them, in the same transaction: the
 * splits and dividends it listed, the series' basis, and the rebase of the stored bars by every
 * split they do not reflect yet.
 *
 * <p>Yahoo adjusts its chart's prices, and its dividend amounts, for every split up to the moment
 * it answers. So stored bars fetched at {@code adjustedAt} already reflect splits before that day,
 * and a split after it is new to them: the stored bars before its ex-date are divided by its ratio
 * (volumes multiplied) so that the series stays split-adjusted as one. A dividend's raw amount (per
 * share as traded on its ex-date, what the table keeps) is Yahoo's amount times the ratio of every
 * split known after its ex-date (up to the fetch). A series whose adjustment time is unknown is
 * never rebased: dividing it again could not be undone.
 */
final class FetchedActions implements BarImporter.SeriesWrites {

  private final String seriesKey;
  private final String interval;
  private final ZoneId zone;
  private final Instant fetchedAt;
  private final List<CorporateAction> toStore;
  private final List<CorporateAction.Split> rebase;

  private FetchedActions(
      String seriesKey,
      String interval,
      ZoneId zone,
      Instant fetchedAt,
      List<CorporateAction> toStore,
      List<CorporateAction.Split> rebase) {
    this.seriesKey = seriesKey;
    this.interval = interval;
    this.zone = zone;
    this.fetchedAt = fetchedAt;
    this.toStore = toStore;
    this.rebase = rebase;
  }

  /**
   * The writes of one fetch.
   *
   * @param fetched the splits and dividends the fetch listed (dividends as Yahoo states them)
   * @param stored the actions stored for the series before the fetch
   * @param basis the stored bars' basis, null when the series has none
   * @param fetchedAt when the fetch asked (what its prices are adjusted up to)
   * @throws FetchException when the stored bars are raw: Yahoo's adjusted bars cannot join them
   */
  static FetchedActions of(
      SymbolInfo s,
      String interval,
      List<CorporateAction> fetched,
      List<CorporateAction> stored,
      CorporateActionsRepository.Basis basis,
      Instant fetchedAt) {
    if (basis != null && basis.basis() == PriceBasis.RAW) {
      throw new FetchException(
          FetchException.Kind.BAD_REQUEST,
          "The stored "
              + interval
              + " bars of "
              + s.symbol()
              + " are raw prices (from a CSV); Yahoo Finance's are split-adjusted, and the two"
              + " cannot be mixed in one series. Fetch another interval, or import the bars as CSV.");
    }
    ZoneId zone = s.zone();
    LocalDate today = fetchedAt.atZone(zone).toLocalDate();
    TreeMap<LocalDate, Double> splits = new TreeMap<>();
    for (List<CorporateAction> list : List.of(stored, fetched)) {
      for (CorporateAction a : list) {
        if (a instanceof CorporateAction.Split split && !split.exDate().isAfter(today)) {
          splits.put(split.exDate(), split.ratio());
        }
      }
    }
    List<CorporateAction> toStore = new ArrayList<>();
    for (CorporateAction a : fetched) {
      if (a instanceof CorporateAction.CashDividend d) {
        double factor = 1;
        for (double ratio : splits.tailMap(d.exDate(), false).values()) {
          factor *= ratio;
        }
        toStore.add(new CorporateAction.CashDividend(d.exDate(), d.amount() * factor));
      } else {
        toStore.add(a);
      }
    }
    List<CorporateAction.Split> rebase = new ArrayList<>();
    if (basis != null) {
      LocalDate adjustedThrough =
          basis.adjustedAt() == null ? null : basis.adjustedAt().atZone(zone).toLocalDate();
      splits.forEach(
          (date, ratio) -> {
            if (adjustedThrough != null && date.isAfter(adjustedThrough)) {
              rebase.add(new CorporateAction.Split(date, ratio));
            }
          });
    }
    return new FetchedActions(s.seriesKey(), interval, zone, fetchedAt, toStore, rebase);
  }

  /** The splits and dividends (in raw terms) it stores, in the order the fetch listed them. */
  List<CorporateAction> actions() {
    return toStore;
  }

  /** The splits whose ratio the stored bars are divided by (tests and the log). */
  List<CorporateAction.Split> rebase() {
    return rebase;
  }

  @Override
  public int beforeMerge(Connection c, String table) throws SQLException {
    int changed = 0;
    String t = "\"" + table.replace("\"", "\"\"") + "\"";
    try (PreparedStatement ps =
        c.prepareStatement(
            "update "
                + t
                + " set open = open / ?, high = high / ?, low = low / ?, close = close / ?,"
                + " volume = volume * ? where \"timestamp\" < ?")) {
      for (CorporateAction.Split split : rebase) {
        double r = split.ratio();
        for (int i = 1; i <= 5; i++) {
          ps.setDouble(i, r);
        }
        ps.setTimestamp(6, Timestamp.from(split.exDate().atStartOfDay(zone).toInstant()));
        changed += ps.executeUpdate();
      }
    }
    return changed;
  }

  @Override
  public void beforeCommit(Connection c) throws SQLException {
    CorporateActionsRepository.upsert(
        c, seriesKey, toStore, CorporateActionsRepository.Source.YAHOO, null);
    CorporateActionsRepository.recordBasis(
        c, seriesKey, interval, PriceBasis.SPLIT_ADJUSTED, fetchedAt);
  }
}
