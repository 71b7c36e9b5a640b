package com.tradingbacktest.app.marketdata.fetch;

import java.time.Clock;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/**
 * The three exchange candle clients, {@link CandleSources} and Binance's funding history client,
 * built from {@link FetchSettings}.
 */
@Configuration(proxyBeanMethods = false)
class FetchConfiguration {

  @Bean
  UpbitCandleClient upbitCandleClient(FetchSettings settings, JsonMapper json, Clock clock) {
    return new UpbitCandleClient(
        settings, ExchangeHttp.newClient(settings), json, FetchTiming.system(clock));
  }

  @Bean
  BinanceKlineClient binanceKlineClient(FetchSettings settings, JsonMapper json, Clock clock) {
    return new BinanceKlineClient(
        settings, ExchangeHttp.newClient(settings), json, FetchTiming.system(clock));
  }

  @Bean
  BinanceFundingClient binanceFundingClient(FetchSettings settings, JsonMapper json, Clock clock) {
    return new BinanceFundingClient(
        settings, ExchangeHttp.newClient(settings), json, FetchTiming.system(clock));
  }

  @Bean
  YahooChartClient yahooChartClient(FetchSettings settings, JsonMapper json, Clock clock) {
    return new YahooChartClient(
        settings, ExchangeHttp.newClient(settings), json, FetchTiming.system(clock));
  }

  @Bean
  CandleSources candleSources(
      UpbitCandleClient upbit, BinanceKlineClient binance, YahooChartClient yahoo) {
    return new CandleSources(List.of(upbit, binance, yahoo));
  }
}
