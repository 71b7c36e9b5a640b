package com.tradingbacktest.app.marketdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tradingbacktest.app.support.IntegrationTest;
import com.tradingbacktest.app.support.MigrationSchema;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * V17 on a database that has data: series fetched from Yahoo (split-adjusted prices) are marked
 * split_adjusted as of their last write, everything else raw, and KRX symbols get their board.
 * Migrated in a schema of its own, from V16 with data.
 */
class PriceBasisMigrationIntegrationTests extends IntegrationTest {

  @Autowired DataSource dataSource;
  @Autowired JdbcClient jdbc;
  @Autowired TransactionTemplate transaction;
  @Autowired JdbcTemplate template;

  private MigrationSchema schema;

  @BeforeEach
  void createSchema() {
    schema = new MigrationSchema(dataSource, jdbc, template, transaction);
  }

  @AfterEach
  void dropSchema() {
    schema.drop();
  }

  @Test
  void yahooSeriesBecomeSplitAdjustedTheRestRawAndKrxSymbolsGetABoard() {
    schema.migrate("16");
    String symbol =
        "insert into symbols (symbol, name, market, asset_class, currency, time_zone, tick_size,"
            + " lot_size, source) values ('%s', '%s', '%s', '%s', '%s', 'UTC', 1, 1, '%s')";
    String range =
        "insert into market_data_ranges (symbol, interval, first_bar, last_bar, bar_count,"
            + " updated_at) values ('%s', '1d', '2024-01-02', '2024-01-03', 2, '2025-05-05T00:00:00Z')";
    schema.execute(
        symbol.formatted("AAPL", "Apple", "NASDAQ", "stock", "USD", "yahoo"),
        symbol.formatted("005930.KS", "Samsung", "KRX", "stock", "KRW", "yahoo"),
        symbol.formatted("035720.KQ", "Kakao", "KRX", "stock", "KRW", "csv"),
        symbol.formatted("069500.KS", "KODEX 200", "KRX", "etf", "KRW", "csv"),
        symbol.formatted("KRW-BTC", "Bitcoin", "UPBIT", "crypto", "KRW", "upbit"),
        symbol.formatted("OWN", "Mine", "CUSTOM", "stock", "USD", "csv"),
        range.formatted("AAPL"),
        range.formatted("005930.KS"),
        range.formatted("035720.KQ"),
        range.formatted("KRW-BTC"),
        range.formatted("OWN"),
        // A CSV symbol whose series was later fetched from Yahoo.
        "insert into data_imports (id, kind, source, symbol, interval, status, rows_inserted)"
            + " values ('00000000-0000-0000-0000-000000000001', 'fetch', 'yahoo', 'OWN', '1d',"
            + " 'completed', 2)");

    schema.migrate(null);

    assertThat(
            schema.rows(
                "select concat_ws('|', symbol, price_basis, coalesce(to_char(adjusted_at at time zone 'UTC', 'YYYY-MM-DD'), '-'))"
                    + " from market_data_ranges order by symbol"))
        .containsExactly(
            "005930.KS|split_adjusted|2025-05-05",
            "035720.KQ|raw|-",
            "AAPL|split_adjusted|2025-05-05",
            "KRW-BTC|raw|-",
            "OWN|split_adjusted|2025-05-05");
    assertThat(
            schema.rows(
                "select concat_ws('|', symbol, coalesce(board, '-')) from symbols order by symbol"))
        .containsExactly(
            "005930.KS|kospi", "035720.KQ|kosdaq", "069500.KS|etf", "AAPL|-", "KRW-BTC|-", "OWN|-");
  }

  @Test
  void anImpossibleActionIsRefusedByTheTable() {
    schema.migrate(null);
    schema.execute(
        "insert into symbols (symbol, name, market, asset_class, currency, time_zone, tick_size,"
            + " lot_size, source) values ('X', 'X', 'CUSTOM', 'stock', 'USD', 'UTC', 1, 1, 'csv')");
    String insert =
        "insert into corporate_actions (symbol, kind, ex_date, end_date, ratio, amount, source)"
            + " values ('X', %s, 'csv')";

    for (String bad :
        List.of(
            "'split', '2024-01-02', null, 1, null",
            "'split', '2024-01-02', null, -2, null",
            "'split', '2024-01-02', null, 2, 0.5",
            "'dividend', '2024-01-02', null, null, 0",
            "'dividend', '2024-01-02', null, null, 'Infinity'",
            "'halt', '2024-01-05', '2024-01-04', null, null",
            "'bonus', '2024-01-02', null, 2, null")) {
      assertThatThrownBy(() -> schema.execute(insert.formatted(bad)))
          .as(bad)
          .isInstanceOf(DataIntegrityViolationException.class);
    }
    schema.execute(insert.formatted("'split', '2024-01-02', null, 0.1, null"));
    assertThat(schema.single("select ratio::text from corporate_actions")).isEqualTo("0.1");
  }
}
