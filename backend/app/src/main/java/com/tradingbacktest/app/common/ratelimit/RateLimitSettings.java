package com.tradingbacktest.app.common.ratelimit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Requests of each {@link RequestLimit} one account may make a minute (a bucket of that size,
 * refilled over the minute); 0 turns a limit off. From the environment (see .env.example).
 *
 * @param importsPerMinute RATE_LIMIT_IMPORTS: CSV imports and exchange fetches started
 * @param validationsPerMinute RATE_LIMIT_VALIDATIONS: strategy validations (the editor checks the
 *     code 400 ms after typing stops)
 * @param historyReadsPerMinute RATE_LIMIT_HISTORY: bar history reads
 * @param runsPerMinute RATE_LIMIT_RUNS: backtests and optimisations started (MAX_CONCURRENT_RUNS
 *     still caps how many are queued or running)
 * @param previewsPerMinute RATE_LIMIT_PREVIEWS: workbench previews
 * @param publicReadsPerMinute RATE_LIMIT_PUBLIC_READS: reads of shared runs through their public
 *     links, per client address (or per account when signed in)
 */
@ConfigurationProperties("tb.rate-limit")
public record RateLimitSettings(
    @DefaultValue("10") int importsPerMinute,
    @DefaultValue("120") int validationsPerMinute,
    @DefaultValue("300") int historyReadsPerMinute,
    @DefaultValue("30") int runsPerMinute,
    @DefaultValue("120") int previewsPerMinute,
    @DefaultValue("60") int publicReadsPerMinute) {

  public RateLimitSettings {
    int[] all = {
      importsPerMinute,
      validationsPerMinute,
      historyReadsPerMinute,
      runsPerMinute,
      previewsPerMinute,
      publicReadsPerMinute
    };
    for (int value : all) {
      if (value < 0) {
        throw new IllegalArgumentException(
            "RATE_LIMIT_* are requests a minute, at least 0 (0: no limit); got " + value);
      }
    }
  }
}
