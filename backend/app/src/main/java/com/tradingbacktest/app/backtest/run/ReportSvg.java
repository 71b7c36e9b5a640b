package com.tradingbacktest.app.backtest.run;

import java.util.Locale;

/**
 * The report's charts as inline SVG: a line (equity, with buy and hold) and an area (drawdown) over
 * the run's time, scaled to a fixed view box that the page stretches to its width. No script, no
 * external reference: the page's Content-Security-Policy applies unchanged and it prints as drawn.
 */
final class ReportSvg {

  static final int WIDTH = 1000;
  static final int HEIGHT = 260;
  private static final int LEFT = 90;
  private static final int RIGHT = 10;
  private static final int TOP = 10;
  private static final int BOTTOM = 28;

  /** At most this many points a line: enough for the page's width. */
  static final int MAX_POINTS = 1000;

  private ReportSvg() {}

  /**
   * A chart of {@code series} (each parallel to {@code time}; NaN leaves a gap) with a y axis of
   * three labelled values and the first and last dates on the x axis.
   *
   * @param classes each series' CSS class (its colour), parallel to {@code series}
   * @param area fill the first series down to zero instead of drawing a line (the drawdown)
   */
  static String chart(
      String label,
      long[] time,
      double[][] series,
      String[] classes,
      boolean area,
      java.util.function.DoubleFunction<String> axis,
      ReportFormat format) {
    StringBuilder svg = new StringBuilder();
    svg.append("<svg class=\"chart\" viewBox=\"0 0 ")
        .append(WIDTH)
        .append(' ')
        .append(HEIGHT)
        .append("\" role=\"img\" aria-label=\"")
        .append(RunReport.escape(label))
        .append("\" preserveAspectRatio=\"none\">");
    if (time.length < 2) {
      return svg.append("</svg>").toString();
    }
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double[] s : series) {
      for (double v : s) {
        if (Double.isFinite(v)) {
          min = Math.min(min, v);
          max = Math.max(max, v);
        }
      }
    }
    if (area) {
      max = Math.max(max, 0);
    }
    if (!Double.isFinite(min)) {
      return svg.append("</svg>").toString();
    }
    if (max - min < 1e-12) {
      max = min + Math.max(1e-9, Math.abs(min) * 0.01);
    }
    long t0 = time[0];
    long t1 = Math.max(time[time.length - 1], t0 + 1);
    double plotWidth = WIDTH - LEFT - RIGHT;
    double plotHeight = HEIGHT - TOP - BOTTOM;
    final double lo = min;
    final double span = max - min;
    java.util.function.LongToDoubleFunction x = t -> LEFT + (t - t0) * plotWidth / (t1 - t0);
    java.util.function.DoubleUnaryOperator y = v -> TOP + (1 - (v - lo) / span) * plotHeight;
    for (int i = 0; i <= 2; i++) {
      double value = max - span * i / 2;
      double yy = y.applyAsDouble(value);
      svg.append("<line class=\"grid\" x1=\"")
          .append(LEFT)
          .append("\" x2=\"")
          .append(WIDTH - RIGHT)
          .append("\" y1=\"")
          .append(num(yy))
          .append("\" y2=\"")
          .append(num(yy))
          .append("\"/><text class=\"axis\" x=\"")
          .append(LEFT - 6)
          .append("\" y=\"")
          .append(num(yy + 4))
          .append("\" text-anchor=\"end\">")
          .append(RunReport.escape(axis.apply(value)))
          .append("</text>");
    }
    svg.append("<text class=\"axis\" x=\"")
        .append(LEFT)
        .append("\" y=\"")
        .append(HEIGHT - 8)
        .append("\">")
        .append(format.date(java.time.Instant.ofEpochMilli(t0)))
        .append("</text><text class=\"axis\" x=\"")
        .append(WIDTH - RIGHT)
        .append("\" y=\"")
        .append(HEIGHT - 8)
        .append("\" text-anchor=\"end\">")
        .append(format.date(java.time.Instant.ofEpochMilli(time[time.length - 1])))
        .append("</text>");
    int step = Math.max(1, (int) Math.ceil(time.length / (double) MAX_POINTS));
    for (int s = series.length - 1; s >= 0; s--) {
      StringBuilder path = new StringBuilder();
      boolean pen = false;
      for (int k = 0; k < time.length; k += step) {
        // Every step-th point, and the last one whatever the step.
        int i = k + step >= time.length ? time.length - 1 : k;
        double v = series[s][i];
        if (!Double.isFinite(v)) {
          pen = false;
          continue;
        }
        path.append(pen ? 'L' : 'M')
            .append(num(x.applyAsDouble(time[i])))
            .append(',')
            .append(num(y.applyAsDouble(v)));
        pen = true;
      }
      if (path.isEmpty()) {
        continue;
      }
      if (area && s == 0) {
        double zero = y.applyAsDouble(0);
        svg.append("<path class=\"")
            .append(classes[s])
            .append("\" d=\"M")
            .append(num(x.applyAsDouble(t0)))
            .append(',')
            .append(num(zero))
            .append(path.toString().replaceFirst("^M", "L"))
            .append('L')
            .append(num(x.applyAsDouble(time[time.length - 1])))
            .append(',')
            .append(num(zero))
            .append("Z\"/>");
      } else {
        svg.append("<path class=\"")
            .append(classes[s])
            .append("\" fill=\"none\" d=\"")
            .append(path)
            .append("\"/>");
      }
    }
    return svg.append("</svg>").toString();
  }

  private static String num(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }
}
