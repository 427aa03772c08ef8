"""How big a machine a class needs, from the load test's measured figures (bench/classroom.json).

`python -m biomfg.tools.classroom.sizing` writes them into the README (tests/test_classroom_docs.py
checks that the README shows what bench/classroom.json holds).

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
    fc, api, ra = result["login_to_first_chart_s"], result["hub_api_s"], result["run_all_s"]
    demand = result["students"] * (cpu["p95"] + result["hub_and_proxy"]["cpu_seconds"] / result["students"])
    lines = [
        MARK_BEGIN,
        f"**Measured** (`make classroom-load STUDENTS={result['students']}`, {result['date']}): "
        f"{result['students']} students signing in within {result['within_s']:g} s, {result['failures']} failures; "
        f"from the login to the first chart p50 {fc['p50']:.1f} s, p95 {fc['p95']:.1f} s; Run All p95 "
        f"{ra['p95']:.1f} s; the hub's API answered in {api['p95']:.2f} s at the 95th percentile "
        f"(slowest {api['max']:.2f} s); the processor was {result['machine']['cpu_busy_percent_mean']:.0f}% busy "
        f"on average and the machine used at most {result['machine']['peak_used_gib']:g} GiB. The class asked for "
        f"about {demand:.0f} CPU seconds in a minute that has {result['machine']['cores'] * result['within_s']:.0f} "
        f"on {result['machine']['cores']} cores: the processor, not memory or the hub, sets the wait.",
        "",
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


def readme_block(readme: str, result: dict) -> str:
    """The README with its sizing block (between the markers, or at the bare `<!-- sizing -->`) made anew."""
    new = table(result)
    if MARK_BEGIN in readme:
        start = readme.index(MARK_BEGIN)
        end = readme.index(MARK_END, start) + len(MARK_END)
        return readme[:start] + new + readme[end:]
    return readme.replace("<!-- sizing -->", new, 1)


if __name__ == "__main__":
    import json

    from ...data import PACKAGE_ROOT

    readme = PACKAGE_ROOT / "README.md"
    result = json.loads((PACKAGE_ROOT / "bench" / "classroom.json").read_text(encoding="utf-8"))
    readme.write_text(readme_block(readme.read_text(encoding="utf-8"), result), encoding="utf-8")
    print(table(result))
