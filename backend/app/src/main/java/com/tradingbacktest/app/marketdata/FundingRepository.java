package com.tradingbacktest.app.marketdata;

import com.tradingbacktest.app.marketdata.fetch.FundingRate;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * All SQL of {@code funding_rates} and of a symbol's {@code instrument} (V14). A series is keyed by
 * the symbol's series key, as bars are.
 */
@Repository
class FundingRepository {

  private static final int BATCH = 1000;

  private final JdbcClient jdbc;
  private final JdbcTemplate template;

  FundingRepository(JdbcClient jdbc, JdbcTemplate template) {
    this.jdbc = jdbc;
    this.template = template;
  }

  /**
   * Stores {@code rates} under {@code seriesKey} in one transaction, replacing the rate of any time
   * already stored, and marks the symbol a perpetual (funding is what makes it one).
   */
  @Transactional
  void store(String seriesKey, List<FundingRate> rates) {
    for (int from = 0; from < rates.size(); from += BATCH) {
      List<FundingRate> batch = rates.subList(from, Math.min(rates.size(), from + BATCH));
      template.batchUpdate(
          "insert into funding_rates (symbol, funding_time, rate) values (?, ?, ?)"
              + " on conflict (symbol, funding_time) do update set rate = excluded.rate",
          batch,
          batch.size(),
          (ps, rate) -> {
            ps.setString(1, seriesKey);
            ps.setTimestamp(2, Timestamp.from(Instant.ofEpochMilli(rate.time())));
            ps.setDouble(3, rate.rate());
          });
    }
    jdbc.sql(
            "update symbols set instrument = 'perpetual', updated_at = now()"
                + " where symbol = ? and instrument <> 'perpetual'")
        .param(seriesKey)
        .update();
  }

  /** Whether the symbol stored under {@code seriesKey} is a perpetual futures contract. */
  boolean perpetual(String seriesKey) {
    return jdbc.sql("select instrument = 'perpetual' from symbols where symbol = ?")
        .param(seriesKey)
        .query(Boolean.class)
        .optional()
        .orElse(false);
  }

  /** Of {@code seriesKeys}, those of perpetual futures, in one query. */
  Set<String> perpetuals(Collection<String> seriesKeys) {
    return new HashSet<>(
        jdbc.sql(
                "select symbol from symbols where symbol = any(:keys) and instrument = 'perpetual'")
            .param("keys", seriesKeys.toArray(new String[0]))
            .query(String.class)
            .list());
  }

  /** Of {@code seriesKeys}, those with at least one funding rate stored, in one query. */
  Set<String> withRates(Collection<String> seriesKeys) {
    return new HashSet<>(
        jdbc.sql(
                "select k from unnest(cast(:keys as varchar[])) as k where exists"
                    + " (select 1 from funding_rates f where f.symbol = k)")
            .param("keys", seriesKeys.toArray(new String[0]))
            .query(String.class)
            .list());
  }

  /** The rates with times in [from, to), oldest first, at most {@code limit}. */
  List<FundingRate> load(String seriesKey, Instant from, Instant to, int limit) {
    return jdbc.sql(
            "select funding_time, rate from funding_rates where symbol = ? and funding_time >= ?"
                + " and funding_time < ? order by funding_time limit ?")
        .param(seriesKey)
        .param(Timestamp.from(from))
        .param(Timestamp.from(to))
        .param(limit)
        .query(
            (rs, row) ->
                new FundingRate(rs.getTimestamp(1).toInstant().toEpochMilli(), rs.getDouble(2)))
        .list();
  }

  /** How many rates the series has, and its first and last time; empty when it has none. */
  Optional<Extent> extent(String seriesKey) {
    return jdbc.sql(
            "select count(*), min(funding_time), max(funding_time) from funding_rates"
                + " where symbol = ?")
        .param(seriesKey)
        .query(
            (rs, row) ->
                rs.getLong(1) == 0
                    ? null
                    : new Extent(
                        rs.getLong(1),
                        rs.getTimestamp(2).toInstant(),
                        rs.getTimestamp(3).toInstant()))
        .optional();
  }

  /** A stored series' size and span. */
  record Extent(long count, Instant first, Instant last) {}
}
