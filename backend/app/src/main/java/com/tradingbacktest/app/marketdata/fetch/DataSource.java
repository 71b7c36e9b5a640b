package com.tradingbacktest.app.marketdata.fetch;

/** Where candles come from. */
public enum DataSource {
  UPBIT("upbit", "Upbit"),
  BINANCE("binance", "Binance"),
  YAHOO("yahoo", "Yahoo Finance");

  private final String code;
  private final String displayName;

  DataSource(String code, String displayName) {
    this.code = code;
    this.displayName = displayName;
  }

  /** The lower-case code stored as a symbol's {@code source}: upbit, binance, yahoo. */
  public String code() {
    return code;
  }

  /** The name used in messages to the user. */
  public String displayName() {
    return displayName;
  }
}
