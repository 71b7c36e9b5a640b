package com.tradingbacktest.app.auth;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.Instant;
import java.util.UUID;
import org.springframework.data.domain.Persistable;

/** A person who signs in. The password is only ever held as a bcrypt hash. */
@Entity
@Table(name = "users")
class UserAccount implements Persistable<UUID> {

  @Id
  private UUID id;

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

  @Transient
  private boolean isNew;

  protected UserAccount() {}

  static UserAccount register(String email, String username, String passwordHash, Instant now) {
    UserAccount user = new UserAccount();
    user.id = UUID.randomUUID();
    user.email = email;
    user.username = username;
    user.passwordHash = passwordHash;
    user.createdAt = now;
    user.updatedAt = now;
    user.isNew = true;
    return user;
  }

  @Override
  public UUID getId() {
    return id;
  }

  @Override
  public boolean isNew() {
    return isNew;
  }

  @PostLoad
  @PostPersist
  void markPersisted() {
    isNew = false;
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
