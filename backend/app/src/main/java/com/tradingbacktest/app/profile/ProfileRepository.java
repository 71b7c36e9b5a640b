package com.tradingbacktest.app.profile;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** One row per user in {@code user_profiles}, written whole on every save. */
@Repository
class ProfileRepository {

  /** A saved profile. */
  record Row(
      String displayName,
      String language,
      String colourConvention,
      DefaultCosts defaultCosts,
      Instant updatedAt) {}

  private final JdbcClient jdbc;

  ProfileRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<Row> find(UUID userId) {
    return jdbc.sql("select * from user_profiles where user_id = ?")
        .param(userId)
        .query(
            (rs, n) ->
                new Row(
                    rs.getString("display_name"),
                    rs.getString("language"),
                    rs.getString("colour_convention"),
                    rs.getBoolean("has_default_costs")
                        ? new DefaultCosts(
                            rs.getString("cost_preset"),
                            rs.getObject("cost_commission_rate", Double.class),
                            rs.getObject("cost_commission_fixed", Double.class),
                            rs.getObject("cost_commission_minimum", Double.class),
                            rs.getObject("cost_sell_tax_rate", Double.class),
                            rs.getObject("cost_slippage_rate", Double.class),
                            rs.getObject("cost_slippage_ticks", Double.class))
                        : null,
                    rs.getTimestamp("updated_at").toInstant()))
        .optional();
  }

  void save(UUID userId, Row row) {
    DefaultCosts costs = row.defaultCosts();
    boolean hasCosts = costs != null;
    jdbc.sql(
            "insert into user_profiles (user_id, display_name, language, colour_convention,"
                + " has_default_costs, cost_preset, cost_commission_rate, cost_commission_fixed,"
                + " cost_commission_minimum, cost_sell_tax_rate, cost_slippage_rate,"
                + " cost_slippage_ticks, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " on conflict (user_id) do update set display_name = excluded.display_name,"
                + " language = excluded.language, colour_convention = excluded.colour_convention,"
                + " has_default_costs = excluded.has_default_costs,"
                + " cost_preset = excluded.cost_preset,"
                + " cost_commission_rate = excluded.cost_commission_rate,"
                + " cost_commission_fixed = excluded.cost_commission_fixed,"
                + " cost_commission_minimum = excluded.cost_commission_minimum,"
                + " cost_sell_tax_rate = excluded.cost_sell_tax_rate,"
                + " cost_slippage_rate = excluded.cost_slippage_rate,"
                + " cost_slippage_ticks = excluded.cost_slippage_ticks,"
                + " updated_at = excluded.updated_at")
        .params(
            userId,
            row.displayName(),
            row.language(),
            row.colourConvention(),
            hasCosts,
            hasCosts ? costs.preset() : null,
            hasCosts ? costs.commissionRate() : null,
            hasCosts ? costs.commissionFixed() : null,
            hasCosts ? costs.commissionMinimum() : null,
            hasCosts ? costs.sellTaxRate() : null,
            hasCosts ? costs.slippageRate() : null,
            hasCosts ? costs.slippageTicks() : null,
            java.sql.Timestamp.from(row.updatedAt()))
        .update();
  }
}
