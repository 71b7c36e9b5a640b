package com.tradingbacktest.app.marketdata;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/**
 * The keys series are stored under. A shared series is stored under its ticker; a user's own upload
 * of a ticker under {@code ~} and 32 hex digits of SHA-256(owner, ticker): no ticker starts with
 * {@code ~} ({@link ImportService#SYMBOL}), the key fits the 40 characters of the stored column,
 * and two uploads of one ticker by one user always meet at the same key without a lookup.
 */
final class SeriesKeys {

  static final String OWN_PREFIX = "~";

  private SeriesKeys() {}

  static String own(UUID ownerId, String ticker) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256")
              .digest((ownerId + "/" + ticker).getBytes(StandardCharsets.UTF_8));
      return OWN_PREFIX + HexFormat.of().formatHex(hash, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }

  static boolean isOwn(String key) {
    return key.startsWith(OWN_PREFIX);
  }
}
