#!/usr/bin/env node
/**
 * Checks the test fixtures (src/test/fixtures/*.json) against the JSON examples in
 * docs/API.md: every documented key present, the same value types, and enum values from the
 * lists the document gives. The document leaves nullability open, so null passes anywhere.
 * Keys the document does not show are listed as extras, not problems: the real backend may
 * say more than its contract (the fixtures follow the real response models).
 *
 * The document writes a few examples loosely: `[Event, ...]` for a list of another block's
 * shape, `"...": "..."` for an object with more keys than shown. Both are read as such.
 *
 * Usage: node scripts/check-fixtures.mjs   (exit status 1 and one line per problem on failure)
 */
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** Removes `// comments` outside strings; returns the JSON text and each line's comment. */
function stripComments(text) {
  let json = "";
  const comments = [];
  for (const line of text.split("\n")) {
    let inString = false;
    let cut = line.length;
    for (let i = 0; i < line.length; i += 1) {
      const char = line[i];
      if (inString && char === "\\") i += 1;
      else if (char === '"') inString = !inString;
      else if (!inString && char === "/" && line[i + 1] === "/") {
        cut = i;
        break;
      }
    }
    json += `${line.slice(0, cut)}\n`;
    comments.push({ code: line.slice(0, cut), comment: line.slice(cut + 2).trim() });
  }
  return { json, comments };
}

const REF = "$ref:";
const OPEN = "$open";

/**
 * The document's shorthands as JSON: `[Event, ...]` -> `["$ref:Event"]`, `, "...": "..."`
 * -> `, "$open": true` (an object with further keys), a trailing `, ...` in a list dropped.
 */
function relaxShorthands(json) {
  return json
    .replace(/\[\s*([A-Z]\w*)\s*,\s*\.\.\.\s*\]/g, (_whole, name) => `["${REF}${name}"]`)
    .replace(/,\s*"\.\.\."\s*:\s*"\.\.\."/g, `, "${OPEN}": true`);
}

