package com.tradingbacktest.app.auth;

import java.time.Instant;
import java.util.UUID;

record UserResponse(UUID id, String email, String username, Instant createdAt) {

  static UserResponse of(UserAccount user) {
    return new UserResponse(user.getId(), user.email(), user.username(), user.createdAt());
  }
}
