package com.tradingbacktest.app.backtest.run;

import static com.tradingbacktest.app.common.persistence.ResultSets.instant;

import com.tradingbacktest.engine.portfolio.PortfolioTrade;
import com.tradingbacktest.engine.sim.Trade;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.jdbc.core.ArgumentPreparedStatementSetter;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * SQL of {@code backtest_round_trips}: a run's closed positions, one row each, numbered in exit
 * order, so that they are paged and filtered in the database instead of riding in the run's result.
 */
@Repository
class RoundTripRepository {

  private static final int BATCH = 5_000;

  private static final String COLUMNS =
      "side, quantity, entry_time, entry_price, exit_time, exit_price, pnl, return_pct, costs, mae,"
          + " mfe, bars_held, exit_reason, funding, borrow_cost, dividends";

  /**
   * Why the entry's and the exit's orders waited, if they did ({@code halted}, {@code
   * limit_locked}): the note of the run's fill at that time (of the round trip's symbol), read with
   * the page rather than stored twice.
   */
  private static final String NOTES =
      ", (select f.note from backtest_trades f where f.backtest_id = r.backtest_id"
          + " and f.\"timestamp\" = r.entry_time and f.note is not null"
          + " and (r.symbol is null or f.symbol = r.symbol) limit 1)"
          + ", (select f.note from backtest_trades f where f.backtest_id = r.backtest_id"
          + " and f.\"timestamp\" = r.exit_time and f.note is not null"
          + " and (r.symbol is null or f.symbol = r.symbol) limit 1)";

  /**
   * Parameters: run id, side, side, outcome, outcome, outcome, from, from, to, to, symbol, symbol.
   */
  private static final String WHERE =
      " where backtest_id = ?"
          + " and (cast(? as text) is null or side = ?)"
          + " and (cast(? as text) is null or (? = 'win' and pnl > 0) or (? = 'loss' and pnl < 0))"
          + " and (cast(? as timestamptz) is null or exit_time >= ?)"
          + " and (cast(? as timestamptz) is null or exit_time <= ?)"
          + " and (cast(? as text) is null or symbol = ?)";

  /**
   * The run's round trips with the running sum of their pnl in exit order, taken before any filter
   * so that a filtered page shows the run's cumulative P&L at each trade. Parameter: run id.
   */
  private static final String FROM =
      " from (select t.*, sum(t.pnl) over (order by t.seq) as cumulative_pnl"
          + " from backtest_round_trips t where t.backtest_id = ?) r";

  private final JdbcTemplate template;

  RoundTripRepository(JdbcTemplate template) {
    this.template = template;
  }

  void delete(UUID id) {
    template.update("delete from backtest_round_trips where backtest_id = ?", id);
  }

