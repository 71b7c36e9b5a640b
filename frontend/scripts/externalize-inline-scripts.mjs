// Moves every inline <script> of the static export into a file of its own, so the pages run under the
// app's Content-Security-Policy `script-src 'self'` with no 'unsafe-inline' and no per-build hashes.
// Next.js writes three kinds of inline scripts into each page (the Turbopack bootstrap and the React
// Server Components payload pushes); a parser-blocking <script src> runs at the same point in the
// document as the inline one did, so the order of execution is unchanged.
//   node scripts/externalize-inline-scripts.mjs [outDir]     (npm run build runs it after next build)
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";

const outDir = resolve(process.argv[2] ?? "out");
const scriptDir = join(outDir, "_next", "static", "inline");
const publicPath = "/_next/static/inline";
const SCRIPT = /<script((?:\s+[^>]*?)?)>([\s\S]*?)<\/script>/g;
const EXECUTABLE_TYPES = new Set(["", "text/javascript", "application/javascript", "module"]);

function htmlFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return path === join(outDir, "_next") ? [] : htmlFiles(path);
    return name.endsWith(".html") ? [path] : [];
  });
}

mkdirSync(scriptDir, { recursive: true });
const written = new Set();
let pages = 0;
let moved = 0;

for (const file of htmlFiles(outDir)) {
  const html = readFileSync(file, "utf8");
  const rewritten = html.replace(SCRIPT, (whole, attributes, body) => {
    if (/\ssrc\s*=/.test(attributes) || body.trim() === "") return whole;
    const type = (/\stype\s*=\s*"([^"]*)"/.exec(attributes)?.[1] ?? "").toLowerCase();
    if (!EXECUTABLE_TYPES.has(type)) return whole; // JSON data blocks are not executed
    const hash = createHash("sha256").update(body).digest("hex").slice(0, 20);
    const name = `${hash}.js`;
    if (!written.has(name)) {
      writeFileSync(join(scriptDir, name), body);
      written.add(name);
    }
    moved += 1;
    return `<script${attributes} src="${publicPath}/${name}"></script>`;
  });
  if (rewritten !== html) {
    writeFileSync(file, rewritten);
    pages += 1;
  }
  if (/<script(?![^>]*\ssrc=)[^>]*>\s*[^<\s]/.test(rewritten)) {
    throw new Error(`an inline script is left in ${relative(outDir, file)}`);
  }
}

console.log(
  `Externalised ${moved} inline scripts from ${pages} pages into ${written.size} files under ${relative(process.cwd(), scriptDir)}`,
);
