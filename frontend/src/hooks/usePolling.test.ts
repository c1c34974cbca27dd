import { act, renderHook } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { usePolling } from "./usePolling";

let hidden = false;

function setHidden(value: boolean) {
  hidden = value;
  act(() => {
    document.dispatchEvent(new Event("visibilitychange"));
  });
}

beforeEach(() => {
  hidden = false;
  vi.spyOn(document, "hidden", "get").mockImplementation(() => hidden);
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe("usePolling", () => {
  it("runs at once, then once per interval", async () => {
    const task = vi.fn(async () => {});
    renderHook(() => usePolling(task, 2000));
    await act(() => vi.advanceTimersByTimeAsync(0));
    expect(task).toHaveBeenCalledTimes(1);
    await act(() => vi.advanceTimersByTimeAsync(6000));
    expect(task).toHaveBeenCalledTimes(4);
  });

  it("waits for a slow request before the next one", async () => {
    const task = vi.fn(() => new Promise<void>((resolve) => setTimeout(resolve, 5000)));
    renderHook(() => usePolling(task, 1000));
    await act(() => vi.advanceTimersByTimeAsync(5500));
    expect(task).toHaveBeenCalledTimes(1);
    await act(() => vi.advanceTimersByTimeAsync(1000));
    expect(task).toHaveBeenCalledTimes(2);
  });

  it("pauses while the page is hidden and runs again when it shows", async () => {
    const task = vi.fn(async () => {});
    const { result } = renderHook(() => usePolling(task, 2000));
    await act(() => vi.advanceTimersByTimeAsync(0));
    setHidden(true);
    expect(result.current.hidden).toBe(true);
    await act(() => vi.advanceTimersByTimeAsync(60_000));
    expect(task).toHaveBeenCalledTimes(1);
    setHidden(false);
    await act(() => vi.advanceTimersByTimeAsync(0));
    expect(task).toHaveBeenCalledTimes(2);
  });

  it("runs at once on refresh and aborts the request in flight", async () => {
    const signals: AbortSignal[] = [];
    const task = vi.fn(async (signal: AbortSignal) => {
      signals.push(signal);
    });
    const { result } = renderHook(() => usePolling(task, 60_000));
    await act(() => vi.advanceTimersByTimeAsync(0));
    act(() => result.current.refresh());
    await act(() => vi.advanceTimersByTimeAsync(0));
    expect(task).toHaveBeenCalledTimes(2);
    expect(signals[0]?.aborted).toBe(true);
    expect(signals[1]?.aborted).toBe(false);
  });

  it("keeps polling after a failed run", async () => {
    const task = vi.fn(async () => {
      throw new Error("boom");
    });
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    renderHook(() => usePolling(task, 1000));
    await act(() => vi.advanceTimersByTimeAsync(2500));
    expect(task).toHaveBeenCalledTimes(3);
    expect(logged).toHaveBeenCalledWith("status poll failed", expect.any(Error));
  });
});
