package com.tradingbacktest.app.marketdata;

import com.tradingbacktest.app.marketdata.fetch.FundingRate;
import com.tradingbacktest.engine.series.BarCsv;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.core.io.InputStreamSource;

/**
 * Reads a funding-rate CSV: {@code time,rate}, one funding event a line, with an optional header
 * ({@code time,rate}, or Binance's {@code fundingTime,fundingRate}, any case; more columns are
 * ignored). A time is an ISO instant, an ISO date-time or date in the symbol's zone, or epoch
 * milliseconds (Binance's downloads); a rate is a decimal fraction (0.0001 for 0.01 %), with |rate|
 * below 1. Every bad line is reported with its number, and one bad line rejects the file.
 */
final class FundingCsv {

  /** The most rates one file may hold: a century of 8-hourly funding. */
  static final int MAX_ROWS = 110_000;

  /** Bad lines listed in a rejection; the count covers them all. */
  static final int MAX_LISTED_PROBLEMS = 100;

  private static final Pattern EPOCH_MILLIS = Pattern.compile("\\d{11,14}");

  private FundingCsv() {}

  /** The rates read, oldest first, or the lines that could not be read. */
  record Outcome(List<FundingRate> rates, List<BarCsv.Problem> problems, int problemCount) {}

  static Outcome read(InputStreamSource file, ZoneId zone) throws IOException {
    List<FundingRate> rates = new ArrayList<>();
    List<BarCsv.Problem> problems = new ArrayList<>();
    int problemCount = 0;
    Set<Long> seen = new HashSet<>();
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      int number = 0;
      while ((line = in.readLine()) != null) {
        number++;
        if (number == 1 && line.startsWith("\uFEFF")) {
          line = line.substring(1);
        }
        if (line.isBlank() || (number == 1 && isHeader(line))) {
          continue;
        }
        String problem;
        String[] cells = line.split(",", -1);
        if (cells.length < 2) {
          problem = "expected time,rate";
        } else {
          problem = null;
          Long time = time(cells[0].trim(), zone);
          Double rate = rate(cells[1].trim());
          if (time == null) {
            problem =
                "time '"
                    + clip(cells[0].trim())
                    + "' is not an ISO date, date-time, instant or epoch milliseconds";
          } else if (rate == null) {
            problem = "rate '" + clip(cells[1].trim()) + "' is not a number between -1 and 1";
          } else if (!seen.add(time)) {
            problem = "a second rate for " + Instant.ofEpochMilli(time);
          } else if (rates.size() >= MAX_ROWS) {
            problem = "more than " + MAX_ROWS + " rates in one file";
          } else {
            rates.add(new FundingRate(time, rate));
          }
        }
        if (problem != null) {
          problemCount++;
          if (problems.size() < MAX_LISTED_PROBLEMS) {
            problems.add(new BarCsv.Problem(number, problem));
          }
          if (rates.size() >= MAX_ROWS) {
            break;
          }
        }
      }
    }
    rates.sort((a, b) -> Long.compare(a.time(), b.time()));
    return new Outcome(rates, problems, problemCount);
  }

  private static boolean isHeader(String line) {
    String first = line.split(",", -1)[0].trim().toLowerCase(Locale.ROOT).replace("\"", "");
    return first.equals("time") || first.equals("fundingtime") || first.equals("funding_time");
  }

  private static Long time(String text, ZoneId zone) {
    try {
      if (EPOCH_MILLIS.matcher(text).matches()) {
        return Long.parseLong(text);
      }
      if (text.length() == 10) {
        return LocalDate.parse(text).atStartOfDay(zone).toInstant().toEpochMilli();
      }
      if (text.endsWith("Z") || text.matches(".*[+-]\\d\\d:\\d\\d$")) {
        return java.time.OffsetDateTime.parse(text).toInstant().toEpochMilli();
      }
      return LocalDateTime.parse(text.replace(' ', 'T')).atZone(zone).toInstant().toEpochMilli();
    } catch (DateTimeParseException | NumberFormatException e) {
      return null;
    }
  }

  private static Double rate(String text) {
    try {
      double rate = Double.parseDouble(text);
      return Double.isFinite(rate) && Math.abs(rate) < 1 ? rate : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static String clip(String text) {
    String printable = Printable.of(text);
    return printable.length() > 40 ? printable.substring(0, 40) + "..." : printable;
  }
}
