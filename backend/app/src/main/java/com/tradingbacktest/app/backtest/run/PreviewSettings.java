package com.tradingbacktest.app.backtest.run;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits of previews ({@code tb.preview}), the workbench's backtests that are computed in the
 * request and not stored; .env.example names the variables.
 *
 * @param concurrency PREVIEW_CONCURRENCY: previews this process computes at once, more answer 503
 *     {@code previews-busy}; 0 means one per processor
 * @param timeLimit PREVIEW_TIME_LIMIT: the longest one preview may take from the moment it has a
 *     slot (loading its bars included); past it, it answers 422 {@code preview-time-limit}
 */
@ConfigurationProperties("tb.preview")
public record PreviewSettings(
    @DefaultValue("0") int concurrency, @DefaultValue("10s") Duration timeLimit) {

  public PreviewSettings {
    if (concurrency < 0 || timeLimit.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new IllegalArgumentException(
          "tb.preview: concurrency must be 0 (one per processor) or more, time-limit at least 1s");
    }
  }

  /** The previews computed at once: {@link #concurrency}, or the processors when it is 0. */
  int slots() {
    return concurrency > 0 ? concurrency : Runtime.getRuntime().availableProcessors();
  }
}
