package com.tradingbacktest.app.marketdata.fetch;

import com.tradingbacktest.app.marketdata.fetch.FetchException.Kind;
import java.time.Instant;
import tools.jackson.databind.JsonNode;

/**
 * Reads and checks the values of one exchange's candles, so that a bad value is stopped at the door
 * with the exchange's own field name in the message, instead of turning up later as a strange
 * backtest. Prices must be finite and not negative, high not below low, volume finite and not
 * negative. Open and close are not held to [low, high]: sources round them apart by a tick now and
 * then.
 *
 * @param source whose candles these are
 * @param symbol the symbol fetched, for messages
 * @param open the wire name of the open price; likewise the others
 */
record CandleReader(
    DataSource source,
    String symbol,
    String open,
    String high,
    String low,
    String close,
    String volume) {

  /**
   * The checked bar of these wire values.
   *
   * @param time the bar's open time, epoch ms UTC
   */
  FetchedBar bar(
      long time,
      JsonNode openValue,
      JsonNode highValue,
      JsonNode lowValue,
      JsonNode closeValue,
      JsonNode volumeValue) {
    double openPrice = number(openValue, open, time);
    double highPrice = number(highValue, high, time);
    double lowPrice = number(lowValue, low, time);
    double closePrice = number(closeValue, close, time);
    double quantity = number(volumeValue, volume, time);
    notNegative(time, open, openPrice);
    notNegative(time, high, highPrice);
    notNegative(time, low, lowPrice);
    notNegative(time, close, closePrice);
    notNegative(time, volume, quantity);
    if (highPrice < lowPrice) {
      throw malformed(time, high + " (" + highPrice + ") is below " + low + " (" + lowPrice + ")");
    }
    return new FetchedBar(time, openPrice, highPrice, lowPrice, closePrice, quantity);
  }

  /**
   * A number from a JSON number, or from a string holding one (Binance sends prices as strings).
   */
  private double number(JsonNode value, String field, long time) {
    if (value != null && value.isNumber()) {
      double number = value.doubleValue();
      if (Double.isFinite(number)) {
        return number;
      }
    } else if (value != null && value.isString()) {
      try {
        double number = Double.parseDouble(value.stringValue().trim());
        if (Double.isFinite(number)) {
          return number;
        }
      } catch (NumberFormatException notANumber) {
        // falls through to the error below
      }
    }
    throw malformed(time, field + " is not a number (" + shown(value) + ")");
  }

  /** MALFORMED: "Upbit sent a malformed candle for KRW-BTC at 2024-01-01T00:00:00Z: ...". */
  FetchException malformed(Long time, String problem) {
    return new FetchException(
        Kind.MALFORMED,
        source.displayName()
            + " sent a malformed candle for "
            + symbol
            + (time == null ? "" : " at " + Instant.ofEpochMilli(time))
            + ": "
            + problem);
  }

  private void notNegative(long time, String field, double value) {
    if (value < 0) {
      throw malformed(time, field + " is negative (" + value + ")");
    }
  }

  private static String shown(JsonNode value) {
    if (value == null || value.isMissingNode()) {
      return "missing";
    }
    String text = value.toString();
    return text.length() > 40 ? text.substring(0, 40) + "..." : text;
  }
}
