"""biomfg.tools.timing: the one way bench and the speed tests measure."""

from __future__ import annotations

import pytest

from biomfg.tools import timing


def test_p95_is_nearest_rank():
    samples = [float(i) for i in range(1, 101)]  # 1..100
    assert timing.p95(samples) == 95.0
    assert timing.p95(list(reversed(samples))) == 95.0
    assert timing.p95([float(i) for i in range(1, 61)]) == 57.0  # ceil(0.95 * 60) = 57th value
    assert timing.p95([3.0]) == 3.0


def test_p95_of_nothing_is_an_error():
    with pytest.raises(ValueError, match="no samples"):
        timing.p95([])


def test_paired_alternates_the_order_and_pairs_adjacent_runs():
    calls = []
    pairs = timing.paired(lambda: calls.append("work"), lambda: calls.append("floor"), runs=4)
    assert calls == ["floor", "work", "work", "floor", "floor", "work", "work", "floor"]
    assert len(pairs) == 4 and all(w >= 0 and f >= 0 for w, f in pairs)


def test_paired_ratio_sees_a_cost_above_its_floor():
    import time

    ratio, work_s, floor_s = timing.paired_ratio(lambda: time.sleep(0.06), lambda: time.sleep(0.006), runs=3)
    assert work_s > floor_s
    assert ratio > 2


def test_runs_below_one_are_refused():
    with pytest.raises(ValueError, match="runs must be at least 1"):
        timing.paired(lambda: None, lambda: None, runs=0)
