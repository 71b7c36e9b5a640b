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
      int grown = size + (size >> 1);
      time = Arrays.copyOf(time, grown);
      open = Arrays.copyOf(open, grown);
      high = Arrays.copyOf(high, grown);
      low = Arrays.copyOf(low, grown);
      close = Arrays.copyOf(close, grown);
      volume = Arrays.copyOf(volume, grown);
    }
    time[size] = t;
    open[size] = o;
    high[size] = h;
    low[size] = l;
    close[size] = c;
    volume[size] = v;
    size++;
  }

  /** Trims the arrays to the size, so they can be handed to the engine as they are. */
  BarColumns trimmed() {
    if (size != time.length) {
      time = Arrays.copyOf(time, size);
      open = Arrays.copyOf(open, size);
      high = Arrays.copyOf(high, size);
      low = Arrays.copyOf(low, size);
      close = Arrays.copyOf(close, size);
      volume = Arrays.copyOf(volume, size);
    }
    return this;
  }
}
