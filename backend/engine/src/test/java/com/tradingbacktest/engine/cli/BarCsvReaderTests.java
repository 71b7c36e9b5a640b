package com.tradingbacktest.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BarCsvReaderTests {

  @TempDir Path dir;

  @Test
  void readsTheUnnamedPandasIndexColumn() throws IOException {
    BarCsvReader.Columns c =
        read(",Open,High,Low,Close,Volume\n2013-02-28,801.1,806.99,801.03,801.2,2265800\n");

    assertThat(c.times()).containsExactly(Instant.parse("2013-02-28T00:00:00Z").toEpochMilli());
    assertThat(c.open()).containsExactly(801.1);
    assertThat(c.volume()).containsExactly(2265800);
  }

  @Test
  void readsYahooColumnsInAnyCaseWithTheAdjCloseBesideTheClose() throws IOException {
    BarCsvReader.Columns c =
        read("DATE,OPEN,HIGH,LOW,CLOSE,ADJ CLOSE,VOLUME\n1995-01-03,2.18,2.2,2.15,2.18,1.9,100\n");

    assertThat(c.close()).containsExactly(2.18);
    assertThat(c.adjClose()).containsExactly(1.9);
    assertThat(c.halted()).isNull();
  }

  @Test
  void combinesSeparateDateAndTimeColumns() throws IOException {
    BarCsvReader.Columns c =
        read(
            """
            Date,Time,Open,High,Low,Close,Volume,OpenInterest
            2006-01-02,09:05:00,3578.73,3587.88,3578.73,3582.99,0,0
            """);

    assertThat(c.times()).containsExactly(Instant.parse("2006-01-02T09:05:00Z").toEpochMilli());
  }

  @Test
  void reportsABadRowWithItsLineNumber() throws IOException {
    Path file =
        write("date,open,high,low,close\n2024-01-01,1,2,0.5,1.5\n2024-01-02,1,two,0.5,1.5\n");

    assertThatThrownBy(() -> BarCsvReader.read(file, ZoneOffset.UTC))
        .hasMessage("line 3: high 'two' is not a number");
  }

  @Test
  void namesTheMissingColumns() throws IOException {
    Path file = write("date,open,close\n2024-01-01,1,2\n");

    assertThatThrownBy(() -> BarCsvReader.read(file, ZoneOffset.UTC))
        .hasMessageContaining("no high, low column");
  }

  @Test
  void reportsAnUnreadableTime() throws IOException {
    Path file = write("date,open,high,low,close\nyesterday,1,2,0.5,1.5\n");

    assertThatThrownBy(() -> BarCsvReader.read(file, ZoneOffset.UTC))
        .hasMessage("line 2: unreadable time 'yesterday'");
  }

  private BarCsvReader.Columns read(String csv) throws IOException {
    return BarCsvReader.read(write(csv), ZoneOffset.UTC);
  }

  private Path write(String csv) throws IOException {
    Path file = dir.resolve("bars.csv");
    Files.writeString(file, csv);
    return file;
  }
}
