package com.tradingbacktest.app.backtest.run;

import com.tradingbacktest.app.backtest.AccountPresets;
import com.tradingbacktest.app.backtest.RunSettings;
import com.tradingbacktest.app.marketdata.FundingService;
import com.tradingbacktest.app.marketdata.SymbolInfo;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Resolves a request's account fields (leverage, maintenance margin, borrowing, funding,
 * pyramiding, the end-of-data price) against the preset of its symbols' asset class ({@link
 * AccountPresets}): omitted fields take the preset's defaults, and nothing may go beyond what the
 * preset allows. A portfolio takes the strictest of its members' presets.
 */
@Component
public class AccountResolver {

  /** The largest fixed funding rate per interval: far above any exchange's cap. */
  static final double MAX_FUNDING_RATE = 0.05;

  /** The longest fixed funding interval, in hours: a week. */
  static final int MAX_FUNDING_HOURS = 168;

  private final AccountPresets presets;
  private final FundingService funding;

  AccountResolver(AccountPresets presets, FundingService funding) {
    this.presets = presets;
    this.funding = funding;
  }

  /**
   * The preset a symbol's runs take their account from: a perpetual (a symbol with funding) trades
   * in {@code crypto-futures}; KRX in {@code krx}; NASDAQ and NYSE in {@code us}; other crypto in
   * {@code crypto-spot}; anything else in {@code other}.
   */
  public String presetOf(SymbolInfo symbol) {
    return presetOf(symbol, funding.perpetual(symbol.seriesKey()));
  }

  private static String presetOf(SymbolInfo symbol, boolean perpetual) {
    if (perpetual) {
      return "crypto-futures";
    }
    return switch (symbol.market()) {
      case "KRX" -> "krx";
      case "NASDAQ", "NYSE" -> "us";
      case "UPBIT", "BINANCE" -> "crypto-spot";
      default -> "crypto".equals(symbol.assetClass()) ? "crypto-spot" : "other";
    };
  }

  /** The preset named {@code name}. */
  public AccountPresets.Preset preset(String name) {
    return presets.get(name);
  }

  /**
   * Whether a symbol has stored funding rates (so {@code funding=series} has something to charge).
   */
  public boolean hasFunding(SymbolInfo symbol) {
    return funding.hasRates(symbol.seriesKey());
  }

