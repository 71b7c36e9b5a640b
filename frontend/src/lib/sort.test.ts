import { describe, expect, it } from "vitest";
import { ariaSort, parseSort, sortParam, toggledSort } from "./sort";

describe("server-side sorting", () => {
  it("turns the sorted column round, and starts another one by its kind", () => {
    const sort = { field: "created_at", direction: "desc" } as const;
    expect(toggledSort(sort, "created_at", ["name"])).toEqual({ field: "created_at", direction: "asc" });
    expect(toggledSort(sort, "name", ["name"])).toEqual({ field: "name", direction: "asc" });
    expect(toggledSort(sort, "updated_at", ["name"])).toEqual({ field: "updated_at", direction: "desc" });
    expect(sortParam(sort)).toBe("created_at,desc");
  });

  it("says how a header is sorted", () => {
    expect(ariaSort("asc")).toBe("ascending");
    expect(ariaSort("desc")).toBe("descending");
    expect(ariaSort(false)).toBe("none");
    expect(ariaSort(undefined)).toBeUndefined();
  });

  it("reads a sort from the address only when its field and direction are known", () => {
    const fields = ["created_at", "total_return"] as const;
    expect(parseSort("total_return,desc", fields)).toEqual({ field: "total_return", direction: "desc" });
    expect(parseSort("total_return", fields)).toEqual({ field: "total_return", direction: "asc" });
    expect(parseSort("result,desc", fields)).toBeNull();
    expect(parseSort("total_return,up", fields)).toBeNull();
    expect(parseSort("total_return,desc,x", fields)).toBeNull();
    expect(parseSort(null, fields)).toBeNull();
  });
});
