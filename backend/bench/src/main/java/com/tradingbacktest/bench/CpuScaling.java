package com.tradingbacktest.bench;

import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * How much parallel work this machine really does: the same CPU-bound loop (no memory traffic) once
 * on one thread, then once per core on as many threads. On a machine whose cores are real, the
 * second takes about as long as the first; when they share one physical core it takes cores-times
 * as long, and no parallel sweep can beat its sequential twin there.
 */
public final class CpuScaling {

  private static volatile double sink;

  public static void main(String[] args) throws Exception {
    int cores = Runtime.getRuntime().availableProcessors();
    long iterations = 300_000_000L;
    ExecutorService pool = Executors.newFixedThreadPool(cores);
    try {
      for (int round = 0; round < 3; round++) {
        long t0 = System.nanoTime();
        sink = spin(iterations);
        long t1 = System.nanoTime();
        Future<?>[] jobs = new Future<?>[cores];
        for (int c = 0; c < cores; c++) {
          jobs[c] = pool.submit(() -> sink = spin(iterations));
        }
        for (Future<?> job : jobs) {
          job.get();
        }
        long t2 = System.nanoTime();
        double single = (t1 - t0) / 1e6;
        double all = (t2 - t1) / 1e6;
        System.out.printf(
            Locale.ROOT,
            "CPU scaling, round %d: 1 job on 1 thread %.0f ms; %d jobs on %d threads %.0f ms -> parallel speed-up %.2fx%n",
            round + 1,
            single,
            cores,
            cores,
            all,
            cores * single / all);
      }
    } finally {
      pool.shutdown();
    }
  }

  private static double spin(long iterations) {
    double x = 1;
    for (long i = 0; i < iterations; i++) {
      x = x * 1.0000001 + 1e-9;
    }
    return x;
  }
}
