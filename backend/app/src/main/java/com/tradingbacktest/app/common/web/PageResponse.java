package com.tradingbacktest.app.common.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.function.Function;
import org.springframework.data.domain.Page;

/**
 * One page of a list endpoint: the items and where they stand in the whole. Pages are 0-based.
 *
 * @param items this page's items, in the requested order
 * @param page this page's number, from 0
 * @param size the page size asked for (the last page may hold fewer items)
 * @param totalItems items on all pages together
 * @param totalPages how many pages there are; 0 when there are no items
 */
public record PageResponse<T>(
    List<T> items,
    @Schema(example = "0") int page,
    @Schema(example = "20") int size,
    @Schema(example = "42") long totalItems,
    @Schema(example = "3") int totalPages) {

  public PageResponse {
    items = List.copyOf(items);
  }

  /**
   * A page read with OFFSET/LIMIT: {@code items} of page {@code page} (size {@code size}) out of
   * {@code total}.
   */
  public static <T> PageResponse<T> of(List<T> items, int page, int size, long total) {
    return new PageResponse<>(items, page, size, total, (int) ((total + size - 1) / size));
  }

  public static <T> PageResponse<T> of(Page<T> page) {
    return new PageResponse<>(
        page.getContent(),
        page.getNumber(),
        page.getSize(),
        page.getTotalElements(),
        page.getTotalPages());
  }

  public static <S, T> PageResponse<T> of(Page<S> page, Function<? super S, ? extends T> mapper) {
    return of(page.map(mapper));
  }
}
