package com.tradingbacktest.app.marketdata;

import com.tradingbacktest.engine.series.MarketCalendar;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.UUID;

/**
 * A tradable instrument as the platform knows it.
 *
 * @param symbol the ticker: exchange ticker such as 005930.KS, AAPL, KRW-BTC, BTCUSDT
 * @param name a human name
 * @param market KRX, NASDAQ, NYSE, UPBIT, BINANCE or CUSTOM
 * @param assetClass stock, etf, index, crypto, fx or other
 * @param currency the quote currency (KRW, USD, USDT)
 * @param timeZone the market's zone: sessions, days and months are counted in it
 * @param tickSize the price step
 * @param lotSize the quantity step (1 for stocks, e.g. 0.00000001 for crypto)
 * @param source where its data came from (csv, upbit, binance, yahoo, ta4j-examples)
 * @param seriesKey the key its bars are stored under: the ticker for the shared series, else the
 *     owner's own key ({@link SeriesKeys})
 * @param ownerId the user whose own upload this is; null for the shared series
 */
public record SymbolInfo(
    String symbol,
    String name,
    String market,
    String assetClass,
    String currency,
    String timeZone,
    BigDecimal tickSize,
    BigDecimal lotSize,
    String source,
    String seriesKey,
    UUID ownerId) {

  /** Placeholder of the data lane's KRX board component (replaced at merge): unknown. */
  public String board() {
    return null;
  }

  /** Placeholder of the data lane's Korean name component (replaced at merge): unknown. */
  public String nameKo() {
    return null;
  }

  /** Whether this is someone's own upload or the shared series. */
  public Dataset dataset() {
    return ownerId == null ? Dataset.SHARED : Dataset.OWN;
  }

  public ZoneId zone() {
    return ZoneId.of(timeZone);
  }

  /** Crypto trades around the clock; everything else on weekdays. */
  public MarketCalendar calendar() {
    return market.equals("UPBIT") || market.equals("BINANCE") || assetClass.equals("crypto")
        ? MarketCalendar.CRYPTO
        : MarketCalendar.STOCK;
  }
}
