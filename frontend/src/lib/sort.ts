/** How a list the server sorts is sorted: one field, one direction, sent as `field,direction`. */
export type SortDirection = "asc" | "desc";
export interface Sort<F extends string = string> {
  field: F;
  direction: SortDirection;
}

/**
 * A click on a column's header: the sorted column turns round; another column starts ascending when
 * it is one of `ascendingFirst` (names, symbols: A first), else descending (newest, largest first).
 */
export function toggledSort<F extends string>(sort: Sort<F>, field: F, ascendingFirst: readonly F[]): Sort<F> {
  if (sort.field === field) return { field, direction: sort.direction === "asc" ? "desc" : "asc" };
  return { field, direction: ascendingFirst.includes(field) ? "asc" : "desc" };
}

/** The API's `sort` parameter. */
export function sortParam(sort: Sort): string {
  return `${sort.field},${sort.direction}`;
}

/** A header's aria-sort: how the column is sorted now; none when it could be and is not; nothing when it cannot be. */
export function ariaSort(sorted: SortDirection | false | undefined): "ascending" | "descending" | "none" | undefined {
  if (sorted === undefined) return undefined;
  return sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : "none";
}

/** A `field,direction` value (from the address) as a sort, when its field is one of `fields`; else null. */
export function parseSort<F extends string>(value: string | null | undefined, fields: readonly F[]): Sort<F> | null {
  const [field, direction = "asc", ...rest] = (value ?? "").split(",");
  if (rest.length > 0 || !(fields as readonly string[]).includes(field ?? "")) return null;
  if (direction !== "asc" && direction !== "desc") return null;
  return { field: field as F, direction };
}
