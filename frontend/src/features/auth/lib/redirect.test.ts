import { describe, expect, it } from "vitest";
import { loginPath, otherAuthPath, safeNext } from "./redirect";

describe("where to go after signing in", () => {
  it("keeps a path on this site with its query", () => {
    expect(safeNext("/strategies/abc?tab=code")).toBe("/strategies/abc?tab=code");
  });

  it("refuses other sites and odd schemes", () => {
    expect(safeNext("https://evil.example/")).toBe("/dashboard");
    expect(safeNext("//evil.example/x")).toBe("/dashboard");
    expect(safeNext("/\\evil.example")).toBe("/dashboard");
    expect(safeNext("javascript:alert(1)")).toBe("/dashboard");
    expect(safeNext(null)).toBe("/dashboard");
  });

  it("does not loop back to the login pages", () => {
    expect(safeNext("/login?next=/x")).toBe("/dashboard");
  });

  it("carries next between the login and register pages unless it is the dashboard", () => {
    expect(otherAuthPath("/register", "/dashboard")).toBe("/register");
    expect(otherAuthPath("/login", "/data?q=AAPL")).toBe("/login?next=%2Fdata%3Fq%3DAAPL");
  });

  it("round-trips through the login address", () => {
    const path = loginPath("/data?q=AAPL");
    expect(path).toBe("/login?next=%2Fdata%3Fq%3DAAPL");
    expect(safeNext(new URL(path, "http://x").searchParams.get("next"))).toBe("/data?q=AAPL");
  });
});
