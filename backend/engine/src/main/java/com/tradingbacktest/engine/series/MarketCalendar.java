package com.tradingbacktest.engine.series;

import java.time.DayOfWeek;
import java.time.Duration;

/**
 * When a market trades, as far as annualisation needs it. Stocks trade on weekdays in a session of
 * {@code sessionLength} (holidays are simply absent from the data); crypto trades around the clock.
 */
public enum MarketCalendar {
  /** KRX 09:00-15:30 and NYSE/NASDAQ 09:30-16:00 are both 6.5 hours. */
  STOCK(252, Duration.ofMinutes(390)),
  CRYPTO(365, Duration.ofHours(24));

  private final int tradingDaysPerYear;
  private final Duration sessionLength;

  MarketCalendar(int tradingDaysPerYear, Duration sessionLength) {
    this.tradingDaysPerYear = tradingDaysPerYear;
    this.sessionLength = sessionLength;
  }

  public int tradingDaysPerYear() {
    return tradingDaysPerYear;
  }

  public Duration sessionLength() {
    return sessionLength;
  }

  public boolean tradesOn(DayOfWeek day) {
    return this == CRYPTO || (day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY);
  }

  /**
   * Bars of {@code interval} in one year of this market: 252 (stocks) or 365 (crypto) days for
   * daily bars, 52 for weekly, 12 for monthly, and for intraday bars the day count times the bars
   * in one session, counting the session's last partial bar (a 6.5-hour stock session has 7 hourly
   * bars, as resampling makes).
   */
  public double barsPerYear(Interval interval) {
    return switch (interval) {
      case MN1 -> 12.0;
      case W1 -> 52.0;
      case D1 -> tradingDaysPerYear;
      default ->
          tradingDaysPerYear
              * Math.ceil((double) sessionLength.toMinutes() / interval.duration().toMinutes());
    };
  }
}
