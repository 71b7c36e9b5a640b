package com.tradingbacktest.app.profile;

import com.tradingbacktest.app.auth.AuthenticatedUser;
import com.tradingbacktest.app.backtest.CostRules;
import com.tradingbacktest.app.common.error.FieldValidationException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads and saves the caller's own profile; there is no way to name another user's. */
@Service
class ProfileService {

  static final int MAX_DISPLAY_NAME = 60;

  private final ProfileRepository profiles;
  private final Clock clock;

  ProfileService(ProfileRepository profiles, Clock clock) {
    this.profiles = profiles;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public ProfileResponse get(AuthenticatedUser user) {
    return ProfileResponse.of(profiles.find(user.id()).orElse(null), user.username());
  }

  /** Replaces the profile; default costs follow the rules of a run's costs ({@link CostRules}). */
  @Transactional
  public ProfileResponse save(AuthenticatedUser user, ProfileRequest request) {
    DefaultCosts costs = request.defaultCosts();
    if (costs != null) {
      Map<String, String> errors =
          CostRules.check(
              "default_costs",
              costs.preset(),
              costs.commissionRate(),
              costs.commissionFixed(),
              costs.commissionMinimum(),
              costs.sellTaxRate(),
              costs.slippageRate(),
              costs.slippageTicks());
      if (!errors.isEmpty()) {
        throw new FieldValidationException(errors);
      }
    }
    String name = request.displayName() == null ? "" : request.displayName().strip();
    ProfileRepository.Row row =
        new ProfileRepository.Row(
            name.isEmpty() ? null : name,
            request.language(),
            request.colourConvention() == null ? "auto" : request.colourConvention(),
            costs,
            // as PostgreSQL keeps it, so the answer equals what a later read returns
            clock.instant().truncatedTo(ChronoUnit.MICROS));
    profiles.save(user.id(), row);
    return ProfileResponse.of(row, user.username());
  }
}
