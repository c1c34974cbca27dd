/** Types for check-fixtures.mjs, so the TypeScript tests can import it. */
export interface Fixture {
  name: string;
  data: unknown;
}

export interface FixtureReport {
  /** Missing keys, wrong types, values outside the documented lists. */
  problems: string[];
  /** Keys that docs/API.md does not show (the backend may say more than its contract). */
  extras: string[];
}

export function checkFixtures(markdown: string, fixtures: Fixture[]): FixtureReport;
export function parseApiDoc(markdown: string): Map<string, { value: unknown }>;