  /**
   * The account of a run over {@code members} (one for a single-symbol run) with {@code capital}
   * (in the run's currency); problems go into {@code errors} under the request's field names.
   */
  RunSettings.Account resolve(
      List<SymbolInfo> members,
      BacktestRequest.AccountFields given,
      OptionalInt strategyPyramiding,
      double capital,
      Map<String, String> errors) {
    // Two queries whatever the number of members (a portfolio has up to 500).
    List<String> keys = members.stream().map(SymbolInfo::seriesKey).toList();
    Set<String> perpetuals = funding.perpetuals(keys);
    Set<String> withRates = funding.withRates(keys);
    // The strictest preset of the members: the one allowing the least leverage.
    String name = null;
    for (SymbolInfo s : members) {
      String candidate = presetOf(s, perpetuals.contains(s.seriesKey()));
      if (name == null || presets.get(candidate).maxLeverage() < presets.get(name).maxLeverage()) {
        name = candidate;
      }
    }
    AccountPresets.Preset preset = presets.get(name);
    boolean perpetual = !perpetuals.isEmpty();

    double leverage = given.leverage() == null ? 1 : given.leverage();
    double positionValue = capital * leverage;
    AccountPresets.Tier tier = preset.tier(positionValue);
    double maxLeverage = preset.maxLeverageAt(positionValue);
    if (!Double.isFinite(leverage) || leverage < 1) {
      errors.put("leverage", "must be at least 1 (1 = no borrowing)");
    } else if (leverage > maxLeverage) {
      errors.put(
          "leverage",
          "must be at most "
              + number(maxLeverage)
              + " for the "
              + name
              + " account"
              + (preset.tiers().isEmpty()
                  ? ""
                  : " at a position of " + number(positionValue) + " (capital x leverage)"));
    }

    double maintenance =
        given.maintenanceMargin() != null
            ? given.maintenanceMargin()
            : leverage > 1 || perpetual ? tier.maintenanceMargin() : 0;
    if (!Double.isFinite(maintenance) || maintenance < 0 || maintenance >= 1) {
      errors.put("maintenance_margin", "must be a fraction in [0, 1) (0.25 = 25%)");
    } else if (maintenance > 0 && leverage >= 1 && maintenance >= 1 / leverage) {
      errors.put(
          "maintenance_margin",
          "must be below the initial margin 1/leverage ("
              + number(1 / leverage)
              + "), else every entry is liquidated at once");
    }
    double borrowRate = fraction("borrow_rate", given.borrowRate(), preset.borrowRate(), errors);
    double shortFee =
        fraction("short_borrow_fee", given.shortBorrowFee(), preset.shortBorrowFee(), errors);

    boolean hasSeries = !withRates.isEmpty();
    String mode =
        given.funding() != null
            ? given.funding()
            : hasSeries ? "series" : perpetual && preset.fundingRate() != 0 ? "fixed" : "none";
    double fundingRate = 0;
    int fundingHours = hours(preset.fundingInterval());
    switch (mode) {
      case "series" -> {
        if (!hasSeries) {
          errors.put(
              "funding",
              "no funding rates are stored for "
                  + (members.size() == 1 ? members.get(0).symbol() : "any of the symbols")
                  + "; import or fetch them (POST /api/v1/data/funding/...), or use fixed");
        }
      }
      case "fixed" -> {
        fundingRate = given.fundingRate() == null ? preset.fundingRate() : given.fundingRate();
        if (!Double.isFinite(fundingRate) || Math.abs(fundingRate) > MAX_FUNDING_RATE) {
          errors.put("funding_rate", "must be between -0.05 and 0.05 per interval");
        }
        if (given.fundingInterval() != null) {
          fundingHours =
              Integer.parseInt(
                  given.fundingInterval().substring(0, given.fundingInterval().length() - 1));
        }
        if (fundingHours < 1 || fundingHours > MAX_FUNDING_HOURS) {
          errors.put("funding_interval", "must be between 1h and 168h");
        }
      }
      default -> {
        if (given.fundingRate() != null) {
          errors.put("funding_rate", "applies to funding=fixed only");
        }
      }
    }

    // The request's pyramiding wins over the strategy's own setting, which wins over 1.
    int pyramiding = given.pyramiding() != null ? given.pyramiding() : strategyPyramiding.orElse(1);
    if (pyramiding < 1 || pyramiding > preset.maxPyramiding()) {
      errors.put(
          "pyramiding",
          "must be between 1 and "
              + preset.maxPyramiding()
              + " for the "
              + name
              + " account"
              + (given.pyramiding() == null ? " (the strategy's pyramiding setting)" : ""));
    }
    String endPrice = given.closeAtEndPrice() == null ? "close" : given.closeAtEndPrice();
    return new RunSettings.Account(
        name,
        leverage,
        maintenance,
        borrowRate,
        shortFee,
        mode,
        fundingRate,
        fundingHours,
        pyramiding,
        endPrice);
  }

  /** The hours of a preset's fixed funding interval. */
  static int hours(Duration interval) {
    return (int) Math.max(1, interval.toHours());
  }

  private static double fraction(
      String field, Double given, double fallback, Map<String, String> errors) {
    double value = given == null ? fallback : given;
    if (!Double.isFinite(value) || value < 0 || value >= 1) {
      errors.put(field, "must be an annual fraction in [0, 1) (0.05 = 5% a year)");
    }
    return value;
  }

  /** A limit as a message shows it: 2, not 2.0; 0.5, not 0.50000001. */
  private static String number(double value) {
    return value == Math.rint(value) && Math.abs(value) < 1e15
        ? String.valueOf((long) value)
        : String.valueOf(Math.round(value * 1e4) / 1e4);
  }
}
