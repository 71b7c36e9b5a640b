package com.tradingbacktest.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Timeout;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How a benchmark whose op takes minutes is measured: one op, without warm-up iterations (the hot
 * loops are compiled within the op's first seconds, so a warm-up op would change the figure by
 * little and cost the run many minutes), allowed 90 minutes, in one fork with the fixed 4 GB heap
 * of {@link AveragedBench}. Its subclasses inherit these settings.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Timeout(time = 90, timeUnit = TimeUnit.MINUTES)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
@State(Scope.Benchmark)
public abstract class SingleShotBench {}
