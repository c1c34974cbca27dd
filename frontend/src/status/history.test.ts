import { describe, expect, it } from "vitest";
import { addSample, HISTORY_WINDOW_MS, seriesOf, type Sample } from "./history";
import { sparklinePoints } from "./sparklinePoints";

const sample = (at: number, cpu: number | null = 1): Sample => ({
  at,
  cpuPercent: cpu,
  ramPercent: 50,
  latencyMs: null,
});

describe("history", () => {
  it("drops samples older than the window", () => {
    let history: Sample[] = [];
    for (let at = 0; at <= 20 * 60 * 1000; at += 2000) history = addSample(history, sample(at));
    expect(history.at(-1)?.at).toBe(20 * 60 * 1000);
    expect(history[0]?.at).toBe(20 * 60 * 1000 - HISTORY_WINDOW_MS);
    expect(history).toHaveLength(HISTORY_WINDOW_MS / 2000 + 1);
  });

  it("drops samples from the future (a clock set back)", () => {
    const history = addSample([sample(5000), sample(9000)], sample(6000));
    expect(history.map((item) => item.at)).toEqual([5000, 6000]);
  });

  it("leaves gaps out of a series", () => {
    const history = [sample(1, 10), sample(2, null), sample(3, 30)];
    expect(seriesOf(history, "cpuPercent")).toEqual([10, 30]);
    expect(seriesOf(history, "latencyMs")).toEqual([]);
  });
});

describe("sparklinePoints", () => {
  it("spreads values over the width and clamps them to the scale", () => {
    expect(sparklinePoints([0, 50, 150], 100, 42)).toBe("0.00,41.00 50.00,21.00 100.00,1.00");
  });

  it("draws a single value at the right edge and nothing for no values", () => {
    expect(sparklinePoints([25], 100, 42)).toBe("100.00,31.00");
    expect(sparklinePoints([], 100, 42)).toBe("");
  });
});
