package com.tradingbacktest.app.auth;

import java.time.Instant;
import java.util.UUID;

/**
 * @param admin whether the user administers shared market data ({@link Administrators})
 */
record UserResponse(UUID id, String email, String username, Instant createdAt, boolean admin) {

  static UserResponse of(UserAccount user, boolean admin) {
    return new UserResponse(user.getId(), user.email(), user.username(), user.createdAt(), admin);
  }
}
