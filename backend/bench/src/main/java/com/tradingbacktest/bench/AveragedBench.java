package com.tradingbacktest.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How a benchmark whose op takes at most seconds is measured: the average of three 2 s iterations
 * after two of warm-up, in one fork with a fixed 4 GB heap. Its subclasses inherit these settings
 * (JMH's annotations are inherited) so that our engine and ta4j are measured alike wherever they
 * are compared; a subclass that needs longer iterations says so on itself. Ops that take minutes
 * are measured by {@link SingleShotBench}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
@State(Scope.Benchmark)
public abstract class AveragedBench {}
