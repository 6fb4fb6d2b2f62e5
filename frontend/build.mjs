// Builds the front-end files Koers commits, so `make run` needs Python only:
//
//   src/koers/web/static/koers/vendor/nlds.css        NL Design System component CSS
//   src/koers/web/static/koers/vendor/koers-theme.css  our theme tokens (.koers-theme)
//   src/koers/web/static/koers/vendor/LICENSE.md       EUPL-1.2, the packages' licence
//   src/koers/web/static/koers/vendor/README.md        which packages and versions
//   tests/browser/vendor/axe.min.js (+ LICENSE, README) axe-core for the browser tests
//
// Usage: cd frontend && npm ci && npm run build. The output is deterministic:
// running it twice gives the same bytes, so a CI job can rebuild and `git diff`.
import { readFileSync, writeFileSync, mkdirSync, copyFileSync, existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, "..");
const STATIC_VENDOR = join(ROOT, "src/koers/web/static/koers/vendor");
const TEST_VENDOR = join(ROOT, "tests/browser/vendor");
const THEME = JSON.parse(readFileSync(join(HERE, "koers-theme.json"), "utf8"));
const TOKENS_PACKAGE = "@nl-design-system-unstable/voorbeeld-design-tokens";

// Component CSS, in cascade order: page structure first, then content components.
// The candidate packages are the NL Design System's newest versions of a component;
// the Utrecht library supplies what has no candidate yet.
const COMPONENTS = [
  ["@utrecht/root-css", "dist/index.min.css"],
  ["@utrecht/body-css", "dist/index.min.css"],
  ["@utrecht/document-css", "dist/index.min.css"],
  ["@utrecht/page-layout-css", "dist/index.min.css"],
  ["@utrecht/page-header-css", "dist/index.min.css"],
  ["@utrecht/nav-bar-css", "dist/index.min.css"],
  ["@utrecht/nav-list-css", "dist/index.min.css"],
  ["@utrecht/alternate-lang-nav-css", "dist/index.min.css"],
  ["@utrecht/breadcrumb-nav-css", "dist/index.min.css"],
  ["@utrecht/page-body-css", "dist/index.min.css"],
  ["@utrecht/page-content-css", "dist/index.min.css"],
  ["@utrecht/page-footer-css", "dist/index.min.css"],
  ["@nl-design-system-candidate/skip-link-css", "dist/skip-link.css"],
  ["@nl-design-system-candidate/heading-css", "dist/heading.css"],
  ["@nl-design-system-candidate/paragraph-css", "dist/paragraph.css"],
  ["@nl-design-system-candidate/link-css", "dist/link.css"],
  ["@nl-design-system-candidate/button-css", "dist/button.css"],
  ["@nl-design-system-candidate/data-badge-css", "dist/data-badge.css"],
  ["@utrecht/unordered-list-css", "dist/index.min.css"],
  ["@utrecht/ordered-list-css", "dist/index.min.css"],
  ["@utrecht/link-list-css", "dist/index.min.css"],
  ["@utrecht/data-list-css", "dist/index.min.css"],
  ["@utrecht/separator-css", "dist/index.min.css"],
  ["@utrecht/table-css", "dist/index.min.css"],
  ["@utrecht/alert-css", "dist/index.min.css"],
  ["@utrecht/button-group-css", "dist/index.min.css"],
  ["@utrecht/form-fieldset-css", "dist/index.min.css"],
  ["@utrecht/form-field-css", "dist/index.min.css"],
  ["@utrecht/form-label-css", "dist/index.min.css"],
  ["@utrecht/form-field-description-css", "dist/index.min.css"],
  ["@utrecht/form-field-error-message-css", "dist/index.min.css"],
  ["@utrecht/textbox-css", "dist/index.min.css"],
  ["@utrecht/select-css", "dist/index.min.css"],
  ["@utrecht/checkbox-css", "dist/index.min.css"],
  ["@utrecht/radio-button-css", "dist/index.min.css"],
];

