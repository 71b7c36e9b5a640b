package com.tradingbacktest.app.universe;

import com.tradingbacktest.app.common.error.FieldValidationException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The tickers of a universe as stored: each trimmed and checked against the syntax every ticker of
 * the platform has (that of an upload or a fetch), repeats dropped keeping the first occurrence,
 * the order otherwise as given. Case is kept: tickers are case-sensitive ({@code aapl} is not
 * {@code AAPL}), and a ticker with no data shows up in the universe's {@code missing_symbols}.
 */
final class UniverseSymbols {

  static final int MAX_SYMBOLS = 500;

  /** As {@code marketdata.ImportService.SYMBOL}: the tickers a series can be stored under. */
  static final Pattern TICKER = Pattern.compile("(?=.{1,40}$)\\^?[A-Za-z0-9][A-Za-z0-9._^=/-]*");

  /** How many bad entries a message quotes; the count covers the rest. */
  private static final int QUOTED = 10;

  private UniverseSymbols() {}

  /**
   * @param symbols 1-{@value #MAX_SYMBOLS} entries (the request's Bean Validation checks the count)
   * @throws FieldValidationException on field {@code symbols} quoting the entries that are not
   *     tickers
   */
  static List<String> normalise(List<String> symbols) {
    Set<String> kept = new LinkedHashSet<>();
    List<String> bad = new ArrayList<>();
    int badCount = 0;
    for (String symbol : symbols) {
      String ticker = symbol == null ? "" : symbol.strip();
      if (TICKER.matcher(ticker).matches()) {
        kept.add(ticker);
      } else {
        badCount++;
        if (bad.size() < QUOTED) {
          bad.add(quote(ticker));
        }
      }
    }
    if (badCount > 0) {
      throw new FieldValidationException(
          "symbols",
          "each must be 1-40 letters, digits or . _ ^ = / - (e.g. AAPL, 005930.KS, KRW-BTC); not: "
              + String.join(", ", bad)
              + (badCount > bad.size() ? " and " + (badCount - bad.size()) + " more" : ""));
    }
    return List.copyOf(kept);
  }

  /** Short enough to quote, without control characters to break a message. */
  private static String quote(String text) {
    String shown = text.length() > 44 ? text.substring(0, 40) + "..." : text;
    return "\"" + shown.replaceAll("\\p{Cntrl}", "\uFFFD") + "\"";
  }
}
