package com.tradingbacktest.app.backtest.run;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Currency;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Numbers, money, dates and metric names of a run's HTML report in one of its two languages, as the
 * web app writes them: Korean won whole and read in 만 and 억 ("1억 2,345만 6,789원"), other currencies
 * with their own decimals, fractions as percentages.
 */
final class ReportFormat {

  private static final Properties KINDS = load("report/metric-kinds.properties");
  private static final Map<Boolean, Properties> NAMES =
      Map.of(
          true, load("report/metrics_ko.properties"), false, load("report/metrics_en.properties"));
  private static final Map<Boolean, Properties> TEXT =
      Map.of(true, load("report/text_ko.properties"), false, load("report/text_en.properties"));
  private static final double DAY_MS = 86_400_000.0;

  private final boolean korean;
  private final Locale locale;
  private final String currency;
  private final ZoneId zone;

  ReportFormat(Locale requested, String currency, ZoneId zone) {
    this.korean = requested != null && "ko".equals(requested.getLanguage());
    this.locale = korean ? Locale.KOREA : Locale.US;
    this.currency = currency == null ? "" : currency.toUpperCase(Locale.ROOT);
    this.zone = zone;
  }

  boolean korean() {
    return korean;
  }

  /** The report's own words: {@code key} of report/text_(en|ko).properties, {0}.. filled in. */
  String text(String key, Object... args) {
    String pattern = TEXT.get(korean).getProperty(key);
    if (pattern == null) {
      throw new IllegalArgumentException("no report text " + key);
    }
    for (int i = 0; i < args.length; i++) {
      pattern = pattern.replace("{" + i + "}", String.valueOf(args[i]));
    }
    return pattern;
  }

  /** The metric's name as the web app shows it; a metric it does not name, under its own. */
  String metricName(String metric) {
    return NAMES.get(korean).getProperty(metric, metric);
  }

  String metric(String metric, Number value) {
    if (value == null || !Double.isFinite(value.doubleValue())) {
      return "—";
    }
    double v = value.doubleValue();
    return switch (KINDS.getProperty(metric, "number")) {
      case "percent" -> percent(v);
      case "money" -> money(v);
      case "ratio" -> number(v, 2, 2);
      case "count" -> number(v, 0, 0);
      case "duration" -> text("unit.days", number(v / DAY_MS, 0, 1));
      case "days" -> text("unit.days", number(v, 0, 1));
      case "bars" -> text("unit.bars", number(v, 0, 1));
      case "time" -> date(Instant.ofEpochMilli((long) v));
      default -> number(v, 0, 4);
    };
  }

  String percent(double fraction) {
    return Double.isFinite(fraction) ? number(fraction * 100, 2, 2) + "%" : "—";
  }

  String number(double v, int minDigits, int maxDigits) {
    if (!Double.isFinite(v)) {
      return "—";
    }
    NumberFormat format = NumberFormat.getNumberInstance(locale);
    format.setMinimumFractionDigits(minDigits);
    format.setMaximumFractionDigits(maxDigits);
    return format.format(v);
  }

  /** An amount in the run's currency; Korean won whole, and in Korean read in 만 and 억. */
  String money(double v) {
    if (!Double.isFinite(v)) {
      return "—";
    }
    if ("KRW".equals(currency)) {
      return korean ? won(Math.round(v)) : "₩" + number(v, 0, 0);
    }
    int digits = fractionDigits();
    String amount = number(Math.abs(v), digits, digits);
    String sign = v < 0 ? "-" : "";
    return switch (currency) {
      case "USD" -> sign + "$" + amount;
      case "" -> sign + amount;
      default -> sign + amount + " " + currency;
    };
  }

  /** A price: the currency's decimals, but those of a finer tick when it has them. */
  String price(double v, double tickSize) {
    int digits = fractionDigits();
    if (tickSize > 0 && tickSize < 1) {
      digits =
          Math.max(digits, java.math.BigDecimal.valueOf(tickSize).stripTrailingZeros().scale());
    }
    return number(v, digits, digits);
  }

  String date(Instant time) {
    return DateTimeFormatter.ISO_LOCAL_DATE.format(time.atZone(zone));
  }

  String dateTime(Instant time) {
    return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(time.atZone(zone));
  }

  private int fractionDigits() {
    if (currency.isEmpty()) {
      return 2;
    }
    try {
      return Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
    } catch (IllegalArgumentException e) {
      return 2; // not an ISO currency (USDT): two decimals, as the web app writes it
    }
  }

  /** 123456789 → "1억 2,345만 6,789원": how Koreans read won. */
  static String won(long value) {
    long abs = Math.abs(value);
    long eok = abs / 100_000_000L;
    long man = abs % 100_000_000L / 10_000L;
    long rest = abs % 10_000L;
    NumberFormat group = NumberFormat.getIntegerInstance(Locale.KOREA);
    StringBuilder text = new StringBuilder(value < 0 ? "-" : "");
    if (eok > 0) {
      text.append(group.format(eok)).append('억');
    }
    if (man > 0) {
      text.append(text.length() > (value < 0 ? 1 : 0) ? " " : "")
          .append(group.format(man))
          .append('만');
    }
    if (rest > 0 || abs == 0) {
      text.append(text.length() > (value < 0 ? 1 : 0) ? " " : "").append(group.format(rest));
    }
    return text.append('원').toString();
  }

  private static Properties load(String path) {
    Properties properties = new Properties();
    try (InputStream in = ReportFormat.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing " + path);
      }
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return properties;
  }
}
