package com.tradingbacktest.engine.market;

import java.util.Locale;

/** Placeholder of the krx lane's KRX boards (replaced at merge). */
public enum Board {
  KOSPI,
  KOSDAQ,
  KONEX,
  ETF;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Board parse(String code) {
    return valueOf(code.trim().toUpperCase(Locale.ROOT));
  }
}
