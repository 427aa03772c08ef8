"""Per-student memory and CPU limits, and what each student used, through Linux control groups.

LocalProcessSpawner enforces no limit of its own (its mem_limit is only advertised to the server), and
this machine kind has no systemd to run SystemdSpawner. So each student's server is moved into a group
of its own right after it starts; the kernels it forks later inherit it. Both cgroup layouts work:
v2 (one tree: memory.max, cpu.max, memory.peak) and v1 (memory/, cpu/, cpuacct/ hierarchies). Where
neither is writable the limits are reported as not enforced, and the hub still runs.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from .accounts import ClassroomError

ROOT = Path("/sys/fs/cgroup")
PARENT = "biomfg-classroom"
PERIOD_US = 100_000


@dataclass(frozen=True)
class Limits:
    memory_bytes: int | None   # None: no memory limit
    cpus: float | None         # None: no CPU limit; 1.0 = one core

    def describe(self) -> str:
        mem = f"{self.memory_bytes / 2**30:.1f} GiB" if self.memory_bytes else "no memory limit"
        cpu = f"{self.cpus:g} CPU" if self.cpus else "no CPU limit"
        return f"{mem}, {cpu}"


def parse_memory(text: str) -> int | None:
    """'1.5G', '800M', '0' (no limit) -> bytes; a bad value is a one-line error naming MEM=."""
    given = text
    text = text.strip().upper().removesuffix("B").removesuffix("I")
    units = {"K": 2**10, "M": 2**20, "G": 2**30}
    try:
        value = float(text[:-1]) * units[text[-1]] if text and text[-1] in units else float(text)
    except (ValueError, IndexError):
        raise ClassroomError(f"MEM={given!r}: not a size; write e.g. MEM=1.5G or MEM=800M (MEM=0: no limit)") from None
    if value < 0:
        raise ClassroomError(f"MEM={given!r}: a size cannot be negative")
    return int(value) or None


def parse_cpus(text: str) -> float | None:
    try:
        value = float(text)
    except ValueError:
        raise ClassroomError(f"CPUS={text!r}: not a number; write e.g. CPUS=1 or CPUS=0.5 (CPUS=0: no limit)") from None
    if value < 0:
        raise ClassroomError(f"CPUS={text!r}: cannot be negative")
    return value or None


def layout() -> str | None:
    """'v2', 'v1' or None (no writable cgroup tree here)."""
    if (ROOT / "cgroup.controllers").is_file():
        return "v2" if os.access(ROOT, os.W_OK) else None
    if (ROOT / "memory").is_dir() and os.access(ROOT / "memory", os.W_OK):
        return "v1"
    return None


def _dirs(group: str) -> dict[str, Path]:
    kind = layout()
    if kind == "v2":
        return {"v2": ROOT / PARENT / group}
    if kind == "v1":
        return {c: ROOT / c / PARENT / group for c in ("memory", "cpu", "cpuacct") if (ROOT / c).is_dir()}
    return {}


def _write(path: Path, value: str) -> None:
    path.write_text(value)


def place(pid: int, group: str, limits: Limits) -> bool:
    """Put a process (and so everything it forks later) in the group's limits; False if not possible."""
    dirs = _dirs(group)
    if not dirs:
        return False
    try:
        if "v2" in dirs:
            parent = ROOT / PARENT
            parent.mkdir(exist_ok=True)
            _write(parent / "cgroup.subtree_control", "+memory +cpu")
            d = dirs["v2"]
            d.mkdir(exist_ok=True)
            _write(d / "memory.max", str(limits.memory_bytes or "max"))
            quota = int(limits.cpus * PERIOD_US) if limits.cpus else "max"
            _write(d / "cpu.max", f"{quota} {PERIOD_US}")
            _write(d / "cgroup.procs", str(pid))
            return True
        for controller, d in dirs.items():
            d.mkdir(parents=True, exist_ok=True)
            if controller == "memory":
                _write(d / "memory.limit_in_bytes", str(limits.memory_bytes or -1))
                if (d / "memory.max_usage_in_bytes").exists():
                    _write(d / "memory.max_usage_in_bytes", "0")  # a new session's peak, not the last one's
            if controller == "cpuacct":
                _write(d / "cpuacct.usage", "0")
            if controller == "cpu":
                _write(d / "cpu.cfs_period_us", str(PERIOD_US))
                _write(d / "cpu.cfs_quota_us", str(int(limits.cpus * PERIOD_US) if limits.cpus else -1))
            _write(d / "cgroup.procs", str(pid))
        return True
    except OSError:
        return False


def usage(group: str) -> dict | None:
    """The group's peak memory (bytes) and CPU time (seconds) so far, or None where not measured."""
    dirs = _dirs(group)
    try:
        if "v2" in dirs:
            d = dirs["v2"]
            peak = int((d / "memory.peak").read_text()) if (d / "memory.peak").exists() else None
            stat = dict(line.split() for line in (d / "cpu.stat").read_text().splitlines())
            return {"peak_bytes": peak, "cpu_seconds": int(stat["usage_usec"]) / 1e6}
        if "memory" in dirs and dirs["memory"].is_dir():
            peak = int((dirs["memory"] / "memory.max_usage_in_bytes").read_text())
            cpu = None
            if "cpuacct" in dirs and (dirs["cpuacct"] / "cpuacct.usage").exists():
                cpu = int((dirs["cpuacct"] / "cpuacct.usage").read_text()) / 1e9
            return {"peak_bytes": peak, "cpu_seconds": cpu}
    except (OSError, ValueError, KeyError):
        return None
    return None


def remove(group: str) -> None:
    """Remove an empty group (its processes have ended); a busy group is left for the next start."""
    for d in _dirs(group).values():
        try:
            d.rmdir()
        except OSError:
            pass
