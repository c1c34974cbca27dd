"""Restart policy: backoff between failed starts, a restart budget per window, giving up.

Pure decisions on monotonic times; the supervisor asks, this module answers.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass


@dataclass(frozen=True)
class PolicySettings:
    backoff_initial: float
    backoff_max: float
    max_restarts: int
    restart_window: float
    giveup_cooldown: float
    stable_after: float


@dataclass(frozen=True)
class RestartDecision:
    """Restart after delay_s, or give up (then retry_after_s is the cooldown, None for never)."""

    give_up: bool
    delay_s: float
    attempt: int  # restarts counted in the current window, this one included
    retry_after_s: float | None = None


class RestartPolicy:
    """Counts restarts in a sliding window and grows the delay while starts keep failing.

    The first restart after a backend that had become healthy is immediate: a crash of a
    working backend should cost only its cold start. Only starts that fail before the backend
    ever answered grow the delay, from backoff_initial doubling up to backoff_max.
    """

    def __init__(self, settings: PolicySettings) -> None:
        self.settings = settings
        self._restarts: deque[float] = deque()
        self._failed_starts = 0
        self._cooldown_try = False

    @property
    def attempt(self) -> int:
        return len(self._restarts)

    def on_failure(self, now: float, was_healthy: bool) -> RestartDecision:
        """The backend died or hung: decide when to start it again, or whether to give up."""
        self._forget_old(now)
        if self._cooldown_try or len(self._restarts) >= self.settings.max_restarts:
            self._cooldown_try = False
            cooldown = self.settings.giveup_cooldown
            return RestartDecision(
                give_up=True,
                delay_s=0.0,
                attempt=len(self._restarts),
                retry_after_s=cooldown if cooldown > 0 else None,
            )
        self._failed_starts = 0 if was_healthy else self._failed_starts + 1
        self._restarts.append(now)
        return RestartDecision(give_up=False, delay_s=self._delay(), attempt=len(self._restarts))

    def on_cooldown_retry(self) -> None:
        """The long wait after giving up is over: one more try, giving up again if it fails."""
        self._restarts.clear()
        self._failed_starts = 0
        self._cooldown_try = True

    def on_healthy(self) -> None:
        self._cooldown_try = False

    def is_stable(self, healthy_since: float, now: float) -> bool:
        return now - healthy_since >= self.settings.stable_after

    def restore_budget(self) -> bool:
        """Forget counted restarts (after stable_after healthy, or a manual restart)."""
        had_any = bool(self._restarts) or self._failed_starts > 0 or self._cooldown_try
        self._restarts.clear()
        self._failed_starts = 0
        self._cooldown_try = False
        return had_any

    def _delay(self) -> float:
        if self._failed_starts == 0:
            return 0.0
        delay = self.settings.backoff_initial * 2 ** (self._failed_starts - 1)
        return float(min(delay, self.settings.backoff_max))

    def _forget_old(self, now: float) -> None:
        while self._restarts and now - self._restarts[0] > self.settings.restart_window:
            self._restarts.popleft()
