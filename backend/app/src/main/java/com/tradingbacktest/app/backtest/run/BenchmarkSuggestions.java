package com.tradingbacktest.app.backtest.run;

import com.tradingbacktest.app.marketdata.MarketDataService;
import com.tradingbacktest.app.marketdata.SymbolInfo;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Which index a run is measured against by default: KOSPI (^KS11) for KRX symbols, KOSDAQ (^KQ11)
 * for those on the KOSDAQ board, the S&P 500 for US ones (its total-return variant ^SP500TR when
 * stored, since a run's equity holds its dividends, else the price index ^GSPC), none for crypto.
 */
@Service
class BenchmarkSuggestions {

  static final String KOSPI = "^KS11";
  static final String KOSDAQ = "^KQ11";
  static final String SP500 = "^GSPC";
  static final String SP500_TOTAL_RETURN = "^SP500TR";

  private final MarketDataService marketData;

  BenchmarkSuggestions(MarketDataService marketData) {
    this.marketData = marketData;
  }

  /** Every market's suggestion, and the one for {@code symbol} when given (null: none asked). */
  BenchmarkDefaults defaults(UUID userId, SymbolInfo symbol) {
    BenchmarkDefaults.Suggestion kospi = index(userId, "kospi", KOSPI, "KOSPI", false);
    BenchmarkDefaults.Suggestion kosdaq = index(userId, "kosdaq", KOSDAQ, "KOSDAQ", false);
    BenchmarkDefaults.Suggestion totalReturn =
        index(userId, "us", SP500_TOTAL_RETURN, "S&P 500 Total Return", true);
    BenchmarkDefaults.Suggestion us =
        totalReturn.stored() ? totalReturn : index(userId, "us", SP500, "S&P 500", false);
    BenchmarkDefaults.Suggestion crypto =
        new BenchmarkDefaults.Suggestion("crypto", null, null, false, false);
    BenchmarkDefaults.Suggestion suggested = null;
    if (symbol != null) {
      suggested =
          switch (marketOf(symbol)) {
            case "kosdaq" -> kosdaq;
            case "kospi" -> kospi;
            case "us" -> us;
            default -> crypto;
          };
    }
    return new BenchmarkDefaults(List.of(kospi, kosdaq, us, crypto), suggested);
  }

  /**
   * The market whose index suits {@code symbol}: kosdaq for the KOSDAQ board, kospi for the rest of
   * KRX (KOSPI, KONEX, ETFs, unknown board), us for NASDAQ and NYSE, else crypto (no index).
   */
  static String marketOf(SymbolInfo symbol) {
    return switch (symbol.market()) {
      case "KRX" -> "kosdaq".equals(symbol.board()) ? "kosdaq" : "kospi";
      case "NASDAQ", "NYSE" -> "us";
      default -> "crypto";
    };
  }

  private BenchmarkDefaults.Suggestion index(
      UUID userId, String market, String ticker, String name, boolean totalReturn) {
    boolean stored = marketData.symbol(userId, ticker, null).isPresent();
    return new BenchmarkDefaults.Suggestion(market, ticker, name, totalReturn, stored);
  }
}