/** The fenced JSON blocks of the document, keyed by the heading above each. */
export function parseApiDoc(markdown) {
  const blocks = new Map();
  let heading = "";
  const pattern = /^(#{2,4} .*)$|^```json\n([\s\S]*?)^```/gm;
  for (const match of markdown.matchAll(pattern)) {
    if (match[1]) {
      heading = match[1].replace(/^#+ /, "").replaceAll("`", "").trim();
      continue;
    }
    const { json, comments } = stripComments(match[2]);
    blocks.set(heading, { value: JSON.parse(relaxShorthands(json)), comments });
  }
  return blocks;
}

/** Words of the comment on the line that sets `key`, e.g. the list of states. */
function commentWords(block, key) {
  const line = block.comments.find(({ code }) => code.includes(`"${key}":`));
  if (!line) throw new Error(`docs/API.md: no line for "${key}"`);
  return line.comment.replace(/\([^)]*\)/g, " ").split(/\s+/).filter(Boolean);
}

/** A JSON object written in the comment of a line whose example value is null (a nullable shape). */
function nullableShapes(block) {
  const shapes = new Map();
  for (const { code, comment } of block.comments) {
    const key = code.match(/"(\w+)":\s*null/);
    if (key && comment.startsWith("{")) shapes.set(key[1], JSON.parse(comment));
  }
  return shapes;
}

function listAfter(markdown, label) {
  const match = markdown.match(new RegExp(`^${label}:([\\s\\S]*?)\\.$`, "m"));
  if (!match) throw new Error(`docs/API.md: no "${label}:" list`);
  return match[1].split(/\s+/).filter(Boolean);
}

function kind(value) {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value;
}

const ISO_TIME = /^\d{4}-\d\d-\d\dT/;

/**
 * Compares `actual` with the documented example `expected`. `out.problems` gets one line per
 * difference, `out.extras` one per key that the document does not show.
 */
function compareShape(expected, actual, path, out, shapes = new Map()) {
  const { problems } = out;
  if (actual === null) return;
  if (typeof expected === "string" && expected.startsWith(REF)) {
    const block = out.blocks.get(expected.slice(REF.length));
    if (!block) throw new Error(`docs/API.md: no block for ${expected}`);
    compareShape(block.value, actual, path, out);
    return;
  }
  if (expected === null) {
    const key = path.split(".").at(-1);
    if (shapes.has(key)) compareShape(shapes.get(key), actual, path, out);
    return;
  }
  if (kind(expected) !== kind(actual)) {
    problems.push(`${path}: expected ${kind(expected)}, got ${kind(actual)}`);
    return;
  }
  if (typeof expected === "string" && ISO_TIME.test(expected) && !ISO_TIME.test(actual)) {
    problems.push(`${path}: expected an ISO 8601 time, got ${JSON.stringify(actual)}`);
  }
  if (kind(expected) === "array" && expected.length > 0) {
    actual.forEach((item, index) => compareShape(expected[0], item, `${path}[${index}]`, out));
  }
  // An empty example object (an event's `data`) stands for free-form extra figures.
  if (kind(expected) === "object" && Object.keys(expected).length > 0) {
    for (const key of Object.keys(expected)) {
      if (key === OPEN) continue;
      if (!(key in actual)) problems.push(`${path}.${key}: missing`);
      else compareShape(expected[key], actual[key], `${path}.${key}`, out, shapes);
    }
    if (expected[OPEN]) return;
    for (const key of Object.keys(actual)) {
      if (!(key in expected)) out.extras.push(`${path}.${key}: not in docs/API.md`);
    }
  }
}

function checkEnum(value, allowed, path, problems) {
  // null may stand anywhere; a missing key is reported by the shape comparison already.
  if (value !== null && value !== undefined && !allowed.includes(value)) {
    problems.push(`${path}: ${JSON.stringify(value)} is not one of ${allowed.join(" ")}`);
  }
}

/**
 * The summary of an incident, from the list's line in the document: the report's example
 * values of the keys it names (`{"id", "started_at", ...}`).
 */
function incidentSummary(markdown, report) {
  const item = markdown.match(/^- `GET \/api\/watchdog\/incidents\?limit=N`[\s\S]*?(?=^- |^#)/m);
  const written = item ? [...item[0].matchAll(/`(\{"[^`]*\})`/g)].at(-1) : undefined;
  if (!written) throw new Error("docs/API.md: no summary keys for GET /api/watchdog/incidents");
  const keys = [...written[1].matchAll(/"(\w+)"/g)].map((match) => match[1]);
  return Object.fromEntries(keys.map((key) => [key, report.value[key]]));
}

/** The document's shape for a fixture, chosen by its file name; null for an unknown name. */
const KINDS = [
  ["backend-status", "backend"],
  ["watchdog-status-", "snapshot"],
  ["watchdog-warnings", "snapshot"],
  ["watchdog-events", "events"],
  ["watchdog-incidents", "incidents"],
  ["watchdog-incident", "incident"],
];
const KNOWN_NAMES = KINDS.map(([prefix]) => `${prefix}*`).join(", ");

/**
 * Returns `{problems, extras}` of `fixtures` ([{name, data}]) against the document's text.
 * File names choose the shape (KINDS).
 */
export function checkFixtures(markdown, fixtures) {
  const blocks = parseApiDoc(markdown);
  const backend = blocks.get("GET /api/v1/system/status");
  const snapshot = blocks.get("Snapshot");
  const event = blocks.get("Event");
  const report = blocks.get("Incident report");
  if (!backend || !snapshot || !event || !report) {
    throw new Error("docs/API.md: an example block is missing");
  }
  const summary = incidentSummary(markdown, report);
  const states = commentWords(snapshot, "state");
  const healths = commentWords(snapshot, "health");
  const eventNames = listAfter(markdown, "Event names");
  const reasons = listAfter(markdown, "Reasons");
  const out = { problems: [], extras: [], blocks };
  const { problems } = out;
  const checkEvent = (item, path) => {
    checkEnum(item.event, eventNames, `${path}.event`, problems);
    checkEnum(item.reason, reasons, `${path}.reason`, problems);
    checkEnum(item.state, states, `${path}.state`, problems);
    checkEnum(item.previous, states, `${path}.previous`, problems);
  };
  for (const { name, data } of fixtures) {
    const kind = KINDS.find(([prefix]) => name.startsWith(prefix))?.[1];
    if (kind === "backend") {
      compareShape(backend.value, data, name, out);
    } else if (kind === "snapshot") {
      compareShape(snapshot.value, data, name, out, nullableShapes(snapshot));
      checkEnum(data.state, states, `${name}.state`, problems);
      checkEnum(data.health, healths, `${name}.health`, problems);
      checkEnum(data.last_failure_reason, reasons, `${name}.last_failure_reason`, problems);
    } else if (kind === "events") {
      compareShape({ events: [event.value] }, data, name, out);
      (data.events ?? []).forEach((item, index) => checkEvent(item, `${name}.events[${index}]`));
    } else if (kind === "incidents") {
      compareShape({ incidents: [summary] }, data, name, out);
      (data.incidents ?? []).forEach((item, index) =>
        checkEnum(item.reason, reasons, `${name}.incidents[${index}].reason`, problems),
      );
    } else if (kind === "incident") {
      compareShape(report.value, data, name, out);
      checkEnum(data.reason, reasons, `${name}.reason`, problems);
      (data.timeline ?? []).forEach((item, index) => checkEvent(item, `${name}.timeline[${index}]`));
    } else {
      problems.push(`${name}: unknown fixture name (${KNOWN_NAMES})`);
    }
  }
  return { problems: out.problems, extras: out.extras };
}

function main() {
  const here = dirname(fileURLToPath(import.meta.url));
  const markdown = readFileSync(join(here, "..", "..", "docs", "API.md"), "utf8");
  const folder = join(here, "..", "src", "test", "fixtures");
  const fixtures = readdirSync(folder)
    .filter((file) => file.endsWith(".json"))
    .sort()
    .map((file) => ({
      name: file.replace(/\.json$/, ""),
      data: JSON.parse(readFileSync(join(folder, file), "utf8")),
    }));
  const { problems, extras } = checkFixtures(markdown, fixtures);
  for (const extra of extras) console.log(`note: ${extra}`);
  for (const problem of problems) console.error(problem);
  console.log(`${fixtures.length} fixtures checked against docs/API.md: ${problems.length} problems`);
  process.exitCode = problems.length ? 1 : 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
