/**
 * Technical indicators: {@link com.tradingbacktest.engine.indicator.Indicators} (TA-Lib's Java port
 * behind static methods) and {@link com.tradingbacktest.engine.indicator.Crosses}.
 *
 * <h2>Conventions</h2>
 *
 * <ul>
 *   <li><b>Columns in, columns out.</b> Inputs are {@code double[]} columns aligned with the bars
 *       (index {@code i} is bar {@code i}); every output has exactly the input's length and is
 *       aligned the same way. Outputs are never shorter. Inputs are never modified.
 *   <li><b>Warm-up.</b> Bars before the first computable value are {@code Double.NaN}. Each method
 *       documents its warm-up {@code w}: the index of its first value when the inputs are finite
 *       from bar 0. Data with no more than {@code w} bars gives an array of NaN, never an
 *       exception.
 *   <li><b>Leading NaN.</b> An indicator starts at the first bar {@code s} where all its inputs are
 *       finite (not NaN, not infinite), as if the inputs began there: its output at {@code s + j}
 *       equals the output at {@code j} on the inputs trimmed to start at {@code s}, and its first
 *       value is at {@code s + w}. Hence nested indicators work: {@code ema(sma(close, 10), 5)} has
 *       its first value at 9 + 4 = 13.
 *   <li><b>NaN after the start</b> is not skipped: it propagates as TA-Lib's arithmetic takes it,
 *       which for running sums and recursive smoothing (SMA, EMA, RSI, ATR, ...) means that every
 *       later output is NaN too. Clean gaps in the data (or split the series) before computing
 *       indicators. Exceptions: {@code highest}/{@code lowest} are NaN exactly while their window
 *       holds a NaN, and {@code Crosses} reports no cross next to a NaN.
 *   <li><b>Parameters.</b> Lengths count bars; each method states its minimum (TA-Lib's, e.g. 2 for
 *       RSI; 1 where the indicator is defined for one bar) and all but {@code highest}/{@code
 *       lowest} are at most 100000, TA-Lib's limit. Invalid parameters throw {@link
 *       java.lang.IllegalArgumentException} naming the function, parameter and value ("sma length
 *       must be >= 1, got 0"), as do columns of different lengths; null columns throw {@link
 *       java.lang.NullPointerException}.
 *   <li><b>Seeding.</b> TA-Lib's default compatibility mode, no unstable period: EMAs are seeded by
 *       the SMA of their first {@code length} values, RSI and ATR use Wilder's smoothing seeded by
 *       a plain mean. MACD, KAMA, ADX/DI, CCI and the parabolic SAR are seeded in TA-Lib's own way
 *       (see each method), so their early values differ from other libraries.
 *   <li><b>Degenerate windows.</b> TA-Lib returns 0 rather than NaN where a ratio's denominator
 *       vanishes: RSI when no change (gain plus loss below 1e-8), stochastic and Williams %R for a
 *       flat range, CCI for zero deviation, ROC when the old value is 0, +DI/-DI/ADX while the
 *       smoothed true range is below 1e-8, MFI when the total money flow (price times volume) is
 *       below 1.0. These absolute thresholds matter only for very low prices or volumes; {@code
 *       stddev} and {@code bollinger} avoid TA-Lib's 1e-8 variance threshold (see {@code stddev}).
 *   <li><b>Exact ties.</b> The rolling means ({@code sma}, the Bollinger middle band, the mean and
 *       variance inside {@code stddev}, the stochastics' smoothing) keep the window's sum exactly
 *       for decimals of up to 8 places, so means that are equal in decimal compare equal (see
 *       {@code DecimalWindow} and docs/ENGINE.md).
 *   <li><b>Threads and speed.</b> All functions are stateless and thread-safe (the shared TA-Lib
 *       {@code Core} is never reconfigured), so parameter sweeps may call them from many threads.
 *       Each call allocates its outputs and a few buffers, never per bar, and boxes nothing. Most
 *       are O(n); CCI (its mean deviation) and TA-Lib's rolling extremes in stochastic, Williams %R
 *       and Aroon can cost up to O(n * length) on trending data, while {@code highest}/{@code
 *       lowest} are O(n) for any length.
 * </ul>
 */
package com.tradingbacktest.engine.indicator;
