package com.tradingbacktest.app.auth;

import com.tradingbacktest.app.common.persistence.AssignedIdEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/** A person who signs in. The password is only ever held as a bcrypt hash. */
@Entity
@Table(name = "users")
class UserAccount extends AssignedIdEntity {

  @Column(nullable = false)
  private String email;

  @Column(nullable = false)
  private String username;

  @Column(name = "password_hash", nullable = false)
  private String passwordHash;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected UserAccount() {}

  static UserAccount register(String email, String username, String passwordHash, Instant now) {
    UserAccount user = new UserAccount();
    user.assignNewId();
    user.email = email;
    user.username = username;
    user.passwordHash = passwordHash;
    user.createdAt = now;
    user.updatedAt = now;
    return user;
  }

  String email() {
    return email;
  }

  String username() {
    return username;
  }

  String passwordHash() {
    return passwordHash;
  }

  Instant createdAt() {
    return createdAt;
  }
}
