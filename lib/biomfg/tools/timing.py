"""Timing helpers shared by `make bench` and the speed tests, so both measure the same way.

The machines this runs on are noisy (CI runs tests in parallel), so a cost is compared with its floor
in adjacent, alternating runs: whatever load hits one hits the other."""

from __future__ import annotations

import math
import statistics
import time
from collections.abc import Callable


def timed(run: Callable[[], object]) -> float:
    """Seconds one call of `run` takes."""
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def p95(samples: list[float]) -> float:
    """Nearest-rank 95th percentile: the smallest sample at or above 95 % of them."""
    if not samples:
        raise ValueError("p95: no samples")
    ordered = sorted(samples)
    return ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]


def paired(work: Callable[[], object], floor: Callable[[], object], runs: int) -> list[tuple[float, float]]:
    """(work seconds, floor seconds) for `runs` adjacent pairs; the order inside a pair alternates so
    that a load that rises or falls over the run does not always favour the one that goes first."""
    if runs < 1:
        raise ValueError(f"runs must be at least 1, got {runs}")
    pairs = []
    for i in range(runs):
        if i % 2:
            w, f = timed(work), timed(floor)
        else:
            f, w = timed(floor), timed(work)
        pairs.append((w, f))
    return pairs


def interleaved(work: Callable[[], object], floor: Callable[[], object], runs: int) -> tuple[float, float]:
    """Median seconds of `work` and of `floor`, measured in alternating adjacent pairs."""
    pairs = paired(work, floor, runs)
    return statistics.median(w for w, _ in pairs), statistics.median(f for _, f in pairs)


def paired_ratio(work: Callable[[], object], floor: Callable[[], object], runs: int) -> tuple[float, float, float]:
    """(median ratio work/floor over adjacent pairs, median work s, median floor s)."""
    pairs = paired(work, floor, runs)
    return (statistics.median(w / f for w, f in pairs), statistics.median(w for w, _ in pairs),
            statistics.median(f for _, f in pairs))
