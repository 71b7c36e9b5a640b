package com.tradingbacktest.app.backtest.run;

import com.tradingbacktest.engine.lang.Plot;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL of {@code backtest_plots}: the series a run's strategy plotted, one row each in declaration
 * order, values encoded with {@link SeriesCodec} like the run's equity. A retried run's earlier
 * plots go with its other outputs ({@link BacktestRepository#deleteOutputs}).
 */
@Repository
class PlotRepository {

  private final JdbcClient jdbc;
  private final JdbcTemplate template;

  PlotRepository(JdbcClient jdbc, JdbcTemplate template) {
    this.jdbc = jdbc;
    this.template = template;
  }

  /** Stores {@code plots} (at most 16, as the language allows) numbered from 0. */
  void insert(UUID id, List<Plot> plots) {
    template.batchUpdate(
        "insert into backtest_plots (backtest_id, position, title, color, style, pane, bar_count,"
            + " \"values\") values (?, ?, ?, ?, ?, ?, ?, ?)",
        new BatchPreparedStatementSetter() {
          @Override
          public void setValues(PreparedStatement ps, int i) throws SQLException {
            Plot p = plots.get(i);
            ps.setObject(1, id);
            ps.setInt(2, i);
            ps.setString(3, p.title());
            ps.setString(4, p.color());
            ps.setString(5, p.style());
            ps.setString(6, p.pane());
            ps.setInt(7, p.values().length);
            ps.setBytes(8, SeriesCodec.encodeDoubles(p.values()));
          }

          @Override
          public int getBatchSize() {
            return plots.size();
          }
        });
  }

  /** What the run plotted, without the values, in declaration order. */
  List<PlotView> list(UUID id) {
    return jdbc.sql(
            "select title, color, style, pane from backtest_plots where backtest_id = ?"
                + " order by position")
        .param(id)
        .query(
            (rs, n) ->
                new PlotView(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
        .list();
  }

  /** The plots titled {@code titles} with their full values, in declaration order. */
  List<Plot> load(UUID id, Collection<String> titles) {
    if (titles.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(
            "select title, color, style, pane, \"values\" from backtest_plots"
                + " where backtest_id = ? and title = any(?) order by position")
        .params(id, titles.toArray(String[]::new))
        .query(
            (rs, n) ->
                new Plot(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    SeriesCodec.decodeDoubles(rs.getBytes(5))))
        .list();
  }
}
