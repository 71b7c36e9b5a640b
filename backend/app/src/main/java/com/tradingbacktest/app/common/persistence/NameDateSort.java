package com.tradingbacktest.app.common.persistence;

import org.springframework.data.domain.Sort;

/**
 * The {@code sort} parameter of lists of named, dated records (strategies, universes): {@code
 * field[,asc|desc]} with field one of name, created_at, updated_at; ties broken by id for stable
 * pages. The entity must have {@code name}, {@code createdAt}, {@code updatedAt} and {@code id}.
 */
public final class NameDateSort {

  /** What the parameter must match; for {@code @Pattern}. */
  public static final String PATTERN = "(name|created_at|updated_at)(,(asc|desc))?";

  /** The validation message when it does not. */
  public static final String MESSAGE =
      "must be name, created_at or updated_at, optionally followed by ,asc or ,desc";

  private NameDateSort() {}

  /**
   * {@code value} must match {@link #PATTERN}. Names sort case-insensitively; the direction
   * defaults to asc.
   */
  public static Sort parse(String value) {
    String[] parts = value.split(",", -1);
    Sort.Direction direction =
        parts.length > 1 && parts[1].equals("desc") ? Sort.Direction.DESC : Sort.Direction.ASC;
    Sort.Order order =
        switch (parts[0]) {
          case "name" -> new Sort.Order(direction, "name").ignoreCase();
          case "created_at" -> new Sort.Order(direction, "createdAt");
          default -> new Sort.Order(direction, "updatedAt");
        };
    return Sort.by(order, Sort.Order.asc("id"));
  }
}
