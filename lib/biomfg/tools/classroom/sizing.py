"""How big a machine a class needs, from the load test's measured figures (bench/classroom.json).

The planning rule of The Littlest JupyterHub's documentation: memory = concurrent students x the peak
memory of one student, plus the hub's own. For the processor, what a class arriving at once asks of it:
each student's server and kernel use a measured number of CPU seconds to reach the lesson's charts, so
a class that signs in within a minute waits for no processor when cores >= students x CPU seconds / 60.
"""

from __future__ import annotations

import math

CLASSES = (20, 40, 60)
OS_MIB = 512          # the operating system and the rest of the machine, a margin the rule leaves out
MARK_BEGIN = "<!-- sizing: made by python -m biomfg.tools.classroom.sizing from bench/classroom.json -->"
MARK_END = "<!-- /sizing -->"


def needs(result: dict, students: int) -> tuple[float, int]:
    """(memory in GiB, cores) for a class of `students` arriving within a minute."""
    per_student = result["peak_memory_per_student_mib"]["max"]
    hub = result["hub_and_proxy"]["peak_rss_mib"]
    memory = (students * per_student + hub + OS_MIB) / 1024
    cpu = result["cpu_seconds_per_student"]["p95"]
    hub_cpu = result["hub_and_proxy"]["cpu_seconds"] / result["students"]   # the hub's share per student
    cores = math.ceil(students * (cpu + hub_cpu) / result["within_s"])
    return round(memory, 1), cores


def table(result: dict) -> str:
    mem, cpu = result["peak_memory_per_student_mib"], result["cpu_seconds_per_student"]
    lines = [
        MARK_BEGIN,
        f"Measured with `make classroom-load STUDENTS={result['students']}` on {result['date']} "
        f"({result['machine']['cores']} cores, {result['machine']['memory_gib']:g} GiB): one active student's "
        f"server and kernel peak at {mem['max']:.0f} MiB (p50 {mem['p50']:.0f} MiB) and use "
        f"{cpu['p95']:.1f} CPU seconds to sign in, start, open a lesson and run it; the hub and its proxy "
        f"peak at {result['hub_and_proxy']['peak_rss_mib']:.0f} MiB.",
        "",
        "| class · 班级人数 | memory · 内存 | cores for a class signing in within a minute · 一分钟内全班登录所需核数 |",
        "|---:|---:|---:|",
    ]
    for n in CLASSES:
        memory, cores = needs(result, n)
        lines.append(f"| {n} | {memory:g} GiB | {cores} |")
    lines.append(MARK_END)
    return "\n".join(lines)


if __name__ == "__main__":
    import json

    from ...data import PACKAGE_ROOT

    print(table(json.loads((PACKAGE_ROOT / "bench" / "classroom.json").read_text(encoding="utf-8"))))
