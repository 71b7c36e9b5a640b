package com.tradingbacktest.app.common.persistence;

import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Transient;
import java.util.UUID;
import org.springframework.data.domain.Persistable;

/**
 * An entity whose UUID the application assigns when creating it. Spring Data would take an entity
 * with an id for an existing one and merge it (a needless SELECT before every INSERT); {@link
 * #isNew()} tells it the truth instead.
 */
@MappedSuperclass
public abstract class AssignedIdEntity implements Persistable<UUID> {

  @Id private UUID id;

  @Transient private boolean isNew;

  protected AssignedIdEntity() {}

  /** Gives a new entity its id; call once, from the entity's factory. */
  protected void assignNewId() {
    id = UUID.randomUUID();
    isNew = true;
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
}
