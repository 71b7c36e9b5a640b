package com.tradingbacktest.app.marketdata.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

class FetchConfigurationTests {

  private final ApplicationContextRunner context =
      new ApplicationContextRunner()
          .withUserConfiguration(FetchConfiguration.class, AppBeans.class);

  @Test
  void buildsOneClientPerSourceWithTheDocumentedDefaults() {
    context.run(
        app -> {
          CandleSources sources = app.getBean(CandleSources.class);
          assertThat(sources.all())
              .extracting(CandleSource::source)
              .containsExactly(DataSource.UPBIT, DataSource.BINANCE, DataSource.YAHOO);
          assertThat(sources.get(DataSource.UPBIT)).isInstanceOf(UpbitCandleClient.class);
          assertThat(sources.get(DataSource.BINANCE)).isInstanceOf(BinanceKlineClient.class);
          assertThat(sources.get(DataSource.YAHOO)).isInstanceOf(YahooChartClient.class);
          assertThat(app.getBean(BinanceFundingClient.class)).isNotNull();

          FetchSettings settings = app.getBean(FetchSettings.class);
          assertThat(settings.upbitUrl()).isEqualTo("https://api.upbit.com");
          assertThat(settings.binanceUrl()).isEqualTo("https://api.binance.com");
          assertThat(settings.binanceFuturesUrl()).isEqualTo("https://fapi.binance.com");
          assertThat(settings.yahooUrl()).isEqualTo("https://query1.finance.yahoo.com");
          assertThat(settings.maxRetries()).isEqualTo(4);
          assertThat(settings.initialBackoff()).isEqualTo(Duration.ofMillis(500));
          assertThat(settings.maxBackoff()).isEqualTo(Duration.ofSeconds(8));
          assertThat(settings.upbitRequestsPerSecond()).isEqualTo(8);
          assertThat(settings.binanceRequestsPerSecond()).isEqualTo(10);
          assertThat(settings.yahooRequestsPerSecond()).isEqualTo(2);
        });
  }

  @Test
  void baseUrlsComeFromTheProperties() {
    context
        .withPropertyValues(
            "tb.fetch.upbit-url=http://127.0.0.1:8089/", "tb.fetch.yahoo-requests-per-second=0.5")
        .run(
            app -> {
              FetchSettings settings = app.getBean(FetchSettings.class);
              assertThat(settings.upbitUrl())
                  .as("without the trailing slash")
                  .isEqualTo("http://127.0.0.1:8089");
              assertThat(settings.yahooRequestsPerSecond()).isEqualTo(0.5);
            });
  }

  @Test
  void refusesToStartWithANegativeRetryCount() {
    assertRefusesToStart(
        "tb.fetch.max-retries=-1", "tb.fetch.max-retries must be 0 or more, not -1");
  }

  @Test
  void refusesToStartWithABaseUrlThatIsNotHttp() {
    assertRefusesToStart(
        "tb.fetch.binance-url=ftp://example.org",
        "tb.fetch.binance-url must be an http(s) URL, not ftp://example.org");
  }

  /** With {@code property} set, the app fails to start because of {@code message}. */
  private void assertRefusesToStart(String property, String message) {
    context
        .withPropertyValues(property)
        .run(app -> assertThat(app).hasFailed().getFailure().rootCause().hasMessage(message));
  }

  /** What the app provides: the settings scan, its JSON mapper and its clock. */
  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties(FetchSettings.class)
  static class AppBeans {

    @Bean
    JsonMapper jsonMapper() {
      return JsonMapper.builder().build();
    }

    @Bean
    Clock clock() {
      return Clock.systemUTC();
    }
  }
}
