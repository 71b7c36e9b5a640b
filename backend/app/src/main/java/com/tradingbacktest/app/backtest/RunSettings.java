package com.tradingbacktest.app.backtest;

import com.tradingbacktest.engine.market.Board;
import com.tradingbacktest.engine.market.MarketRules;
import com.tradingbacktest.engine.prices.PriceBasis;
import com.tradingbacktest.engine.sim.BacktestConfig;
import com.tradingbacktest.engine.sim.CostModel;
import com.tradingbacktest.engine.sim.EndPrice;
import com.tradingbacktest.engine.sim.FillMode;
import com.tradingbacktest.engine.sim.Funding;
import com.tradingbacktest.engine.sim.Margin;
import com.tradingbacktest.engine.sim.SellFeeSchedule;
import com.tradingbacktest.engine.sim.SizingModel;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Duration;

/**
 * The engine settings a run used, every default resolved: what {@code backtests.settings} stores
 * and the API shows, so a result can always be explained and repeated.
 *
 * @param fill next_open or close
 * @param costs the cost model in force
 * @param sizing how entries were sized
 * @param quantityStep the smallest tradable quantity (the symbol's lot size)
 * @param allowShort whether short entries opened short positions
 * @param closeAtEnd whether an open position was closed at the last bar
 * @param riskFreeRate annual risk-free rate of Sharpe and Sortino
 * @param currency the symbol's currency: money in the result is in it
 * @param timeZone the symbol's zone: dates, months and years of the result are counted in it
 * @param account margin, borrowing, funding, pyramiding and the end-of-data price (issue 18); null
 *     in runs stored before, which ran in a plain cash account and re-run the same
 * @param prices the price adjustment, dividends and KRX price limits (issue 19); null in runs
 *     stored before that V18 did not reach, which read their bars as stored and re-run the same
 */
