package com.tradingbacktest.app.backtest;

import com.tradingbacktest.engine.lang.EvaluationLimits;
import com.tradingbacktest.engine.sim.RunControl;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What one run (a backtest, or one slice of an optimisation) may spend on a worker: memory and time
 * (docs/ENGINE.md, "Resource limits"). The memory limit is {@code RUN_MEMORY_LIMIT}, or when that
 * is 0 the {@link #HEAP_FRACTION} of this process's heap divided among the {@code
 * WORKER_CONCURRENCY} runs it may hold at once: the rest of the heap stays for the API, caches and
 * the garbage collector's headroom, so a run over its limit fails alone and the process lives on.
 */
@Component
public class RunLimits {

  /** The share of the heap all concurrent runs together may use when no limit is set. */
  static final double HEAP_FRACTION = 0.6;

  private final long memoryBytes;
  private final Duration timeLimit;

  RunLimits(
      BacktestSettings settings,
      @Value("${jobrunr.background-job-server.worker-count:2}") int workers) {
    this.memoryBytes =
        settings.memoryLimit().toBytes() > 0
            ? settings.memoryLimit().toBytes()
            : EvaluationLimits.heapShare(HEAP_FRACTION, Math.max(1, workers));
    this.timeLimit = settings.timeLimit();
  }

  /** The memory one run may need, in bytes. */
  public long memoryBytes() {
    return memoryBytes;
  }

  /**
   * The limits of one run starting now: its memory, and {@code control} with the time limit counted
   * from this call.
   */
  public EvaluationLimits start(RunControl control) {
    return start(control, timeLimit);
  }

  /**
   * The limits of work starting now that has a time limit of its own (a preview's): the memory of a
   * run, and {@code control} with {@code limit} counted from this call.
   */
  public EvaluationLimits start(RunControl control, Duration limit) {
    return new EvaluationLimits(
        memoryBytes, RunControl.withTimeLimit(control, limit, System::nanoTime));
  }

  /** The failure reason of work ({@code what}: "The run") stopped by the time limit. */
  public String timeLimitReason(String what) {
    return timeLimitReason(what, timeLimit);
  }

  /** The failure reason of work ({@code what}: "The preview") stopped by {@code limit}. */
  public static String timeLimitReason(String what, Duration limit) {
    return what
        + " was stopped at its time limit of "
        + describe(limit)
        + "; shorten the date range, use a longer interval or simplify the strategy.";
  }

  static String describe(Duration d) {
    long seconds = d.toSeconds();
    if (seconds % 3600 == 0) {
      return plural(seconds / 3600, "hour");
    }
    if (seconds % 60 == 0) {
      return plural(seconds / 60, "minute");
    }
    return plural(seconds, "second");
  }

  private static String plural(long n, String unit) {
    return n + " " + unit + (n == 1 ? "" : "s");
  }
}
