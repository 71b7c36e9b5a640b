package com.tradingbacktest.app.marketdata;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The small table shipped in {@code marketdata/known-symbols.csv}: the Korean names and KRX boards
 * of the symbols the platform knows (the sample KRX tickers and a few large caps and ETFs), and the
 * index series Yahoo serves (KOSPI, KOSDAQ, S&P 500 and its total-return variant) with their
 * market, currency and zone, which their tickers (^KS11) do not tell.
 */
final class KnownSymbols {

  /** One row of the table. */
  record Known(
      String ticker,
      String name,
      String nameKo,
      String market,
      String assetClass,
      String board,
      String currency,
      String timeZone) {

    /** How a new symbol of this ticker is described when nothing else says otherwise. */
    NewSymbol description() {
      return new NewSymbol(
          name,
          market,
          assetClass,
          currency,
          timeZone,
          "KRW".equals(currency) ? BigDecimal.ONE : new BigDecimal("0.01"),
          BigDecimal.ONE);
    }
  }

  private static final Map<String, Known> TABLE = load();

  private KnownSymbols() {}

  static Optional<Known> of(String ticker) {
    return Optional.ofNullable(ticker == null ? null : TABLE.get(ticker));
  }

  static Collection<Known> all() {
    return TABLE.values();
  }

  /** The symbol with the table's board and Korean name, when the table knows its ticker. */
  static SymbolInfo named(SymbolInfo s) {
    return of(s.symbol())
        .map(
            k ->
                s.withBoardAndName(
                    k.market().equals(s.market()) && k.board() != null ? k.board() : s.board(),
                    s.nameKo() != null ? s.nameKo() : k.nameKo()))
        .orElse(s);
  }

  private static Map<String, Known> load() {
    Map<String, Known> table = new LinkedHashMap<>();
    try (InputStream in = KnownSymbols.class.getResourceAsStream("/marketdata/known-symbols.csv");
        BufferedReader r =
            new BufferedReader(
                new InputStreamReader(
                    java.util.Objects.requireNonNull(in, "known-symbols.csv"),
                    StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split(",", -1);
        if (f.length != 8) {
          throw new IllegalStateException("known-symbols.csv: 8 fields expected in " + line);
        }
        table.put(
            f[0],
            new Known(f[0], f[1], f[2], f[3], f[4], f[5].isEmpty() ? null : f[5], f[6], f[7]));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Map.copyOf(table);
  }
}
