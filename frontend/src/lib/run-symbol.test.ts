import { describe, expect, it } from "vitest";
import { translate, type Translate } from "@/lib/i18n";
import { runSymbolText } from "./run-symbol";

describe("runSymbolText", () => {
  const en: Translate = (key, vars) => translate("en", key, vars);
  const ko: Translate = (key, vars) => translate("ko", key, vars);

  it("shows a single-symbol run's ticker alone", () => {
    expect(runSymbolText("AAPL", 1, en)).toBe("AAPL");
    expect(runSymbolText("AAPL", undefined, ko)).toBe("AAPL");
  });

  it("shows a portfolio run's first ticker and how many more it trades", () => {
    expect(runSymbolText("SYN-TECH", 8, en)).toBe("SYN-TECH +7");
    expect(runSymbolText("SYN-TECH", 8, ko)).toBe("SYN-TECH 외 7개");
  });
});
