import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

const FEATURES = ["auth", "strategies", "market-data", "home", "backtests", "analytics", "universes", "robustness", "settings"];

/**
 * Next's rules, plus the architecture (the layout in README.md): features never import each other (pages
 * compose them); shared code (components, lib, hooks, config) imports no feature and no route; no cycles.
 * Layout of the code is Prettier's alone (npm run format): no rule enabled here is a formatting rule, so
 * eslint-config-prettier would switch nothing off.
 */
const config = [
  ...nextVitals,
  ...nextTypescript,
  {
    ignores: [".next/**", "out/**", "node_modules/**", "e2e/artifacts/**", "next-env.d.ts", "src/lib/api/schema.d.ts"],
  },
  {
    files: ["src/**/*.{ts,tsx}"],
    rules: {
      "import/no-cycle": ["error", { maxDepth: 10 }],
      "import/no-restricted-paths": [
        "error",
        {
          zones: [
            ...FEATURES.map((feature) => ({
              target: `./src/features/${feature}`,
              from: "./src/features",
              except: [`./${feature}`],
              message: "Features don't import each other; compose them in src/app.",
            })),
            {
              target: ["./src/components", "./src/lib", "./src/hooks", "./src/config"],
              from: ["./src/features", "./src/app"],
              message: "Shared code must not depend on features or routes.",
            },
            { target: "./src/features", from: "./src/app", message: "Features don't import routes." },
          ],
        },
      ],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      // Only informs about the React Compiler, which this app does not use.
      "react-hooks/incompatible-library": "off",
    },
  },
  {
    files: ["e2e/**/*.mjs", "scripts/**/*.mjs"],
    languageOptions: {
      globals: { console: "readonly", process: "readonly", Buffer: "readonly", window: "readonly", document: "readonly" },
    },
    // Plain scripts have no type checker behind them: a name the harness stopped exporting must fail lint.
    rules: { "no-undef": "error" },
  },
];

export default config;
