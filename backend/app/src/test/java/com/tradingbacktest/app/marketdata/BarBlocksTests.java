package com.tradingbacktest.app.marketdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class BarBlocksTests {

  @Test
  void aBlockDecodesToTheBarsItWasEncodedFrom() {
    BarColumns bars = bars(1000, 5);
    byte[] block = BarBlocks.encode(bars);

    assertThat(block).hasSize(5 * BarBlocks.BAR_BYTES);
    // Laid out column by column: the times, then the opens, ...
    assertThat(ByteBuffer.wrap(block).getLong(8)).isEqualTo(1060);
    assertThat(ByteBuffer.wrap(block).getDouble(5 * 8)).isEqualTo(10.5);
    BarColumns out = new BarColumns(1);
    long last =
        BarBlocks.decode(
            ByteBuffer.wrap(block), Long.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE, out);
    assertThat(last).isEqualTo(1240);
    assertThat(out.size).isEqualTo(5);
    assertThat(java.util.Arrays.copyOf(out.time, 5)).containsExactly(1000, 1060, 1120, 1180, 1240);
    assertThat(java.util.Arrays.copyOf(out.open, 5)).containsExactly(10.5, 11.5, 12.5, 13.5, 14.5);
    assertThat(java.util.Arrays.copyOf(out.high, 5)).containsExactly(20, 21, 22, 23, 24);
    assertThat(java.util.Arrays.copyOf(out.low, 5)).containsExactly(5, 6, 7, 8, 9);
    assertThat(java.util.Arrays.copyOf(out.close, 5)).containsExactly(15, 16, 17, 18, 19);
    assertThat(java.util.Arrays.copyOf(out.volume, 5))
        .containsExactly(0.25, 1.25, 2.25, 3.25, 4.25);
  }

  @Test
  void decodingKeepsOnlyTheBarsInTheRangeAndAppends() {
    byte[] block = BarBlocks.encode(bars(1000, 5));
    BarColumns out = new BarColumns(1);
    out.add(1, 1, 1, 1, 1, 1); // already there: kept, the block's bars come after it

    // [1060, 1180): the second and third bar; bounds between bars work the same.
    long last = BarBlocks.decode(ByteBuffer.wrap(block), 1060, 1180, 1, out);
    BarBlocks.decode(ByteBuffer.wrap(block), 1181, 1300, last, out);

    assertThat(java.util.Arrays.copyOf(out.time, out.size)).containsExactly(1, 1060, 1120, 1240);
    assertThat(java.util.Arrays.copyOf(out.close, out.size)).containsExactly(1, 16, 17, 19);
    assertThat(BarBlocks.decode(ByteBuffer.wrap(block), 0, 1000, 7, out))
        .isEqualTo(7); // nothing before 1000
    assertThat(BarBlocks.decode(ByteBuffer.wrap(block), 1241, 5000, 7, out)).isEqualTo(7);
    assertThat(out.size).isEqualTo(4);
  }

  @Test
  void refusesBlocksThatOverlapOrAreCut() {
    byte[] block = BarBlocks.encode(bars(1000, 5));
    BarColumns out = new BarColumns(1);

    assertThatThrownBy(() -> BarBlocks.decode(ByteBuffer.wrap(block), 0, 5000, 1000, out))
        .hasMessageContaining("overlap");
    assertThatThrownBy(() -> BarBlocks.decode(ByteBuffer.wrap(block, 0, 47), 0, 5000, 0, out))
        .hasMessageContaining("47 bytes");
    assertThat(out.size).isZero();
  }

  /** {@code n} bars a minute apart (times in seconds here; only their order matters). */
  private static BarColumns bars(long firstTime, int n) {
    BarColumns bars = new BarColumns(n);
    for (int i = 0; i < n; i++) {
      bars.add(firstTime + 60L * i, 10.5 + i, 20 + i, 5 + i, 15 + i, 0.25 + i);
    }
    return bars;
  }
}