public record RunSettings(
    String fill,
    Costs costs,
    Sizing sizing,
    double quantityStep,
    boolean allowShort,
    boolean closeAtEnd,
    double riskFreeRate,
    String currency,
    String timeZone,
    @Schema(
            nullable = true,
            description = "The account; null for runs stored before accounts (a cash account)")
        Account account,
    @Schema(
            nullable = true,
            description =
                "The prices the run read; null only for runs stored before price adjustments"
                    + " (their bars as stored)")
        Prices prices) {

  /** These settings in another currency and zone (a portfolio's base currency and calendar). */
  public RunSettings inCurrency(String currency, String timeZone) {
    return new RunSettings(
        fill,
        costs,
        sizing,
        quantityStep,
        allowShort,
        closeAtEnd,
        riskFreeRate,
        currency,
        timeZone,
        account,
        prices);
  }

  /** The prices in force: the bars as stored, in the raw basis, for runs stored before them. */
  public Prices pricesOrAsStored() {
    return prices == null ? Prices.asStored(PriceBasis.RAW) : prices;
  }

  /**
   * Which prices a run reads and what the market's rules hold back (docs/ENGINE.md, "Prices a run
   * reads").
   *
   * @param priceAdjustment raw, split_adjusted or total_return: the basis of the prices the
   *     strategy and the fills see
   * @param dividends cash (each dividend paid into the account on its ex-date for a held position,
   *     a short pays it) or none
   * @param priceLimits whether KRX daily price limits hold orders back (a bar locked at the upper
   *     limit does not fill a buy, at the lower a sell); false outside KRX
   * @param priceBasis the basis the run's series is stored in (raw or split_adjusted) when it was
   *     resolved
   * @param board the KRX board (kospi, kosdaq, konex, etf) whose tick table and limits apply; null
   *     outside KRX
   * @param asStored true for runs stored before price adjustments: their bars exactly as stored, no
   *     corporate actions, no market rules, so they re-run as they ran
   * @param note why a requested setting was not applied (price_limits on a symbol outside KRX);
   *     null when everything was
   */
  @Schema(name = "RunPrices")
  public record Prices(
      @Schema(allowableValues = {"raw", "split_adjusted", "total_return"}) String priceAdjustment,
      @Schema(allowableValues = {"cash", "none"}) String dividends,
      boolean priceLimits,
      @Schema(allowableValues = {"raw", "split_adjusted"}) String priceBasis,
      @Schema(
              nullable = true,
              allowableValues = {"kospi", "kosdaq", "konex", "etf"})
          String board,
      boolean asStored,
      @Schema(nullable = true) String note) {

    /** How a run stored before price adjustments read its bars: as stored, in {@code basis}. */
    public static Prices asStored(PriceBasis basis) {
      return new Prices(basis.code(), "none", false, basis.code(), null, true, null);
    }

    /** The basis the engine's prices are in. */
    public PriceBasis adjustment() {
      return PriceBasis.parse(priceAdjustment);
    }

    public boolean dividendsAsCash() {
      return "cash".equals(dividends);
    }

    /**
     * The prices a benchmark is read in: the run's, except that with dividends paid as cash it is
     * measured on its total-return prices, so the dividends count on both sides (its curve is its
     * closes rebased, which would leave them out).
     */
    public Prices forBenchmark() {
      if (asStored || !dividendsAsCash()) {
        return this;
      }
      return new Prices(
          PriceBasis.TOTAL_RETURN.code(), "none", priceLimits, priceBasis, board, false, note);
    }

    /** The market rules of a symbol on {@code board} (null: none) under these settings. */
    public MarketRules marketRules(String board) {
      if (asStored || board == null) {
        return MarketRules.none();
      }
      return MarketRules.krx(Board.valueOf(board.toUpperCase(java.util.Locale.ROOT)))
          .withPriceLimits(priceLimits);
    }
  }

  /** The account in force: {@link Account#CASH} for runs stored before accounts existed. */
  public Account accountOrCash() {
    return account == null ? Account.CASH : account;
  }

  /**
   * The account a run trades in, every default of its preset resolved.
   *
   * @param preset the asset class preset the defaults and limits came from (krx, us, crypto-spot,
   *     crypto-futures, other), or {@code cash} for runs stored before
   * @param leverage the most gross position value per unit of equity at entry; 1: no borrowing
   * @param maintenanceMargin the fraction of gross position value equity must stay above, else the
   *     positions are liquidated; 0: only the default rule (equity at zero closes everything)
   * @param borrowRate annual interest on borrowed (negative) cash
   * @param shortBorrowFee annual fee on the value of short positions, accrued per calendar day
   * @param funding none, series (the symbol's stored funding rates) or fixed
   * @param fundingRate the fixed rate per interval when {@code funding} is fixed, else 0
   * @param fundingInterval hours between fixed funding charges
   * @param pyramiding the most entries in one direction
   * @param closeAtEndPrice open or close: the last bar's price an open position is closed at
   */
  @Schema(name = "RunAccount")
  public record Account(
      String preset,
      double leverage,
      double maintenanceMargin,
      double borrowRate,
      double shortBorrowFee,
      String funding,
      double fundingRate,
      int fundingInterval,
      int pyramiding,
      String closeAtEndPrice) {

    /** The account every run had before issue 18: cash, no fees, one entry, closed at the close. */
    public static final Account CASH = new Account("cash", 1, 0, 0, 0, "none", 0, 8, 1, "close");

    /**
     * The engine's margin terms. Interest is charged only where the run can borrow (leverage above
     * 1): at 1x cash never goes negative, and a zero rate keeps such runs on the engine's fast
     * path.
     */
    public Margin toMargin() {
      return new Margin(leverage, maintenanceMargin, leverage > 1 ? borrowRate : 0, shortBorrowFee);
    }

    /** The engine's funding: fixed, the stored series, or none. */
    public Funding toFunding(Funding storedFunding) {
      return switch (funding) {
        case "fixed" ->
            fundingRate == 0
                ? Funding.none()
                : Funding.fixed(fundingRate, Duration.ofHours(fundingInterval));
        case "series" -> storedFunding;
        default -> Funding.none();
      };
    }

    public EndPrice endPrice() {
      return "open".equals(closeAtEndPrice) ? EndPrice.OPEN : EndPrice.CLOSE;
    }
  }

  /**
   * The cost model in force. The per-share fee and the dated sell fees came with issue 21: runs
   * stored before carry neither (0, null) and price every fill as they did.
   *
   * @param perShareFee cash per unit filled, added to the commission (null or 0 for none)
   * @param perShareFeeCap the most the per-share fee of one fill costs, in cash; null for no cap
   * @param perShareFeeSides sell (sells only) or both; null reads as sell
   * @param sellFees the regulatory fees on sells by date (the US preset's SEC and FINRA fees); null
   *     for none
   */
  @Schema(name = "RunCosts")
  public record Costs(
      String preset,
      double commissionRate,
      double commissionFixed,
      double commissionMinimum,
      double sellTaxRate,
      double slippageRate,
      double slippageTicks,
      double tickSize,
      @Schema(
              nullable = true,
              description = "Cash per unit filled, added to the commission; null or 0 for none")
          Double perShareFee,
      @Schema(nullable = true, description = "Most per-share fee of one fill, in cash; null: none")
          Double perShareFeeCap,
      @Schema(
              nullable = true,
              allowableValues = {"sell", "both"},
              description = "Which fills pay the per-share fee; null reads as sell")
          String perShareFeeSides,
      @Schema(nullable = true, description = "Regulatory fees on sells by date; null for none")
          SellFees sellFees) {

    public CostModel toModel() {
      return new CostModel(
          commissionRate,
          commissionFixed,
          commissionMinimum,
          sellTaxRate,
          slippageRate,
          slippageTicks,
          tickSize,
          perShareFee == null ? 0 : perShareFee,
          perShareFeeCap == null ? Double.POSITIVE_INFINITY : perShareFeeCap,
          "both".equals(perShareFeeSides),
          sellFees == null ? SellFeeSchedule.none() : sellFees.toSchedule());
    }

    public static Costs of(String preset, CostModel m) {
      return new Costs(
          preset,
          m.commissionRate(),
          m.commissionFixed(),
          m.commissionMinimum(),
          m.sellTaxRate(),
          m.slippageRate(),
          m.slippageTicks(),
          m.tickSize(),
          m.perShareFee(),
          Double.isInfinite(m.perShareFeeCap()) ? null : m.perShareFeeCap(),
          m.perShareFee() > 0 ? (m.perShareFeeOnBuys() ? "both" : "sell") : null,
          SellFees.of(m.sellFees()));
    }
  }

  /**
   * Fees on sells by date, as stored with the run so that a later change to the table never changes
   * a stored run.
   *
   * @param timeZone the zone the dates are read in
   * @param rows the periods, oldest first
   */
  @Schema(name = "RunSellFees")
  public record SellFees(String timeZone, java.util.List<SellFeeRow> rows) {

    /** The stored form of a schedule; null for none. */
    public static SellFees of(SellFeeSchedule schedule) {
      if (schedule.isEmpty()) {
        return null;
      }
      return new SellFees(
          schedule.zone().getId(),
          schedule.rows().stream()
              .map(
                  r ->
                      new SellFeeRow(
                          r.from(),
                          r.valueRate(),
                          r.perShare(),
                          Double.isInfinite(r.perShareCap()) ? null : r.perShareCap()))
              .toList());
    }

    SellFeeSchedule toSchedule() {
      return SellFeeSchedule.of(
          java.time.ZoneId.of(timeZone),
          rows.stream()
              .map(
                  r ->
                      new SellFeeSchedule.Row(
                          r.from(),
                          r.valueRate(),
                          r.perShare(),
                          r.perShareCap() == null ? Double.POSITIVE_INFINITY : r.perShareCap()))
              .toList());
    }
  }

  /**
   * One period of sell fees.
   *
   * @param from the first date it applies to
   * @param valueRate fraction of the sale value (SEC Section 31: dollars per million / 1e6)
   * @param perShare cash per unit sold (FINRA TAF)
   * @param perShareCap the most the per-share part of one sell costs; null for no cap
   */
  @Schema(name = "RunSellFeeRow")
  public record SellFeeRow(
      java.time.LocalDate from,
      double valueRate,
      double perShare,
      @Schema(nullable = true) Double perShareCap) {}

  @Schema(name = "RunSizing")
  public record Sizing(String type, double value) {

    public SizingModel toModel() {
      return switch (type) {
        case "fraction_of_equity" -> new SizingModel.FractionOfEquity(value);
        case "fixed_quantity" -> new SizingModel.FixedQuantity(value);
        case "fixed_cash" -> new SizingModel.FixedCash(value);
        default -> throw new IllegalStateException("unknown sizing " + type);
      };
    }
  }

  /** The engine's configuration without stored funding rates (fixed funding still applies). */
  public BacktestConfig toConfig(double initialCapital) {
    return toConfig(initialCapital, Funding.none());
  }

  /**
   * The engine's configuration.
   *
   * @param storedFunding the symbol's stored funding rates over the run, charged when the account's
   *     funding is {@code series}
   */
  public BacktestConfig toConfig(double initialCapital, Funding storedFunding) {
    Account account = accountOrCash();
    return BacktestConfig.builder()
        .margin(account.toMargin())
        .funding(account.toFunding(storedFunding))
        .closeAtEndPrice(account.endPrice())
        .pyramiding(account.pyramiding())
        .initialCapital(initialCapital)
        .fillMode("close".equals(fill) ? FillMode.CLOSE : FillMode.NEXT_OPEN)
        .costs(costs.toModel())
        .sizing(sizing.toModel())
        .quantityStep(quantityStep)
        .allowShort(allowShort)
        .closeAtEnd(closeAtEnd)
        .riskFreeRate(riskFreeRate)
        .marketRules(pricesOrAsStored().marketRules(pricesOrAsStored().board()))
        .build();
  }
}