// The Utrecht components come in through @utrecht/component-library-css, which
// pins their versions; npm may nest them under it or hoist them.
function packageDir(name) {
  const candidates = [
    join(HERE, "node_modules/@utrecht/component-library-css/node_modules", name),
    join(HERE, "node_modules", name),
  ];
  const found = candidates.find((dir) => existsSync(join(dir, "package.json")));
  if (!found) throw new Error(`${name} is not installed: run npm ci in frontend/`);
  return found;
}

const packageVersion = (name) =>
  JSON.parse(readFileSync(join(packageDir(name), "package.json"), "utf8")).version;

const stripSourceMaps = (css) => css.replace(/\/\*# sourceMappingURL=[^*]*\*\//g, "").trim();

const varRefs = (text) => [...text.matchAll(/var\(\s*--([a-zA-Z0-9_-]+)/g)].map((m) => m[1]);

function buildComponents() {
  const parts = COMPONENTS.map(([name, file]) => {
    const css = stripSourceMaps(readFileSync(join(packageDir(name), file), "utf8"));
    return `/* ${name}@${packageVersion(name)} */\n${css}`;
  });
  return parts.join("\n");
}

// `--name: value;` lines of the voorbeeld theme, in file order.
function readTokens() {
  const css = readFileSync(join(packageDir(TOKENS_PACKAGE), "dist/theme.css"), "utf8");
  const tokens = new Map();
  for (const line of css.split("\n")) {
    const match = line.match(/^\s*--([a-zA-Z0-9_-]+):\s*(.*?);/);
    if (match) tokens.set(match[1], match[2]);
  }
  return tokens;
}

function renamePalette(value) {
  let result = value;
  for (const [from, to] of Object.entries(THEME.paletteRename)) {
    result = result.replaceAll(`--${from}`, `--${to}`);
  }
  return result;
}

function applyTheme(voorbeeld) {
  const tokens = new Map();
  for (const [name, value] of voorbeeld) tokens.set(renamePalette(`--${name}`).slice(2), renamePalette(value));
  for (const [name, value] of Object.entries({ ...THEME.palette, ...THEME.tokens })) {
    if (!tokens.has(name)) throw new Error(`koers-theme.json sets --${name}, which the voorbeeld theme lacks`);
    tokens.set(name, value);
  }
  for (const [name, value] of tokens) {
    if (name.includes("voorbeeld") || value.includes("voorbeeld")) throw new Error(`unrenamed token --${name}`);
  }
  return tokens;
}

// Keep the basis tokens and the palette (our own CSS builds on them) plus every
// component token the vendored CSS uses, directly or through another token.
function prune(tokens, componentCss) {
  const roots = [...tokens.keys()].filter((n) => n.startsWith("basis-") || n.startsWith("koers-palette-"));
  const keep = new Set();
  const queue = [...roots, ...varRefs(componentCss)];
  while (queue.length) {
    const name = queue.pop();
    if (keep.has(name) || !tokens.has(name)) continue;
    keep.add(name);
    queue.push(...varRefs(tokens.get(name)));
  }
  return new Map([...tokens].filter(([name]) => keep.has(name)).sort(([a], [b]) => a.localeCompare(b)));
}

function resolveColour(tokens, name, seen = new Set()) {
  if (seen.has(name)) throw new Error(`token cycle at --${name}`);
  seen.add(name);
  const value = (tokens.get(name) ?? "").trim();
  const ref = value.match(/^var\(--([a-zA-Z0-9_-]+)\)$/);
  return ref ? resolveColour(tokens, ref[1], seen) : value;
}

function luminance(hex) {
  const full = hex.length === 4 ? `#${[...hex.slice(1)].map((c) => c + c).join("")}` : hex;
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(full.slice(i, i + 2), 16) / 255);
  const lin = (c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

const contrast = (a, b) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
};

// WCAG 2.1 AA 1.4.3: text needs 4.5:1; a theme change that breaks that stops the build.
function checkContrast(tokens) {
  for (const [fg, bg] of THEME.contrastPairs) {
    const [a, b] = [resolveColour(tokens, fg), resolveColour(tokens, bg)];
    if (!/^#[0-9a-f]{3,6}$/i.test(a) || !/^#[0-9a-f]{3,6}$/i.test(b)) throw new Error(`cannot resolve ${fg} / ${bg}`);
    const ratio = contrast(a, b);
    if (ratio < 4.5) throw new Error(`--${fg} ${a} on --${bg} ${b} is ${ratio.toFixed(2)}:1, below 4.5:1`);
  }
}

function themeCss(tokens) {
  const version = packageVersion(TOKENS_PACKAGE);
  const lines = [...tokens].map(([name, value]) => `  --${name}: ${value};`);
  return [
    "/**",
    ` * Koers theme tokens. Generated by frontend/build.mjs from ${TOKENS_PACKAGE}@${version}`,
    " * (EUPL-1.2, see LICENSE.md) with Koers' own values from frontend/koers-theme.json.",
    " * Do not edit: change koers-theme.json and rebuild.",
    " */",
    `.${THEME.themeClass} {`,
    ...lines,
    "}",
    "",
  ].join("\n");
}

function vendorReadme(componentNames) {
  const names = ["@utrecht/component-library-css", ...componentNames, TOKENS_PACKAGE];
  const rows = names.map((n) => `| \`${n}\` | ${packageVersion(n)} |`);
  return [
    "# Vendored NL Design System CSS",
    "",
    "Generated by `frontend/build.mjs` (`cd frontend && npm ci && npm run build`); do not edit by hand.",
    "It is committed so the site runs with Python only and loads nothing from the internet.",
    "",
    "- `nlds.css`: the component CSS of the packages below, concatenated as published",
    "  (only the source-map comments are dropped). The Utrecht components come in",
    "  through `@utrecht/component-library-css`, which pins their versions.",
    `- \`koers-theme.css\`: the design tokens of \`${TOKENS_PACKAGE}\`, under the class`,
    `  \`.${THEME.themeClass}\`, with Koers' own palette and fonts (\`frontend/koers-theme.json\`).`,
    "",
    "All packages are published by the NL Design System community under the",
    "European Union Public Licence 1.2 (`LICENSE.md`, identical in every package).",
    "",
    "| package | version |",
    "|---|---|",
    ...rows,
    "",
  ].join("\n");
}

function vendorAxe() {
  const dir = packageDir("axe-core");
  mkdirSync(TEST_VENDOR, { recursive: true });
  copyFileSync(join(dir, "axe.min.js"), join(TEST_VENDOR, "axe.min.js"));
  copyFileSync(join(dir, "LICENSE"), join(TEST_VENDOR, "LICENSE-axe-core.txt"));
  const readme = [
    "# axe-core, for the browser tests only",
    "",
    `\`axe.min.js\` is axe-core ${packageVersion("axe-core")} (Deque Systems, MPL-2.0, \`LICENSE-axe-core.txt\`),`,
    "copied by `frontend/build.mjs`. The tests inject it into each page; the site never serves it.",
    "",
  ].join("\n");
  writeFileSync(join(TEST_VENDOR, "README.md"), readme);
}

function main() {
  mkdirSync(STATIC_VENDOR, { recursive: true });
  const componentCss = buildComponents();
  const tokens = prune(applyTheme(readTokens()), componentCss);
  checkContrast(tokens);
  const header = "/* NL Design System component CSS (EUPL-1.2, see LICENSE.md). Generated by frontend/build.mjs. */\n";
  writeFileSync(join(STATIC_VENDOR, "nlds.css"), `${header}${componentCss}\n`);
  writeFileSync(join(STATIC_VENDOR, "koers-theme.css"), themeCss(tokens));
  copyFileSync(join(packageDir(TOKENS_PACKAGE), "LICENSE.md"), join(STATIC_VENDOR, "LICENSE.md"));
  writeFileSync(join(STATIC_VENDOR, "README.md"), vendorReadme(COMPONENTS.map(([name]) => name)));
  vendorAxe();
  console.log(`nlds.css and koers-theme.css written to ${STATIC_VENDOR}; axe.min.js to ${TEST_VENDOR}`);
}

main();
