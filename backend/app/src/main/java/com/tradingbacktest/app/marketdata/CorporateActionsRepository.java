package com.tradingbacktest.app.marketdata;

import com.tradingbacktest.engine.prices.CorporateAction;
import com.tradingbacktest.engine.prices.CorporateActions;
import com.tradingbacktest.engine.prices.PriceBasis;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code corporate_actions} of each series (V17) and the basis its bars are stored in ({@code
 * market_data_ranges.price_basis}). Writes that belong to an import of bars take the import's
 * connection, so the actions, a rebase and the bars commit or roll back together.
 */
@Repository
class CorporateActionsRepository {

  /** Where an action came from: the {@code source} column. */
  enum Source {
    YAHOO("yahoo"),
    CSV("csv"),
    ADJ_CLOSE("adj_close"),
    HALTED_COLUMN("halted_column");

    private final String code;

    Source(String code) {
      this.code = code;
    }

    String code() {
      return code;
    }
  }

  /** A stored action with where it came from. */
  record Stored(CorporateAction action, String source, Instant importedAt) {}

  /** The basis of one interval of a series, and when its split adjustment was last brought up. */
  record Basis(PriceBasis basis, Instant adjustedAt) {}

  private final JdbcClient jdbc;

  CorporateActionsRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Every action of a series, oldest first. */
  List<Stored> find(String seriesKey) {
    return jdbc.sql(
            "select kind, ex_date, end_date, ratio, amount, source, imported_at from corporate_actions"
                + " where symbol = ? order by ex_date, kind")
        .param(seriesKey)
        .query(
            (rs, row) ->
                new Stored(
                    action(
                        rs.getString(1),
                        rs.getObject(2, LocalDate.class),
                        rs.getObject(3, LocalDate.class),
                        rs.getDouble(4),
                        rs.getDouble(5)),
                    rs.getString(6),
                    rs.getTimestamp(7).toInstant()))
        .list();
  }

  CorporateActions actions(String seriesKey) {
    List<CorporateAction> actions = new ArrayList<>();
    find(seriesKey).forEach(s -> actions.add(s.action()));
    return actions.isEmpty() ? CorporateActions.NONE : new CorporateActions(actions);
  }

  /** The stored basis of one interval of a series; empty when it has no bars. */
  Optional<Basis> basis(String seriesKey, String interval) {
    return jdbc.sql(
            "select price_basis, adjusted_at from market_data_ranges"
                + " where symbol = ? and interval = ?::bar_interval")
        .params(seriesKey, interval)
        .query(
            (rs, row) ->
                new Basis(
                    PriceBasis.parse(rs.getString(1)),
                    rs.getTimestamp(2) == null ? null : rs.getTimestamp(2).toInstant()))
        .optional();
  }

  /**
   * Stores {@code actions} on {@code c}, replacing an action of the same kind and day (a later
   * source knows better: a corrected CSV, Yahoo's restated amount).
   */
  static void upsert(
      Connection c, String seriesKey, List<CorporateAction> actions, Source source, UUID userId)
      throws SQLException {
    // One statement may not touch a row twice: of two actions of a kind on one day, the later wins.
    java.util.Map<String, CorporateAction> unique = new java.util.LinkedHashMap<>();
    for (CorporateAction a : actions) {
      unique.put(a.getClass().getSimpleName() + a.date(), a);
    }
    if (unique.isEmpty()) {
      return;
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "insert into corporate_actions (symbol, kind, ex_date, end_date, ratio, amount, source,"
                + " imported_by) values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (symbol, kind, ex_date) do"
                + " update set end_date = excluded.end_date, ratio = excluded.ratio, amount ="
                + " excluded.amount, source = excluded.source, imported_by = excluded.imported_by,"
                + " imported_at = now()")) {
      for (CorporateAction a : unique.values()) {
        ps.setString(1, seriesKey);
        ps.setObject(8, userId);
        ps.setString(7, source.code());
        if (a instanceof CorporateAction.Split s) {
          ps.setString(2, "split");
          ps.setDate(3, Date.valueOf(s.exDate()));
          ps.setNull(4, Types.DATE);
          ps.setDouble(5, s.ratio());
          ps.setNull(6, Types.DOUBLE);
        } else if (a instanceof CorporateAction.CashDividend d) {
          ps.setString(2, "dividend");
          ps.setDate(3, Date.valueOf(d.exDate()));
          ps.setNull(4, Types.DATE);
          ps.setNull(5, Types.DOUBLE);
          ps.setDouble(6, d.amount());
        } else if (a instanceof CorporateAction.Halt h) {
          ps.setString(2, "halt");
          ps.setDate(3, Date.valueOf(h.from()));
          ps.setDate(4, Date.valueOf(h.to()));
          ps.setNull(5, Types.DOUBLE);
          ps.setNull(6, Types.DOUBLE);
        }
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  /**
   * Records on {@code c} the basis of one interval of a series and brings its range up to date (the
   * bars of this transaction included), so the basis is stored with the bars it describes.
   *
   * @param adjustedAt when split-adjusted prices were adjusted (null: raw, or unknown)
   */
  static void recordBasis(
      Connection c, String seriesKey, String interval, PriceBasis basis, Instant adjustedAt)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            """
            with r as (select min("timestamp") f, max("timestamp") l, count(*) n from market_data
                       where symbol = ? and interval = ?::bar_interval)
            insert into market_data_ranges
              (symbol, interval, first_bar, last_bar, bar_count, updated_at, price_basis, adjusted_at)
            select ?, ?::bar_interval, f, l, n, now(), ?, ? from r where n > 0
            on conflict (symbol, interval) do update
              set first_bar = excluded.first_bar, last_bar = excluded.last_bar,
                  bar_count = excluded.bar_count, updated_at = now(),
                  price_basis = excluded.price_basis, adjusted_at = excluded.adjusted_at
            """)) {
      ps.setString(1, seriesKey);
      ps.setString(2, interval);
      ps.setString(3, seriesKey);
      ps.setString(4, interval);
      ps.setString(5, basis.code());
      ps.setTimestamp(6, adjustedAt == null ? null : java.sql.Timestamp.from(adjustedAt));
      ps.executeUpdate();
    }
  }

  private static CorporateAction action(
      String kind, LocalDate exDate, LocalDate endDate, double ratio, double amount) {
    return switch (kind) {
      case "split" -> new CorporateAction.Split(exDate, ratio);
      case "dividend" -> new CorporateAction.CashDividend(exDate, amount);
      case "halt" -> new CorporateAction.Halt(exDate, endDate);
      default -> throw new IllegalStateException("corporate_actions.kind " + kind);
    };
  }
}
