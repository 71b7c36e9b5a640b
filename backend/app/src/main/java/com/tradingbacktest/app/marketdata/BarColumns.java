package com.tradingbacktest.app.marketdata;

import java.util.Arrays;

/** Growable primitive columns for bars being read, without boxing. */
final class BarColumns {

  long[] time;
  double[] open;
  double[] high;
  double[] low;
  double[] close;
  double[] volume;
  int size;

  BarColumns(int capacity) {
    int c = Math.max(16, capacity);
    time = new long[c];
    open = new double[c];
    high = new double[c];
    low = new double[c];
    close = new double[c];
    volume = new double[c];
  }

  void add(long t, double o, double h, double l, double c, double v) {
    if (size == time.length) {
      resize(size + (size >> 1));
    }
    time[size] = t;
    open[size] = o;
    high[size] = h;
    low[size] = l;
    close[size] = c;
    volume[size] = v;
    size++;
  }

  /** Makes room for {@code more} bars after the current ones. */
  void ensureRoom(int more) {
    if (size + more > time.length) {
      resize(Math.max(size + more, size + (size >> 1)));
    }
  }

  private void resize(int capacity) {
    time = Arrays.copyOf(time, capacity);
    open = Arrays.copyOf(open, capacity);
    high = Arrays.copyOf(high, capacity);
    low = Arrays.copyOf(low, capacity);
    close = Arrays.copyOf(close, capacity);
    volume = Arrays.copyOf(volume, capacity);
  }

  /** Trims the arrays to the size, so they can be handed to the engine as they are. */
  BarColumns trimmed() {
    if (size != time.length) {
      resize(size);
    }
    return this;
  }
}