  /** Stores {@code trades} (in exit order, as the simulation closed them) numbered from 0. */
  void insert(UUID id, List<Trade> trades) {
    for (int start = 0; start < trades.size(); start += BATCH) {
      int first = start;
      int size = Math.min(trades.size() - start, BATCH);
      template.batchUpdate(
          "insert into backtest_round_trips (backtest_id, seq, "
              + COLUMNS
              + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement ps, int i) throws SQLException {
              setTrade(ps, id, first + i, trades.get(first + i));
            }

            @Override
            public int getBatchSize() {
              return size;
            }
          });
    }
  }

  /** A portfolio run's round trips (in exit order) numbered from 0, each with its symbol. */
  void insertPortfolio(UUID id, List<PortfolioTrade> trades) {
    for (int start = 0; start < trades.size(); start += BATCH) {
      int first = start;
      int size = Math.min(trades.size() - start, BATCH);
      template.batchUpdate(
          "insert into backtest_round_trips (backtest_id, seq, "
              + COLUMNS
              + ", symbol) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement ps, int i) throws SQLException {
              PortfolioTrade pt = trades.get(first + i);
              setTrade(ps, id, first + i, pt.trade());
              ps.setString(19, pt.symbol());
            }

            @Override
            public int getBatchSize() {
              return size;
            }
          });
    }
  }

  private static void setTrade(PreparedStatement ps, UUID id, int seq, Trade t)
      throws SQLException {
    ps.setObject(1, id);
    ps.setInt(2, seq);
    ps.setString(3, t.side().name().toLowerCase(Locale.ROOT));
    ps.setDouble(4, t.quantity());
    ps.setTimestamp(5, new Timestamp(t.entryTime()));
    ps.setDouble(6, t.entryPrice());
    ps.setTimestamp(7, new Timestamp(t.exitTime()));
    ps.setDouble(8, t.exitPrice());
    ps.setDouble(9, t.pnl());
    ps.setDouble(10, t.returnPct());
    ps.setDouble(11, t.costs());
    ps.setDouble(12, t.mae());
    ps.setDouble(13, t.mfe());
    ps.setInt(14, t.barsHeld());
    ps.setString(15, t.exitReason().name().toLowerCase(Locale.ROOT));
    ps.setDouble(16, t.funding());
    ps.setDouble(17, t.borrowCost());
    ps.setDouble(18, t.dividends());
  }

  List<RoundTripView> page(UUID id, RoundTripFilter filter, int offset, int limit) {
    List<Object> params = params(id, filter);
    params.add(0, id);
    params.add(offset);
    params.add(limit);
    return template.query(
        "select seq, "
            + COLUMNS
            + ", symbol"
            + NOTES
            + ", cumulative_pnl"
            + FROM
            + WHERE
            + " order by seq offset ? limit ?",
        RoundTripRepository::map,
        params.toArray());
  }

  long count(UUID id, RoundTripFilter filter) {
    Long count =
        template.queryForObject(
            "select count(*) from backtest_round_trips" + WHERE,
            Long.class,
            params(id, filter).toArray());
    return count == null ? 0 : count;
  }

  /** Every matching round trip in exit order, streamed (for the CSV of a long run). */
  void stream(UUID id, RoundTripFilter filter, Consumer<RoundTripView> sink) {
    List<Object> params = params(id, filter);
    params.add(0, id);
    template.query(
        con -> {
          PreparedStatement ps =
              con.prepareStatement(
                  "select seq, "
                      + COLUMNS
                      + ", symbol"
                      + NOTES
                      + ", cumulative_pnl"
                      + FROM
                      + WHERE
                      + " order by seq");
          new ArgumentPreparedStatementSetter(params.toArray()).setValues(ps);
          ps.setFetchSize(BATCH);
          return ps;
        },
        rs -> {
          sink.accept(map(rs, 0));
        });
  }

  /** What the performance summary reads of one round trip. */
  record SummaryRow(boolean isLong, double pnl, double returnPct, double costs, int barsHeld) {}

  /** Every round trip of the run in exit order, only the summary's columns, streamed. */
  void streamForSummary(UUID id, Consumer<SummaryRow> sink) {
    template.query(
        con -> {
          PreparedStatement ps =
              con.prepareStatement(
                  "select side, pnl, return_pct, costs, bars_held from backtest_round_trips"
                      + " where backtest_id = ? order by seq");
          ps.setObject(1, id);
          ps.setFetchSize(BATCH);
          return ps;
        },
        rs -> {
          sink.accept(
              new SummaryRow(
                  "long".equals(rs.getString(1)),
                  rs.getDouble(2),
                  rs.getDouble(3),
                  rs.getDouble(4),
                  rs.getInt(5)));
        });
  }

  private static List<Object> params(UUID id, RoundTripFilter filter) {
    Timestamp from = filter.from() == null ? null : Timestamp.from(filter.from());
    Timestamp to = filter.to() == null ? null : Timestamp.from(filter.to());
    List<Object> params = new ArrayList<>();
    params.add(id);
    params.add(filter.side());
    params.add(filter.side());
    params.add(filter.outcome());
    params.add(filter.outcome());
    params.add(filter.outcome());
    params.add(from);
    params.add(from);
    params.add(to);
    params.add(to);
    params.add(filter.symbol());
    params.add(filter.symbol());
    return params;
  }

  private static RoundTripView map(ResultSet rs, int n) throws SQLException {
    double quantity = rs.getDouble(3);
    double entryValue = rs.getDouble(5) * quantity;
    return new RoundTripView(
        rs.getInt(1) + 1,
        rs.getString(2),
        rs.getDouble(3),
        instant(rs, 4),
        rs.getDouble(5),
        instant(rs, 6),
        rs.getDouble(7),
        rs.getDouble(8),
        rs.getDouble(9),
        rs.getDouble(10),
        rs.getDouble(11),
        rs.getDouble(12),
        rs.getInt(13),
        rs.getString(14),
        rs.getDouble(15),
        rs.getDouble(16),
        rs.getDouble(17),
        rs.getString(18),
        rs.getString(19),
        rs.getString(20),
        rs.getDouble(12) * entryValue,
        rs.getDouble(11) * entryValue,
        rs.getDouble(21),
        null);
  }
}
