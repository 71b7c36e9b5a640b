package com.tradingbacktest.app.backtest.run;

import com.tradingbacktest.app.backtest.RunSettings;
import java.util.List;

/**
 * What a portfolio run was resolved to, as {@code backtests.portfolio} stores it: enough to run it
 * (and run it again) without resolving any ticker anew, since each series is named by its key (the
 * caller's upload or the shared series, chosen when the run was accepted).
 *
 * @param symbols the universe, in the request's order
 * @param fx per foreign currency of the symbols, the series that converts it to the base currency
 * @param baseCurrency the account's currency
 * @param rebalance the schedule the request set (overriding the strategy's); null: the strategy's
 * @param timeZone the zone of calendar periods and of the run's dates
 */
public record PortfolioSetup(
    List<Member> symbols,
    List<FxSource> fx,
    String baseCurrency,
    String rebalance,
    String timeZone) {

  public PortfolioSetup {
    symbols = List.copyOf(symbols);
    fx = List.copyOf(fx);
  }

  /**
   * One symbol of the universe.
   *
   * @param symbol the ticker fills, trades and holdings carry
   * @param seriesKey the series it reads
   * @param market its market, whose costs apply to it
   * @param currency the currency of its prices
   * @param costs its costs: its market's preset with the request's explicit values over it
   * @param quantityStep its lot size
   * @param board its KRX board, whose tick table and price limits apply to it; null outside KRX
   *     (and in setups stored before boards)
   */
  public record Member(
      String symbol,
      String seriesKey,
      String market,
      String currency,
      RunSettings.Costs costs,
      double quantityStep,
      String board) {

    /**
     * The market rules this symbol trades by in a run with {@code prices} (its leg's {@code
     * PortfolioLeg} rules): its board's tick table and limits, none outside KRX or for a run stored
     * before them.
     */
    public com.tradingbacktest.engine.market.MarketRules marketRules(RunSettings.Prices prices) {
      return prices == null
          ? com.tradingbacktest.engine.market.MarketRules.none()
          : prices.marketRules(board);
    }
  }

  /**
   * A currency's conversion.
   *
   * @param currency the foreign currency
   * @param symbol the ticker of the series quoting one unit of it in the base currency
   * @param seriesKey that series' key
   */
  public record FxSource(String currency, String symbol, String seriesKey) {}

  /** The tickers of the universe, in order. */
  public List<String> tickers() {
    return symbols.stream().map(Member::symbol).toList();
  }
}
