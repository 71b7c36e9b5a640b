package com.tradingbacktest.app.auth;

import com.tradingbacktest.app.common.database.DatabaseSettings;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who administers shared data: the accounts named in ADMIN_USERNAMES (any case) and, with the
 * embedded database (one person's local install), the first account created. Nobody else, and no
 * API makes anyone one.
 */
@Component
public class Administrators {

  private final Set<String> usernames;
  private final boolean firstAccountIsAdmin;
  private final JdbcClient jdbc;

  Administrators(AuthSettings settings, DatabaseSettings database, JdbcClient jdbc) {
    this.usernames =
        settings.adminUsernames().stream()
            .map(String::trim)
            .filter(name -> !name.isEmpty())
            .map(name -> name.toLowerCase(Locale.ROOT))
            .collect(Collectors.toUnmodifiableSet());
    this.firstAccountIsAdmin = database.embedded();
    this.jdbc = jdbc;
  }

  public boolean isAdmin(AuthenticatedUser user) {
    return isAdmin(user.id(), user.username());
  }

  boolean isAdmin(UUID id, String username) {
    if (usernames.contains(username.toLowerCase(Locale.ROOT))) {
      return true;
    }
    return firstAccountIsAdmin
        && jdbc.sql("select id from users order by created_at, id limit 1")
            .query(UUID.class)
            .optional()
            .filter(id::equals)
            .isPresent();
  }
}
