package com.tradingbacktest.app.backtest.run;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One execution of a run (a row of {@code backtest_trades}).
 *
 * @param timestamp open time of the bar during which it executed
 * @param type buy or sell
 * @param price execution price after slippage
 * @param quantity units, positive
 * @param commission broker commission in the symbol's currency
 * @param tax transaction tax (sells only, e.g. KRX)
 * @param barIndex the bar's position in the run (in a portfolio run: in its symbol's own bars),
 *     from 0
 * @param symbol the symbol traded (a single-symbol run's fills carry the run's symbol)
 * @param note why its order waited, when it did: {@code halted} (a trading halt) or {@code
 *     limit_locked} (a KRX day locked at the daily price limit); null otherwise
 */
@Schema(name = "Fill")
record FillView(
    long id,
    Instant timestamp,
    String type,
    BigDecimal price,
    BigDecimal quantity,
    BigDecimal commission,
    BigDecimal tax,
    Integer barIndex,
    String symbol,
    @Schema(
            nullable = true,
            allowableValues = {"limit_locked", "halted"})
        String note) {

  /** This fill of the run's one symbol, for rows stored without it. */
  FillView withSymbol(String runSymbol) {
    return symbol != null
        ? this
        : new FillView(
            id, timestamp, type, price, quantity, commission, tax, barIndex, runSymbol, note);
  }
}
