package com.tradingbacktest.engine.lang;

import com.tradingbacktest.engine.sim.RunControl;
import java.util.Objects;

/**
 * What one evaluation may spend: memory, checked against the plan's estimate before any column is
 * allocated, and a {@link RunControl} whose {@link RunControl#checkpoint checkpoint} runs before
 * every column (and in the simulator every few thousand bars), so a cancelled or timed-out run
 * stops within milliseconds of a column's work.
 *
 * @param maxBytes the most an evaluation and the run around it may hold at once, in bytes (see
 *     {@link CompiledStrategy#memoryNeeded})
 * @param control cancellation and deadline; {@link RunControl#NONE} for none
 */
public record EvaluationLimits(long maxBytes, RunControl control) {

  public EvaluationLimits {
    Objects.requireNonNull(control, "control");
    if (maxBytes < 1) {
      throw new IllegalArgumentException("maxBytes must be positive, got " + maxBytes);
    }
  }

  /**
   * Half of this JVM's heap ({@link Runtime#maxMemory}) and no control: for the CLI and for one
   * evaluation at a time. A server running several at once divides its heap among them ({@link
   * #heapShare}).
   */
  public static EvaluationLimits defaults() {
    return new EvaluationLimits(heapShare(0.5, 1), RunControl.NONE);
  }

  /**
   * {@code fraction} of the heap divided among {@code concurrent} evaluations that may run at once.
   */
  public static long heapShare(double fraction, int concurrent) {
    if (!(fraction > 0 && fraction <= 1) || concurrent < 1) {
      throw new IllegalArgumentException(
          "heap share needs 0 < fraction <= 1 and concurrent >= 1, got "
              + fraction
              + " and "
              + concurrent);
    }
    return Math.max(1, (long) (Runtime.getRuntime().maxMemory() * fraction / concurrent));
  }

  /** The same memory limit with another control. */
  public EvaluationLimits withControl(RunControl other) {
    return new EvaluationLimits(maxBytes, other);
  }
}
