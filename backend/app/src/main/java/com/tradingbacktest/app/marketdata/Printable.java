package com.tradingbacktest.app.marketdata;

/**
 * Text from an uploaded file made safe to store and show: PostgreSQL keeps no NUL in text or JSON,
 * and other control characters only garble a message.
 */
final class Printable {

  private Printable() {}

  static boolean hasControlCharacters(String text) {
    return text.chars().anyMatch(Printable::isControl);
  }

  /** {@code text} with every control character (tabs and line breaks too) as U+FFFD. */
  static String of(String text) {
    if (text == null || !hasControlCharacters(text)) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    text.chars().forEach(c -> out.append(isControl(c) ? '\uFFFD' : (char) c));
    return out.toString();
  }

  private static boolean isControl(int c) {
    return c < 0x20 || c == 0x7F;
  }
}
