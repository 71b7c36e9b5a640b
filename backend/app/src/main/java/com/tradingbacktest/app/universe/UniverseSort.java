package com.tradingbacktest.app.universe;

import org.springframework.data.domain.Sort;

/**
 * The {@code sort} parameter of the list: {@code field[,asc|desc]}, ties broken by id for stable
 * pages.
 */
final class UniverseSort {

  static final String PATTERN = "(name|created_at|updated_at)(,(asc|desc))?";
  static final String DEFAULT = "name,asc";

  private UniverseSort() {}

  /**
   * {@code value} must match {@link #PATTERN}. Names sort case-insensitively; the direction
   * defaults to asc.
   */
  static Sort parse(String value) {
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
