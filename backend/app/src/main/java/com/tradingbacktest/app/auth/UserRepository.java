package com.tradingbacktest.app.auth;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface UserRepository extends Repository<UserAccount, UUID> {

  UserAccount saveAndFlush(UserAccount user);

  boolean existsById(UUID id);

  Optional<UserAccount> findById(UUID id);

  @Query(
      "select u from UserAccount u where lower(u.email) = lower(:login) or lower(u.username) = lower(:login)")
  Optional<UserAccount> findByEmailOrUsername(String login);

  @Query("select count(u) > 0 from UserAccount u where lower(u.email) = lower(:email)")
  boolean existsByEmail(String email);

  @Query("select count(u) > 0 from UserAccount u where lower(u.username) = lower(:username)")
  boolean existsByUsername(String username);
}
