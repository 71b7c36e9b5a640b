import { describe, expect, it } from "vitest";
import { en } from "./en";
import { translate } from "./index";
import { ko } from "./ko";
import { detectLanguage } from "./store";

function keys(node: unknown, prefix = ""): string[] {
  return Object.entries(node as Record<string, unknown>).flatMap(([key, value]) =>
    typeof value === "string" ? [`${prefix}${key}`] : keys(value, `${prefix}${key}.`),
  );
}

describe("the dictionary", () => {
  it("has every English string in Korean too, none left empty", () => {
    expect(keys(ko).sort()).toEqual(keys(en).sort());
    for (const key of keys(ko)) expect(translate("ko", key).trim(), key).not.toBe("");
  });

  it("fills in values, grouping numbers for the language", () => {
    expect(translate("en", "common.showingRange", { from: 1, to: 20, total: 1234 })).toBe("1–20 of 1,234");
    expect(translate("ko", "common.showingRange", { from: 1, to: 20, total: 1234 })).toBe("전체 1,234개 중 1–20");
  });

  it("picks the singular or plural form by count", () => {
    expect(translate("en", "strategies.errorCount", { count: 1 })).toBe("1 error");
    expect(translate("en", "strategies.errorCount", { count: 3 })).toBe("3 errors");
    expect(translate("ko", "strategies.errorCount", { count: 3 })).toBe("오류 3개");
  });

  it("falls back to the key for an unknown one", () => {
    expect(translate("en", "no.such.key")).toBe("no.such.key");
  });
});

describe("the starting language", () => {
  it("is the saved choice, else the browser's first one we speak, else English", () => {
    expect(detectLanguage("ko", ["en-US"])).toBe("ko");
    expect(detectLanguage(null, ["ko-KR", "en-US"])).toBe("ko");
    expect(detectLanguage(null, ["fr-FR", "en-GB"])).toBe("en");
    expect(detectLanguage("xx", ["ja-JP"])).toBe("en");
  });
});
