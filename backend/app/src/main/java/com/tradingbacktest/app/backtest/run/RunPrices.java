package com.tradingbacktest.app.backtest.run;

import com.tradingbacktest.app.backtest.RunSettings;
import com.tradingbacktest.app.marketdata.BarsFingerprint;
import com.tradingbacktest.app.marketdata.CorporateActionsService;
import com.tradingbacktest.engine.prices.CorporateAction;
import com.tradingbacktest.engine.prices.CorporateActions;
import com.tradingbacktest.engine.prices.PriceAdjuster;
import com.tradingbacktest.engine.prices.PriceBasis;
import com.tradingbacktest.engine.series.BarSeries;
import com.tradingbacktest.engine.series.Interval;
import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Component;

/**
 * The prices a run reads: a series' stored bars adjusted at read time to the run's price adjustment
 * ({@link PriceAdjuster}), with its dividends as cash and its halts as events, and the text of what
 * besides the bars decided those prices, which the run's data fingerprint covers (docs/DATA.md,
 * "Reproducible runs"). Runs, previews, optimisations, their data checks and the chart all read
 * through it, so they see the same numbers.
 */
@Component
public class RunPrices {

  private final CorporateActionsService corporateActions;

  RunPrices(CorporateActionsService corporateActions) {
    this.corporateActions = corporateActions;
  }

  /**
   * The bars of one series as read with {@code prices}.
   *
   * @param inputs the series' stored basis, the adjustment, the dividends and every corporate
   *     action of the series as canonical text; null when they change nothing a run stored before
   *     price adjustments would have read (no actions, the adjustment is the stored basis, no
   *     dividends as cash), so such runs keep their fingerprints
   */
  public record Priced(BarSeries bars, String inputs) {}

  /**
   * {@code stored}, the bars of {@code seriesKey} as stored, in the prices a run with {@code
   * prices} reads. A run stored before price adjustments ({@code as_stored}) reads them unchanged.
   */
  public Priced read(
      String seriesKey, Interval interval, BarSeries stored, RunSettings.Prices prices) {
    if (prices == null || prices.asStored()) {
      return new Priced(stored, null);
    }
    PriceBasis basis = corporateActions.basis(seriesKey, interval);
    CorporateActions actions = corporateActions.actions(seriesKey);
    BarSeries bars =
        PriceAdjuster.adjust(stored, basis, actions, prices.adjustment(), prices.dividendsAsCash());
    return new Priced(bars, inputs(seriesKey, basis, prices, actions));
  }

  /**
   * The price inputs ({@link Priced#inputs}) of a run over {@code seriesKeys} measured against
   * {@code benchmarkKey} (null: none), as its fingerprint covers them, without reading a bar.
   */
  public String inputsOf(
      List<String> seriesKeys, String benchmarkKey, Interval interval, RunSettings.Prices prices) {
    if (prices == null || prices.asStored()) {
      return null;
    }
    List<String> parts = seriesKeys.stream().map(k -> inputsOf(k, interval, prices)).toList();
    String benchmark =
        benchmarkKey == null ? null : inputsOf(benchmarkKey, interval, prices.forBenchmark());
    return withBenchmark(combine(parts), benchmarkKey != null, benchmark);
  }

  private String inputsOf(String seriesKey, Interval interval, RunSettings.Prices prices) {
    return inputs(
        seriesKey,
        corporateActions.basis(seriesKey, interval),
        prices,
        corporateActions.actions(seriesKey));
  }

  /** A run's benchmark, loaded as stored, in the prices it is measured in. */
  Priced benchmark(
      String seriesKey, Interval interval, BarSeries stored, RunSettings.Prices prices) {
    return read(seriesKey, interval, stored, prices == null ? null : prices.forBenchmark());
  }

  /**
   * The data fingerprint of a single-symbol run: its bars' and its benchmark's ({@link
   * BarsFingerprint#of(BarSeries, BarSeries)}) extended by their price inputs.
   */
  static String fingerprint(Priced bars, Priced benchmark) {
    String bare = BarsFingerprint.of(bars.bars(), benchmark == null ? null : benchmark.bars());
    return BarsFingerprint.withPriceInputs(bare, inputs(bars, benchmark));
  }

  /** The price inputs of a single-symbol run and its benchmark; null when both read as stored. */
  static String inputs(Priced bars, Priced benchmark) {
    return withBenchmark(
        combine(java.util.Collections.singletonList(bars.inputs())),
        benchmark != null,
        benchmark == null ? null : benchmark.inputs());
  }

  /** A run's symbols' price inputs followed by its benchmark's, when it has one. */
  private static String withBenchmark(String symbols, boolean hasBenchmark, String benchmark) {
    return hasBenchmark ? combine(java.util.Arrays.asList(symbols, benchmark)) : symbols;
  }

  /** The price inputs of a portfolio run's universe and its benchmark; null when all as stored. */
  static String portfolioInputs(PortfolioBars bars, Priced benchmark) {
    return withBenchmark(
        bars.priceInputs(), benchmark != null, benchmark == null ? null : benchmark.inputs());
  }

  /**
   * The price inputs of several series, in order (null entries: nothing beyond their bars); null
   * when none has any.
   */
  public static String combine(List<String> inputs) {
    if (inputs.stream().allMatch(Objects::isNull)) {
      return null;
    }
    StringBuilder text = new StringBuilder();
    for (String part : inputs) {
      text.append(part == null ? "as stored\n" : part).append("--\n");
    }
    return text.toString();
  }

  /**
   * One series' canonical price inputs, a line each, the actions in date order; null when they
   * change nothing a run stored before price adjustments would have read.
   */
  static String inputs(
      String seriesKey, PriceBasis basis, RunSettings.Prices prices, CorporateActions actions) {
    if (actions.isEmpty() && prices.adjustment() == basis && !prices.dividendsAsCash()) {
      return null;
    }
    StringBuilder text =
        new StringBuilder()
            .append("series ")
            .append(seriesKey)
            .append("\nbasis ")
            .append(basis.code())
            .append("\nadjustment ")
            .append(prices.priceAdjustment())
            .append("\ndividends ")
            .append(prices.dividends())
            .append('\n');
    for (CorporateAction action : actions.actions()) {
      if (action instanceof CorporateAction.Split s) {
        text.append("split ").append(s.exDate()).append(' ').append(s.ratio());
      } else if (action instanceof CorporateAction.CashDividend d) {
        text.append("dividend ").append(d.exDate()).append(' ').append(d.amount());
      } else if (action instanceof CorporateAction.Halt h) {
        text.append("halt ").append(h.from()).append(' ').append(h.to());
      }
      text.append('\n');
    }
    return text.toString();
  }
}
