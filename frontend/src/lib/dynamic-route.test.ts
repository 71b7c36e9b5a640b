import { describe, expect, it } from "vitest";
import { placeholderParams, segmentAfter } from "./dynamic-route";

describe("dynamic segments of the static export", () => {
  it("are exported once for the placeholder", () => {
    expect(placeholderParams("id")).toEqual([{ id: "_" }]);
  });

  it("are read from the address", () => {
    expect(segmentAfter("/strategies/3f2a", "/strategies/")).toBe("3f2a");
    expect(segmentAfter("/strategies/3f2a/trades", "/strategies/")).toBe("3f2a");
    expect(segmentAfter("/strategies/a%20b", "/strategies/")).toBe("a b");
  });

  it("give nothing for the placeholder itself or another route", () => {
    expect(segmentAfter("/strategies/_", "/strategies/")).toBeNull();
    expect(segmentAfter("/strategies/", "/strategies/")).toBeNull();
    expect(segmentAfter("/data", "/strategies/")).toBeNull();
    expect(segmentAfter("/strategies/%E0%A4%A", "/strategies/")).toBeNull();
  });
});
