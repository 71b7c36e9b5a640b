package com.tradingbacktest.app.backtest.run;

import com.tradingbacktest.app.backtest.RunStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Operations metrics of runs at /actuator/prometheus: {@code backtest_queue_length} (pending runs,
 * across all instances), {@code backtest_running}, {@code backtest_run_duration_seconds} by outcome
 * and {@code backtest_runs_total} by outcome (completed, failed, cancelled). The gauges read the
 * table, at most every five seconds however often they are scraped.
 */
@Component
class RunMetrics {

  private static final long GAUGE_TTL_NANOS = 5_000_000_000L;

  private final MeterRegistry registry;
  // Held here: a gauge keeps only a weak reference to the object it reads.
  private final Supplier<Double> pending;
  private final Supplier<Double> running;

  RunMetrics(MeterRegistry registry, BacktestRepository runs) {
    this.registry = registry;
    this.pending = cached(() -> runs.countByStatus(RunStatus.PENDING));
    this.running = cached(() -> runs.countByStatus(RunStatus.RUNNING));
    Gauge.builder("backtest.queue.length", pending, Supplier::get)
        .description("Backtest runs waiting for a worker")
        .register(registry);
    Gauge.builder("backtest.running", running, Supplier::get)
        .description("Backtest runs being executed")
        .register(registry);
  }

  void finished(String outcome, long nanos) {
    Counter.builder("backtest.runs")
        .description("Finished backtest runs by outcome")
        .tag("outcome", outcome)
        .register(registry)
        .increment();
    if (nanos > 0) {
      Timer.builder("backtest.run.duration")
          .description("Time a worker spent on a run")
          .tag("outcome", outcome)
          .publishPercentileHistogram()
          .register(registry)
          .record(nanos, TimeUnit.NANOSECONDS);
    }
  }

  private static Supplier<Double> cached(Supplier<Integer> source) {
    return new Supplier<>() {
      private long readAt;
      private double value = Double.NaN;

      @Override
      public synchronized Double get() {
        long now = System.nanoTime();
        if (Double.isNaN(value) || now - readAt > GAUGE_TTL_NANOS) {
          try {
            value = source.get();
          } catch (RuntimeException e) {
            return value; // the database is unreachable: keep the last reading
          }
          readAt = now;
        }
        return value;
      }
    };
  }
}
