package com.tradingbacktest.app.auth;

import com.tradingbacktest.app.common.database.DatabaseSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HMAC-SHA256 key that signs access tokens. It comes from JWT_SECRET. Only in the embedded,
 * single-machine mode may it be missing: then one is generated once and kept (owner-readable only)
 * in the data folder, so restarts keep sessions valid. With an external database a missing secret
 * stops the start, because several instances must share one key.
 */
final class JwtKeyProvider {

  private static final Logger log = LoggerFactory.getLogger(JwtKeyProvider.class);
  static final int MIN_KEY_BYTES = 32;

  private JwtKeyProvider() {}

  static SecretKey load(String configured, DatabaseSettings database) {
    if (configured != null && !configured.isBlank()) {
      return toKey(decode(configured.trim()));
    }
    if (!database.embedded()) {
      throw new IllegalStateException(
          "JWT_SECRET is not set. With DATABASE_URL set, give every instance the same JWT_SECRET "
              + "(at least 32 bytes, e.g. `openssl rand -base64 48`).");
    }
    return toKey(generatedSecret(database.dataDir().resolve("secrets").resolve("jwt-secret")));
  }

  private static byte[] generatedSecret(Path file) {
    try {
      if (Files.exists(file)) {
        return decode(Files.readString(file, StandardCharsets.UTF_8).trim());
      }
      Files.createDirectories(file.getParent());
      String secret = Secrets.randomToken(48);
      Files.writeString(file, secret, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
      try {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException ignored) {
        // not a POSIX file system; the folder's own permissions apply
      }
      log.info("Generated a JWT signing key in {} (set JWT_SECRET to choose your own)", file);
      return decode(secret);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read or create the JWT signing key at " + file, e);
    }
  }

  /** Accepts base64 (standard or URL-safe) when it decodes to enough bytes, else the raw text. */
  private static byte[] decode(String secret) {
    for (Base64.Decoder decoder :
        new Base64.Decoder[] {Base64.getDecoder(), Base64.getUrlDecoder()}) {
      try {
        byte[] bytes = decoder.decode(secret);
        if (bytes.length >= MIN_KEY_BYTES) {
          return bytes;
        }
      } catch (IllegalArgumentException notBase64) {
        // try the next form
      }
    }
    return secret.getBytes(StandardCharsets.UTF_8);
  }

  private static SecretKey toKey(byte[] bytes) {
    if (bytes.length < MIN_KEY_BYTES) {
      throw new IllegalStateException("JWT_SECRET is too short: HS256 needs at least 32 bytes");
    }
    return new SecretKeySpec(bytes, "HmacSHA256");
  }
}
