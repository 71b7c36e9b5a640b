package com.tradingbacktest.app.marketdata;

import static com.tradingbacktest.app.support.Api.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import com.tradingbacktest.app.support.IntegrationTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The synthetic portfolio sample a fresh install starts with: labelled, exact, loaded once. */
class SyntheticSampleIntegrationTests extends IntegrationTest {

  @Autowired JdbcClient jdbc;
  @Autowired SampleDataSeeder seeder;

  @Test
  void aFreshInstallHasEightSymbolsLabelledSyntheticWithTheGeneratedBars() {
    String auth = bearer(api.registerUser("synth"));
    for (SyntheticUniverse.Series series : SyntheticUniverse.generate()) {
      String ticker = series.spec().ticker();
      JsonNode symbol = api.get("/api/v1/data/symbols/" + ticker, "Authorization", auth).json();
      assertThat(symbol.path("name").asString()).startsWith("SYNTHETIC");
      assertThat(symbol.path("source").asString()).isEqualTo("synthetic");
      assertThat(symbol.path("dataset").asString()).isEqualTo("shared");
      assertThat(symbol.path("intervals").get(0).path("bar_count").asLong())
          .isEqualTo(series.times().length);
      assertThat(closes(ticker)).containsExactly(series.close());
    }
  }

  @Test
  void seedingAgainChangesNothing() throws Exception {
    long bars = syntheticBars();
    long imports = syntheticImports();

    seeder.seedSynthetic();

    assertThat(syntheticBars()).isEqualTo(bars).isEqualTo(8L * SyntheticUniverse.days().size());
    assertThat(syntheticImports()).isEqualTo(imports + 8);
    assertThat(
            jdbc.sql(
                    "select sum(rows_inserted + rows_updated) from (select * from data_imports"
                        + " where source = 'synthetic' order by created_at desc limit 8) latest")
                .query(Long.class)
                .single())
        .isZero();
    assertThat(closes("SYN-GOLD")).containsExactly(SyntheticUniverse.generate().get(7).close());
  }

  private double[] closes(String ticker) {
    List<Double> closes =
        jdbc.sql(
                "select close from market_data where symbol = ? and interval = '1d'"
                    + " order by \"timestamp\"")
            .param(ticker)
            .query(Double.class)
            .list();
    return closes.stream().mapToDouble(Double::doubleValue).toArray();
  }

  private long syntheticBars() {
    return jdbc.sql("select count(*) from market_data where symbol like 'SYN-%'")
        .query(Long.class)
        .single();
  }

  private long syntheticImports() {
    return jdbc.sql(
            "select count(*) from data_imports where source = 'synthetic' and status = 'completed'")
        .query(Long.class)
        .single();
  }
}
