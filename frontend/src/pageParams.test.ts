import { afterEach, describe, expect, it } from "vitest";
import {
  DEFAULT_INTERVAL_S,
  parseInterval,
  readPageParams,
  removeTokenFromAddressBar,
  writeIntervalToAddressBar,
} from "./pageParams";

afterEach(() => window.history.replaceState(null, "", "/"));

describe("page URL options", () => {
  it("reads token, interval and language", () => {
    expect(readPageParams("?token=abc&interval=5&lang=de")).toEqual({
      token: "abc",
      intervalS: 5,
      lang: "de",
    });
    expect(readPageParams("")).toEqual({ token: null, intervalS: DEFAULT_INTERVAL_S, lang: null });
    expect(readPageParams("?token=").token).toBeNull();
  });

  it.each([
    ["abc", DEFAULT_INTERVAL_S],
    ["", DEFAULT_INTERVAL_S],
    ["0", 0.5],
    ["-3", 0.5],
    ["1e9", 3600],
    ["10", 10],
  ])("interval %j -> %d s", (raw, seconds) => {
    expect(parseInterval(raw)).toBe(seconds);
  });

  it("removes only the token from the address bar", () => {
    window.history.replaceState(null, "", "/?token=secret&interval=5#top");
    removeTokenFromAddressBar();
    expect(window.location.search).toBe("?interval=5");
    expect(window.location.hash).toBe("#top");
    expect(window.location.href).not.toContain("secret");
  });

  it("keeps the chosen interval in the URL", () => {
    window.history.replaceState(null, "", "/?lang=de");
    writeIntervalToAddressBar(10);
    expect(window.location.search).toBe("?lang=de&interval=10");
  });
});
