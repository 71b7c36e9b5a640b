import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { setLanguage } from "@/lib/i18n";
import {
  COLOUR_CONVENTION_ATTRIBUTE,
  COLOUR_CONVENTION_STORAGE_KEY,
  colourConventionStore,
  resolveColourConvention,
  setColourConvention,
} from "./colour-convention";
import { divergingColor } from "./heatmap";

const read = (path: string) => readFileSync(fileURLToPath(new URL(path, import.meta.url)), "utf8");

/** The declarations of one CSS rule of globals.css, by its exact selector. */
function rule(css: string, selector: string): Record<string, string> {
  const start = css.indexOf(`${selector} {`);
  expect(start, selector).toBeGreaterThanOrEqual(0);
  const body = css.slice(css.indexOf("{", start) + 1, css.indexOf("}", start)).replace(/\/\*[\s\S]*?\*\//g, "");
  return Object.fromEntries(
    body
      .split(";")
      .map((line) => line.trim().split(/:\s*/))
      .filter(([name]) => name?.startsWith("--"))
      .map(([name, value]) => [name!, value!]),
  );
}

/** The hue of an `oklch(l c h)` colour. */
const hue = (colour: string) => Number(/oklch\([\d.]+ [\d.]+ ([\d.]+)\)/.exec(colour)?.[1]);

afterEach(() => {
  setColourConvention("auto");
  setLanguage("en");
  localStorage.clear();
});

describe("the colour convention", () => {
  it("resolves auto by the language: red up in Korean, green up in English", () => {
    expect(resolveColourConvention("auto", "ko")).toBe("red-up");
    expect(resolveColourConvention("auto", "en")).toBe("green-up");
  });

  it("keeps an explicit choice whatever the language", () => {
    expect(resolveColourConvention("green-up", "ko")).toBe("green-up");
    expect(resolveColourConvention("red-up", "en")).toBe("red-up");
  });

  it("marks <html> as the choice or the language changes, and remembers the choice", () => {
    const attribute = () => document.documentElement.getAttribute(COLOUR_CONVENTION_ATTRIBUTE);
    setLanguage("en");
    expect(attribute()).toBe("green-up");
    setLanguage("ko");
    expect(attribute()).toBe("red-up");
    setColourConvention("green-up");
    expect(attribute()).toBe("green-up");
    expect(localStorage.getItem(COLOUR_CONVENTION_STORAGE_KEY)).toBe("green-up");
    expect(colourConventionStore.getState().convention).toBe("green-up");
  });

  it("is applied before paint by public/boot.js with the same rules", () => {
    const boot = read("../../public/boot.js");
    const run = (stored: Record<string, string>) => {
      localStorage.clear();
      for (const [key, value] of Object.entries(stored)) localStorage.setItem(key, value);
      document.documentElement.removeAttribute(COLOUR_CONVENTION_ATTRIBUTE);
      new Function(boot)();
      return document.documentElement.getAttribute(COLOUR_CONVENTION_ATTRIBUTE);
    };
    expect(run({ "tb-language": "ko" })).toBe("red-up");
    expect(run({ "tb-language": "en" })).toBe("green-up");
    expect(run({ "tb-language": "ko", [COLOUR_CONVENTION_STORAGE_KEY]: "green-up" })).toBe("green-up");
    expect(run({ "tb-language": "en", [COLOUR_CONVENTION_STORAGE_KEY]: "red-up" })).toBe("red-up");
    expect(run({ "tb-language": "ko", [COLOUR_CONVENTION_STORAGE_KEY]: "purple" })).toBe("red-up");
  });
});

describe("the up and down colours of globals.css", () => {
  const css = read("../app/globals.css");

  it("are green up and red down unless the convention is red up", () => {
    for (const selector of [":root", ".dark"]) {
      const colours = rule(css, selector);
      expect(hue(colours["--gain"]!), selector).toBeGreaterThan(120);
      expect(hue(colours["--gain"]!), selector).toBeLessThan(170);
      expect(hue(colours["--loss"]!), selector).toBeLessThan(40);
    }
  });

  it("are red up and blue down in light and dark under red-up", () => {
    for (const selector of [':root[data-updown="red-up"]', '.dark[data-updown="red-up"]']) {
      const colours = rule(css, selector);
      expect(hue(colours["--gain"]!), selector).toBeLessThan(40);
      expect(hue(colours["--loss"]!), selector).toBeGreaterThan(230);
      expect(hue(colours["--loss"]!), selector).toBeLessThan(270);
    }
  });

  it("colour the monthly-returns heatmap through the variables, so it follows the convention", () => {
    expect(divergingColor(0.04, 0.1)).toContain("var(--gain)");
    expect(divergingColor(-0.04, 0.1)).toContain("var(--loss)");
    expect(divergingColor(0.04, 0.1)).toMatch(/^color-mix\(in oklch, var\(--gain\) \d+%, transparent\)$/);
  });
});
