package com.tradingbacktest.app.common.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who may connect to the embedded server: only whoever knows the password generated into {@code
 * DATA_DIR/secrets/postgres-password} (owner-readable only), over TCP and the local socket alike.
 * zonky's initdb trusts every local connection, which would make any account on the host a
 * superuser of the database.
 */
final class EmbeddedPostgresAuth {

  static final String PASSWORD_FILE = "postgres-password";

  /** Every connection, local socket or loopback TCP, proves the password (SCRAM-SHA-256). */
  static final String PASSWORD_ONLY_HBA =
      """
      # Written by Trading Backtest: every connection needs the password in
      # DATA_DIR/secrets/postgres-password. Rewritten on start if it allows anything else.
      local   all             all                     scram-sha-256
      host    all             all     127.0.0.1/32    scram-sha-256
      host    all             all     ::1/128         scram-sha-256
      local   replication     all                     scram-sha-256
      host    replication     all     127.0.0.1/32    scram-sha-256
      host    replication     all     ::1/128         scram-sha-256
      """;

  private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresAuth.class);
  private static final List<String> PASSWORD_METHODS = List.of("scram-sha-256", "md5");

  private EmbeddedPostgresAuth() {}

  static Path passwordFile(Path dataDir) {
    return dataDir.resolve("secrets").resolve(PASSWORD_FILE);
  }

  /** The server's password, generated (256 random bits, URL-safe base64) on first use. */
  static String loadOrCreatePassword(Path file) {
    try {
      if (Files.exists(file)) {
        String password = Files.readString(file, StandardCharsets.UTF_8).trim();
        if (password.isEmpty()) {
          throw new IllegalStateException(file + " is empty: delete it only with the database");
        }
        return password;
      }
      Files.createDirectories(file.getParent());
      byte[] random = new byte[32];
      new SecureRandom().nextBytes(random);
      String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
      Files.writeString(file, password, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
      try {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException ignored) {
        // not a POSIX file system; the folder's own permissions apply
      }
      log.info("Generated the embedded PostgreSQL's password in {}", file);
      return password;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read or create the database password " + file, e);
    }
  }

  /**
   * True when every rule of {@code pg_hba.conf} asks for a password: no {@code trust}, {@code peer}
   * or {@code ident} line that would let a local account in without it.
   */
  static boolean requiresPassword(Path hbaFile) {
    try {
      if (!Files.exists(hbaFile)) {
        return false;
      }
      boolean anyRule = false;
      for (String line : Files.readAllLines(hbaFile, StandardCharsets.UTF_8)) {
        String rule = line.replaceFirst("#.*", "").trim();
        if (rule.isEmpty()) {
          continue;
        }
        String[] fields = rule.split("\\s+", -1);
        // local DATABASE USER METHOD, host DATABASE USER ADDRESS METHOD [options]
        int methodAt = fields[0].equals("local") ? 3 : 4;
        if (fields.length <= methodAt
            || !PASSWORD_METHODS.contains(fields[methodAt].toLowerCase(Locale.ROOT))) {
          return false;
        }
        anyRule = true;
      }
      return anyRule;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read " + hbaFile, e);
    }
  }

  static void writePasswordOnlyHba(Path hbaFile) {
    try {
      Path next = hbaFile.resolveSibling(hbaFile.getFileName() + ".new");
      Files.writeString(next, PASSWORD_ONLY_HBA, StandardCharsets.UTF_8);
      Files.move(
          next,
          hbaFile,
          java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write " + hbaFile, e);
    }
  }
}
