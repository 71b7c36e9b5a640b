package com.tradingbacktest.engine.lang;

import java.util.Objects;

/**
 * One series a strategy draws with {@code plot(...)}, evaluated over a run's bars.
 *
 * @param title its title, unique among the strategy's plots (1 to {@link
 *     Limits#MAX_PLOT_TITLE_CHARS} characters)
 * @param color {@code #rrggbb} in lower case, or null for the chart's own palette
 * @param style {@code line}, {@code step} or {@code histogram}
 * @param pane {@code price} (over the candles) or {@code lower} (a pane below the price)
 * @param values one value per bar, in bar order; NaN where the series is na (warm-up), a bool as 1
 *     or 0
 */
public record Plot(String title, String color, String style, String pane, double[] values) {

  public Plot {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(style, "style");
    Objects.requireNonNull(pane, "pane");
    Objects.requireNonNull(values, "values");
  }
}
