package com.tradingbacktest.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Compares engine builds by the thread CPU time of one op, when other processes make JMH's
 * wall-clock figures useless (docs/PERFORMANCE.md, Round 5). Each build's classes (a directory such
 * as {@code engine/target/classes}, or a jar) are loaded by a class loader of their own, in front
 * of this jar, so each has its own copy of the engine and its own JIT profile; the op alternates
 * between them in rounds, the first build first in one round, the next in the next, and the median
 * per build is printed.
 *
 * <pre>
 * java -Xms4g -Xmx4g -XX:+AlwaysPreTouch -cp benchmarks.jar com.tradingbacktest.bench.CpuTimeAb \
 *     STAGE ROUNDS OPS_PER_ROUND BARS CLASSES_A CLASSES_B...
 * </pre>
 *
 * STAGE is one of {@link Probe#STAGES}. Pin it to one core ({@code taskset -c 0}) as the single
 * backtest's JMH run is.
 */
public final class CpuTimeAb {

  private CpuTimeAb() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 5) {
      System.err.println(
          "usage: CpuTimeAb STAGE ROUNDS OPS_PER_ROUND BARS CLASSES... (stages: "
              + String.join(", ", Probe.STAGES)
              + ")");
      System.exit(2);
    }
    String stage = args[0];
    int rounds = Integer.parseInt(args[1]);
    int ops = Integer.parseInt(args[2]);
    int bars = Integer.parseInt(args[3]);
    List<String> builds = Arrays.asList(args).subList(4, args.length);
    URL self = CpuTimeAb.class.getProtectionDomain().getCodeSource().getLocation();
    List<Method> op = new ArrayList<>();
    for (String build : builds) {
      URLClassLoader loader =
          new URLClassLoader(
              new URL[] {Path.of(build).toUri().toURL(), self},
              ClassLoader.getPlatformClassLoader());
      Class<?> probe = loader.loadClass(Probe.class.getName());
      probe.getMethod("setUp", int.class).invoke(null, bars);
      op.add(probe.getMethod("op", String.class));
    }
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    int k = builds.size();
    double[][] ms = new double[k][rounds * ops];
    Object sink = null;
    for (int round = -3; round < rounds; round++) { // three rounds of warm-up
      for (int turn = 0; turn < k; turn++) {
        int b = (turn + Math.max(round, 0)) % k;
        for (int o = 0; o < ops; o++) {
          long t0 = threads.getCurrentThreadCpuTime();
          sink = op.get(b).invoke(null, stage);
          long t1 = threads.getCurrentThreadCpuTime();
          if (round >= 0) {
            ms[b][round * ops + o] = (t1 - t0) / 1e6;
          }
        }
      }
    }
    for (int b = 0; b < k; b++) {
      double[] x = ms[b].clone();
      Arrays.sort(x);
      System.out.printf(
          Locale.ROOT,
          "%-50s median %.3f ms (quartiles %.3f-%.3f), %d ops%n",
          builds.get(b),
          x[x.length / 2],
          x[x.length / 4],
          x[3 * x.length / 4],
          x.length);
    }
    if (sink == null) {
      throw new IllegalStateException("no op ran");
    }
  }

  /**
   * The op, loaded once per build (so that it calls that build's engine): the stages of {@link
   * SingleBacktestBench#ours} on {@link MarketData}'s bars, inputs of each stage precomputed.
   */
  public static final class Probe {

    static final String[] STAGES = {"backtest", "smas", "crosses", "run", "simulation"};

    private static com.tradingbacktest.engine.series.BarSeries series;
    private static double[] fast;
    private static double[] slow;
    private static com.tradingbacktest.engine.sim.Signals signals;

    private Probe() {}

    public static void setUp(int bars) {
      series = OurEngine.series(MarketData.randomWalk(bars));
      fast = com.tradingbacktest.engine.indicator.Indicators.sma(series.close(), 10);
      slow = com.tradingbacktest.engine.indicator.Indicators.sma(series.close(), 30);
      signals =
          com.tradingbacktest.engine.sim.Signals.builder(bars)
              .longEntry(com.tradingbacktest.engine.indicator.Crosses.crossover(fast, slow))
              .longExit(com.tradingbacktest.engine.indicator.Crosses.crossunder(fast, slow))
              .build();
    }

    public static Object op(String stage) {
      return switch (stage) {
        case "backtest" -> OurEngine.smaCross(series, 10, 30);
        case "smas" ->
            new double[][] {
              com.tradingbacktest.engine.indicator.Indicators.sma(series.close(), 10),
              com.tradingbacktest.engine.indicator.Indicators.sma(series.close(), 30)
            };
        case "crosses" ->
            new boolean[][] {
              com.tradingbacktest.engine.indicator.Crosses.crossover(fast, slow),
              com.tradingbacktest.engine.indicator.Crosses.crossunder(fast, slow)
            };
        case "run" -> com.tradingbacktest.engine.Backtest.run(series, signals, OurEngine.CONFIG);
        case "simulation" ->
            com.tradingbacktest.engine.sim.Simulator.run(series, signals, OurEngine.CONFIG);
        default ->
            throw new IllegalArgumentException(
                "Unknown stage " + stage + "; one of " + String.join(", ", STAGES));
      };
    }
  }
}
