// Builds the web app into OUT_DIR (index.html, app.js, app.css, sw.js), as
// the CMake build runs it: API types from proto/ (protoc with protoc-gen-es),
// a type check (tsc) of the app and of its service worker, a bundle of each
// (esbuild) and one stylesheet (sass).
//
// Usage: node build.mjs PROTO_DIR OUT_DIR
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";
import * as sass from "sass";

const here = dirname(fileURLToPath(import.meta.url));
const [protoDir, outDir] = process.argv.slice(2);
const gen = join(here, "src", "gen");

rmSync(gen, { recursive: true, force: true });
mkdirSync(gen, { recursive: true });
const protos = readdirSync(join(protoDir, "healthcheck", "v1"))
  .filter((f) => f.endsWith(".proto"))
  .map((f) => join(protoDir, "healthcheck", "v1", f));
execFileSync("protoc", [
  `-I${protoDir}`,
  `--plugin=protoc-gen-es=${join(here, "node_modules", ".bin", "protoc-gen-es")}`,
  `--es_out=${gen}`, "--es_opt=target=ts", ...protos,
], { stdio: "inherit" });

for (const project of [here, join(here, "worker")]) {
  execFileSync(join(here, "node_modules", ".bin", "tsc"), ["--noEmit", "-p", project],
               { stdio: "inherit" });
}

mkdirSync(outDir, { recursive: true });
await esbuild.build({
  entryPoints: [join(here, "src", "main.tsx")],
  bundle: true,
  minify: true,
  format: "esm",
  target: "es2020",
  jsx: "automatic",
  jsxImportSource: "preact",
  outfile: join(outDir, "app.js"),
  logLevel: "warning",
});
await esbuild.build({
  entryPoints: [join(here, "worker", "service_worker.ts")],
  bundle: true,
  minify: true,
  format: "iife",
  target: "es2020",
  outfile: join(outDir, "sw.js"),
  logLevel: "warning",
});
const css = sass.compile(join(here, "src", "app.scss"), {
  loadPaths: [join(here, "node_modules")],
  style: "compressed",
  quietDeps: true,
  silenceDeprecations: ["import", "mixed-decls", "global-builtin"],
});
writeFileSync(join(outDir, "app.css"), css.css);
copyFileSync(join(here, "index.html"), join(outDir, "index.html"));
