package com.tradingbacktest.app.common.database;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * A PostgreSQL connection given as one URL, in either form a host hands out: {@code
 * postgres://user:pass@host:port/db?sslmode=require} (fly.io, Supabase, Heroku) or {@code
 * jdbc:postgresql://host:port/db} with the credentials passed separately.
 */
public record DatabaseUrl(String jdbcUrl, String username, String password) {

  public static DatabaseUrl parse(String url, String fallbackUsername, String fallbackPassword) {
    if (url == null || url.isBlank()) {
      throw new IllegalArgumentException("DATABASE_URL is empty");
    }
    String trimmed = url.trim();
    if (trimmed.startsWith("jdbc:postgresql:")) {
      return new DatabaseUrl(trimmed, fallbackUsername, fallbackPassword);
    }
    URI uri;
    try {
      uri = new URI(trimmed);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("DATABASE_URL is not a valid URL: " + e.getReason());
    }
    String scheme = uri.getScheme();
    if (!"postgres".equals(scheme) && !"postgresql".equals(scheme)) {
      throw new IllegalArgumentException(
          "DATABASE_URL must start with postgres://, postgresql:// or jdbc:postgresql://");
    }
    if (uri.getHost() == null) {
      throw new IllegalArgumentException("DATABASE_URL has no host");
    }
    String database = uri.getRawPath() == null ? "" : uri.getRawPath().replaceFirst("^/", "");
    if (database.isEmpty()) {
      throw new IllegalArgumentException(
          "DATABASE_URL names no database (postgres://user:pass@host:port/db)");
    }
    StringBuilder jdbc = new StringBuilder("jdbc:postgresql://").append(uri.getHost());
    if (uri.getPort() > 0) {
      jdbc.append(':').append(uri.getPort());
    }
    jdbc.append('/').append(database);
    if (uri.getRawQuery() != null) {
      jdbc.append('?').append(uri.getRawQuery());
    }
    String username = fallbackUsername;
    String password = fallbackPassword;
    if (uri.getRawUserInfo() != null) {
      String[] parts = uri.getRawUserInfo().split(":", 2);
      username = decode(parts[0]);
      password = parts.length > 1 ? decode(parts[1]) : fallbackPassword;
    }
    return new DatabaseUrl(jdbc.toString(), username, password);
  }

  private static String decode(String value) {
    return URLDecoder.decode(value, StandardCharsets.UTF_8);
  }

  /** Never print the password. */
  @Override
  public String toString() {
    return "DatabaseUrl[" + jdbcUrl + ", user=" + username + "]";
  }
}
