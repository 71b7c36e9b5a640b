package com.tradingbacktest.app.marketdata.fetch;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the exchange fetchers talk to the exchanges ({@code tb.fetch.*}). The base URLs are settings
 * so that tests, and mirrors, can point the clients elsewhere.
 *
 * @param upbitUrl Upbit's REST API root
 * @param binanceUrl Binance spot REST API root
 * @param binanceFuturesUrl Binance USD-M futures REST API root (funding rate history)
 * @param yahooUrl Yahoo Finance chart API root
 * @param connectTimeout the longest wait for a connection
 * @param readTimeout the longest wait for a whole response, from sending the request
 * @param maxRetries retries after a rate limit, a server error or a network failure, per request
 * @param initialBackoff the wait before the first retry; it doubles with each retry (with jitter)
 * @param maxBackoff the longest wait between retries, whatever the doubling says
 * @param maxRetryAfter the longest {@code Retry-After} we wait out; a longer one (a ban) fails at
 *     once
 * @param upbitRequestsPerSecond requests a second to Upbit (its quotation limit is 10 a second per
 *     address)
 * @param binanceRequestsPerSecond requests a second to Binance (a 1000-bar page weighs 2 of 6000 a
 *     minute)
 * @param yahooRequestsPerSecond requests a second to Yahoo Finance (unpublished limit; it blocks
 *     bursts)
 * @param userAgent the {@code User-Agent} sent; Yahoo refuses requests without a browser-like one
 */
@ConfigurationProperties("tb.fetch")
record FetchSettings(
    @DefaultValue("https://api.upbit.com") String upbitUrl,
    @DefaultValue("https://api.binance.com") String binanceUrl,
    @DefaultValue("https://fapi.binance.com") String binanceFuturesUrl,
    @DefaultValue("https://query1.finance.yahoo.com") String yahooUrl,
    @DefaultValue("5s") Duration connectTimeout,
    @DefaultValue("30s") Duration readTimeout,
    @DefaultValue("4") int maxRetries,
    @DefaultValue("500ms") Duration initialBackoff,
    @DefaultValue("8s") Duration maxBackoff,
    @DefaultValue("60s") Duration maxRetryAfter,
    @DefaultValue("8") double upbitRequestsPerSecond,
    @DefaultValue("10") double binanceRequestsPerSecond,
    @DefaultValue("2") double yahooRequestsPerSecond,
    @DefaultValue("Mozilla/5.0 (compatible; trading-backtest/0.1)") String userAgent) {

  FetchSettings {
    upbitUrl = root("upbit-url", upbitUrl);
    binanceUrl = root("binance-url", binanceUrl);
    binanceFuturesUrl = root("binance-futures-url", binanceFuturesUrl);
    yahooUrl = root("yahoo-url", yahooUrl);
    positive("connect-timeout", connectTimeout);
    positive("read-timeout", readTimeout);
    positive("initial-backoff", initialBackoff);
    positive("max-backoff", maxBackoff);
    positive("max-retry-after", maxRetryAfter);
    if (maxRetries < 0) {
      throw new IllegalArgumentException(
          "tb.fetch.max-retries must be 0 or more, not " + maxRetries);
    }
    positive("upbit-requests-per-second", upbitRequestsPerSecond);
    positive("binance-requests-per-second", binanceRequestsPerSecond);
    positive("yahoo-requests-per-second", yahooRequestsPerSecond);
    if (userAgent == null || userAgent.isBlank()) {
      throw new IllegalArgumentException("tb.fetch.user-agent must not be empty");
    }
  }

  /** The base URL of {@code source}. */
  String baseUrl(DataSource source) {
    return switch (source) {
      case UPBIT -> upbitUrl;
      case BINANCE -> binanceUrl;
      case YAHOO -> yahooUrl;
    };
  }

  /** The pace for {@code source}, in requests a second. */
  double requestsPerSecond(DataSource source) {
    return switch (source) {
      case UPBIT -> upbitRequestsPerSecond;
      case BINANCE -> binanceRequestsPerSecond;
      case YAHOO -> yahooRequestsPerSecond;
    };
  }

  /** Without the trailing slash, so paths can be appended as they are documented. */
  private static String root(String name, String url) {
    if (url == null || !(url.startsWith("http://") || url.startsWith("https://"))) {
      throw new IllegalArgumentException(
          "tb.fetch." + name + " must be an http(s) URL, not " + url);
    }
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  private static void positive(String name, Duration value) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException("tb.fetch." + name + " must be positive, not " + value);
    }
  }

  private static void positive(String name, double value) {
    if (!(value > 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(
          "tb.fetch." + name + " must be a positive number, not " + value);
    }
  }
}
