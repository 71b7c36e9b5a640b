package com.tradingbacktest.app.marketdata.fetch;

/**
 * What an exchange's answer says about the instrument itself, in the platform's vocabulary; any
 * part the answer did not give (or gave in a form the platform cannot use) is null.
 *
 * @param name the instrument's name (Apple Inc., SPDR S&P 500 ETF Trust)
 * @param market KRX, NASDAQ, NYSE or CUSTOM (any other exchange)
 * @param assetClass stock, etf, index, crypto, fx or other
 * @param currency the quote currency as an ISO-style code (USD, KRW, JPY; GBX for London's pence)
 * @param timeZone the exchange's zone id (America/New_York, Asia/Seoul)
 */
public record Listing(
    String name, String market, String assetClass, String currency, String timeZone) {

  /** The same, silent on the market (for a symbol whose market someone named). */
  public Listing withoutMarket() {
    return new Listing(name, null, assetClass, currency, timeZone);
  }
}
