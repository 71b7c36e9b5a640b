package com.tradingbacktest.app.backtest.run;

import com.tradingbacktest.app.backtest.RunSettings;
import com.tradingbacktest.engine.prices.PriceBasis;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Resolves a request's {@code price_adjustment}, {@code dividends} and {@code price_limits}
 * (docs/API.md, "Prices a run reads"): split-adjusted prices with dividends paid as cash unless the
 * request says otherwise, KRX price limits on for KRX symbols unless the request turns them off.
 */
final class PriceSettings {

  static final String DEFAULT_ADJUSTMENT = PriceBasis.SPLIT_ADJUSTED.code();

  /** The note of a run that asked for price limits where no market has them. */
  static final String LIMITS_IGNORED =
      "price_limits applies to KRX symbols only; this run has none, so it was ignored";

  private PriceSettings() {}

  /**
   * @param boards the KRX board of each symbol of the run (null for a symbol outside KRX), the
   *     run's own symbol first
   * @param storedBasis the basis the run's symbol's bars are stored in
   * @param errors where a problem is recorded, under its field
   */
  static RunSettings.Prices resolve(
      BacktestRequest.PriceFields given,
      List<String> boards,
      PriceBasis storedBasis,
      Map<String, String> errors) {
    String adjustment =
        given.priceAdjustment() == null ? DEFAULT_ADJUSTMENT : given.priceAdjustment();
    boolean totalReturn = PriceBasis.TOTAL_RETURN.code().equals(adjustment);
    String dividends = given.dividends();
    if (dividends == null) {
      dividends = totalReturn ? "none" : "cash";
    } else if (totalReturn && "cash".equals(dividends)) {
      errors.put(
          "dividends",
          "must be none (or left out) with price_adjustment total_return: total-return prices"
              + " already hold the dividends, paying them as cash too would count them twice");
    }
    boolean anyKrx = boards.stream().anyMatch(Objects::nonNull);
    boolean limits = anyKrx && !Boolean.FALSE.equals(given.priceLimits());
    String note = !anyKrx && Boolean.TRUE.equals(given.priceLimits()) ? LIMITS_IGNORED : null;
    return new RunSettings.Prices(
        adjustment,
        dividends,
        limits,
        storedBasis.code(),
        boards.isEmpty() ? null : boards.get(0),
        false,
        note);
  }
}
