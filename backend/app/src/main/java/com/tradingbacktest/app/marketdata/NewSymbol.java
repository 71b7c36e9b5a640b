package com.tradingbacktest.app.marketdata;

import com.tradingbacktest.app.common.error.FieldValidationException;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * What an importer says about a symbol the platform does not know yet; omitted fields take
 * defaults. {@link #resolve} checks every field against what the symbols table holds, so a bad
 * value is a field error before anything is written rather than a failed insert.
 */
record NewSymbol(
    String name,
    String market,
    String assetClass,
    String currency,
    String timeZone,
    BigDecimal tickSize,
    BigDecimal lotSize) {

  static final int MAX_NAME = 200;
  static final int MAX_ZONE = 64;

  /**
   * The range of a tick or lot size. The table keeps 12 decimals (a finer step would be stored as
   * 0); a step above a billion is a typing error, not an instrument.
   */
  static final BigDecimal MIN_STEP = new BigDecimal("1e-12");

  static final BigDecimal MAX_STEP = new BigDecimal("1e9");

  private static final Pattern CURRENCY = Pattern.compile("[A-Z][A-Z0-9]{1,9}");

  /** The same description in {@code market} when one is named (null: unchanged). */
  NewSymbol withMarket(String market) {
    return market == null
        ? this
        : new NewSymbol(name, market, assetClass, currency, timeZone, tickSize, lotSize);
  }

  /** The shared symbol as it would be created, or every invalid field at once. */
  SymbolInfo resolve(String symbol, String source) {
    return resolve(symbol, source, symbol, null);
  }

  /**
   * The symbol as it would be created under {@code seriesKey}, owned by {@code ownerId} (null for
   * the shared series), or every invalid field at once.
   */
  SymbolInfo resolve(String symbol, String source, String seriesKey, UUID ownerId) {
    Map<String, String> errors = new LinkedHashMap<>();
    String resolvedName = name == null || name.isBlank() ? symbol : name.strip();
    if (resolvedName.codePointCount(0, resolvedName.length()) > MAX_NAME) {
      errors.put("name", "must be at most " + MAX_NAME + " characters");
    } else if (Printable.hasControlCharacters(resolvedName)) {
      errors.put("name", "may not contain control characters");
    }
    String resolvedMarket = market == null ? "CUSTOM" : market.strip().toUpperCase(Locale.ROOT);
    if (!RequestValues.MARKETS.contains(resolvedMarket)) {
      errors.put("market", "must be one of " + String.join(", ", RequestValues.MARKETS));
    }
    String resolvedClass =
        assetClass == null ? "stock" : assetClass.strip().toLowerCase(Locale.ROOT);
    if (!RequestValues.ASSET_CLASSES.contains(resolvedClass)) {
      errors.put("asset_class", "must be one of " + String.join(", ", RequestValues.ASSET_CLASSES));
    }
    String resolvedCurrency = currency == null ? "USD" : currency.strip().toUpperCase(Locale.ROOT);
    if (!CURRENCY.matcher(resolvedCurrency).matches()) {
      errors.put(
          "currency", "must be 2-10 letters or digits starting with a letter (USD, KRW, USDT)");
    }
    String zone = timeZone == null ? "UTC" : timeZone.strip();
    if (!knownZone(zone)) {
      errors.put("time_zone", "is not a known time zone (e.g. Asia/Seoul, America/New_York)");
    }
    BigDecimal tick = step(tickSize, "0.01", "tick_size", errors);
    BigDecimal lot = step(lotSize, "1", "lot_size", errors);
    if (!errors.isEmpty()) {
      throw new FieldValidationException(errors);
    }
    return KnownSymbols.named(
        new SymbolInfo(
            symbol,
            resolvedName,
            resolvedMarket,
            resolvedClass,
            resolvedCurrency,
            zone,
            tick,
            lot,
            source,
            seriesKey,
            ownerId,
            boardOf(symbol, resolvedMarket, resolvedClass),
            null));
  }

  /**
   * The KRX board a new symbol is most likely on, from its ticker and kind (Yahoo's .KQ suffix is
   * KOSDAQ, every other KRX stock KOSPI until someone says otherwise); null outside KRX.
   */
  static String boardOf(String ticker, String market, String assetClass) {
    if (!"KRX".equals(market)) {
      return null;
    }
    if ("etf".equals(assetClass)) {
      return "etf";
    }
    if (!"stock".equals(assetClass)) {
      return null;
    }
    return ticker.toUpperCase(Locale.ROOT).endsWith(".KQ") ? "kosdaq" : "kospi";
  }

  private static boolean knownZone(String zone) {
    if (zone.isEmpty() || zone.length() > MAX_ZONE || Printable.hasControlCharacters(zone)) {
      return false;
    }
    try {
      ZoneId.of(zone);
      return true;
    } catch (DateTimeException e) {
      return false;
    }
  }

  private static BigDecimal step(
      BigDecimal value, String fallback, String field, Map<String, String> errors) {
    BigDecimal v = value == null ? new BigDecimal(fallback) : value.stripTrailingZeros();
    if (v.compareTo(MIN_STEP) < 0 || v.compareTo(MAX_STEP) > 0) {
      errors.put(field, "must be between 0.000000000001 and 1000000000");
    } else if (v.scale() > 12) {
      errors.put(field, "must have at most 12 decimals");
    }
    return v;
  }
}
