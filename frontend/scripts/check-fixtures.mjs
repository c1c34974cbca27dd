#!/usr/bin/env node
/**
 * Checks the test fixtures (src/test/fixtures/*.json) against the JSON examples in
 * docs/API.md: every documented key present, the same value types, and enum values from the
 * lists the document gives. The document leaves nullability open, so null passes anywhere.
 * Keys the document does not show are listed as extras, not problems: the real backend may
 * say more than its contract (the fixtures follow the real response models).
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
    blocks.set(heading, { value: JSON.parse(json), comments });
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
      if (!(key in actual)) problems.push(`${path}.${key}: missing`);
      else compareShape(expected[key], actual[key], `${path}.${key}`, out, shapes);
    }
    for (const key of Object.keys(actual)) {
      if (!(key in expected)) out.extras.push(`${path}.${key}: not in docs/API.md`);
    }
  }
}

function checkEnum(value, allowed, path, problems) {
  if (value !== null && !allowed.includes(value)) {
    problems.push(`${path}: ${JSON.stringify(value)} is not one of ${allowed.join(" ")}`);
  }
}

/**
 * Returns `{problems, extras}` of `fixtures` ([{name, data}]) against the document's text.
 * File names choose the shape: backend-status*, watchdog-status-*, watchdog-events*.
 */
export function checkFixtures(markdown, fixtures) {
  const blocks = parseApiDoc(markdown);
  const backend = blocks.get("GET /api/v1/system/status");
  const snapshot = blocks.get("Snapshot");
  const event = blocks.get("Event");
  if (!backend || !snapshot || !event) throw new Error("docs/API.md: an example block is missing");
  const states = commentWords(snapshot, "state");
  const healths = commentWords(snapshot, "health");
  const eventNames = listAfter(markdown, "Event names");
  const reasons = listAfter(markdown, "Reasons");
  const out = { problems: [], extras: [] };
  const { problems } = out;
  for (const { name, data } of fixtures) {
    if (name.startsWith("backend-status")) {
      compareShape(backend.value, data, name, out);
    } else if (name.startsWith("watchdog-status-")) {
      compareShape(snapshot.value, data, name, out, nullableShapes(snapshot));
      checkEnum(data.state, states, `${name}.state`, problems);
      checkEnum(data.health, healths, `${name}.health`, problems);
      checkEnum(data.last_failure_reason, reasons, `${name}.last_failure_reason`, problems);
    } else if (name.startsWith("watchdog-events")) {
      compareShape({ events: [event.value] }, data, name, out);
      (data.events ?? []).forEach((item, index) => {
        const path = `${name}.events[${index}]`;
        checkEnum(item.event, eventNames, `${path}.event`, problems);
        checkEnum(item.reason, reasons, `${path}.reason`, problems);
        checkEnum(item.state, states, `${path}.state`, problems);
        checkEnum(item.previous, states, `${path}.previous`, problems);
      });
    } else {
      problems.push(`${name}: unknown fixture name (backend-status*, watchdog-status-*, watchdog-events*)`);
    }
  }
  return out;
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
