"""A class arriving at once: `make classroom-load STUDENTS=N`.

Starts a class server of its own (its own state folder, accounts and port, all removed afterwards), then
N simulated students sign in within a minute, each as a browser would: the login form, the spawn, the
OAuth round to their own server, JupyterLab's page, a kernel for the lesson, every code cell in order over
the kernel's websocket (Run All), a change to a widget (a comm message, as the widget's view sends it) and
an exercise checked. It measures, per student, each phase from the login on, the first chart drawn (the
first Vega-Lite output back from the kernel), Run All and the peak memory and CPU time of their server
and kernel (their control group); and, throughout, how fast the hub's own API answers. Traffic stays on
127.0.0.1, every wait has a deadline, and the run ends by itself.
"""

from __future__ import annotations

import asyncio
import json
import os
import statistics
import tempfile
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from ...data import PACKAGE_ROOT
from . import client, hub, limits
from .accounts import ClassroomError

LESSON = "02_technology_innovation_platforms.ipynb"
EXERCISE = "02-q1"
VEGA = "application/vnd.vegalite.v5+json"
OUT = PACKAGE_ROOT / "bench" / "classroom.json"
DEADLINE_S = 1200     # the whole run, however many students


@dataclass
class Student:
    name: str
    password: str
    start_at: float                      # seconds after the run's start when they sign in
    times: dict = field(default_factory=dict)   # phase -> seconds since their login began
    error: str = ""
    usage: dict | None = None
    cpu: dict = field(default_factory=dict)     # phase -> CPU seconds used by then


def pct(values: list[float], p: float) -> float | None:
    if not values:
        return None
    values = sorted(values)
    k = (len(values) - 1) * p / 100
    lo, hi = int(k), min(int(k) + 1, len(values) - 1)
    return round(values[lo] + (values[hi] - values[lo]) * (k - lo), 3)


def spread(values: list[float]) -> dict:
    return {"p50": pct(values, 50), "p95": pct(values, 95), "max": round(max(values), 3) if values else None,
            "n": len(values)}


async def one_student(st: Student, base: str, s: dict, t0: float, lesson: str) -> None:
    await asyncio.sleep(max(0.0, t0 + st.start_at - time.monotonic()))
    began = time.monotonic()

    def mark(phase: str) -> None:
        st.times[phase] = round(time.monotonic() - began, 3)

    def cpu(phase: str) -> None:  # CPU time their server and kernel have used so far: where the time goes
        use = limits.usage(hub.accounts.system_name(st.name, s["prefix"])) or {}
        if use.get("cpu_seconds") is not None:
            st.cpu[phase] = round(use["cpu_seconds"], 3)

    token = (Path(s["state"]) / "service-token").read_text().strip()
    path = f"notebooks/{lesson}"
    student = client.Student(base, st.name, st.password)
    try:
        await student.login()
        mark("signed_in")
        await student.wait_ready(token, began)
        mark("server_ready")
        cpu("server_ready")
        await student.open_lab(path)
        mark("lab_page")
        nb = await student.notebook(path)
        session, k = await student.kernel(path)
        mark("kernel_open")
        cpu("kernel_open")
        run_from = time.monotonic()

        def chart(msg: dict) -> None:
            if "first_chart" not in st.times and VEGA in msg["content"].get("data", {}):
                mark("first_chart")

        for cell in nb["cells"]:
            if cell["cell_type"] == "code" and cell["source"].strip():
                await k.run(cell["source"], on_output=chart)
        st.times["run_all_s"] = round(time.monotonic() - run_from, 3)
        mark("run_all_done")
        cpu("run_all_done")
        if "first_chart" not in st.times:
            raise RuntimeError("Run All drew no chart")
        drew = await k.change_choice()
        if not any(m["header"]["msg_type"] in ("display_data", "clear_output", "comm_msg", "execute_result")
                   for m in drew):
            raise RuntimeError("changing the widget drew nothing")
        mark("widget_changed")
        out = await k.run(f'from biomfg import exercises\nexercises.check("{EXERCISE}", '
                          f'exercises.QUESTIONS["{EXERCISE}"].answer(), "en")')
        html = "".join(m["content"].get("data", {}).get("text/html", "") for m in out)
        if "biomfg-check ok" not in html:
            raise RuntimeError("the exercise check did not say 'correct'")
        mark("exercise_checked")
        await k.ws.close()
        st.usage = limits.usage(hub.accounts.system_name(st.name, s["prefix"]))
        await student.web.delete(student.user_url(f"api/sessions/{session['id']}"), headers=student.headers)
    finally:
        await student.close()


async def watch_hub(s: dict, stop: asyncio.Event, samples: list[float], machine: list[dict]) -> None:
    """The hub's own API (an authenticated user list: its database and event loop), twice a second."""
    import httpx
    import psutil

    token = (Path(s["state"]) / "service-token").read_text().strip()
    own = [psutil.Process(int((Path(s["state"]) / name).read_text())) for name in ("hub.pid", "proxy.pid")]
    async with httpx.AsyncClient(timeout=30) as client:
        while not stop.is_set():
            began = time.monotonic()
            try:
                await client.get(f"http://127.0.0.1:{s['hub_port']}/hub/api/users",
                                 headers={"Authorization": f"token {token}"})
                samples.append(time.monotonic() - began)
            except Exception:  # a sample that fails counts as the whole timeout
                samples.append(30.0)
            vm = psutil.virtual_memory()
            try:
                hub_rss = sum(p.memory_info().rss for p in own)
                hub_cpu = sum(sum(p.cpu_times()[:2]) for p in own)
            except psutil.Error:
                hub_rss = hub_cpu = None
            machine.append({"cpu_percent": psutil.cpu_percent(), "used_bytes": vm.total - vm.available,
                            "hub_rss": hub_rss, "hub_cpu": hub_cpu})
            await asyncio.sleep(max(0.0, 0.5 - (time.monotonic() - began)))


async def drive(students: list[Student], s: dict, lesson: str) -> tuple[list[float], list[dict]]:
    base = hub.url(s)
    stop = asyncio.Event()
    samples: list[float] = []
    machine: list[dict] = []
    watcher = asyncio.create_task(watch_hub(s, stop, samples, machine))
    t0 = time.monotonic()

    async def guarded(st: Student) -> None:
        try:
            await one_student(st, base, s, t0, lesson)
        except Exception as exc:  # a failure is a result: recorded with its reason, the others go on
            st.error = f"{type(exc).__name__}: {exc}"[:300] or type(exc).__name__

    try:
        await asyncio.wait_for(asyncio.gather(*(guarded(st) for st in students)), DEADLINE_S)
    except TimeoutError:
        for st in students:
            st.error = st.error or f"not finished within {DEADLINE_S} s"
    finally:
        stop.set()
        await watcher
    return samples, machine


def report(students: list[Student], samples: list[float], machine: list[dict], seconds: float, within: float,
           s: dict) -> dict:
    import psutil

    ok = [st for st in students if not st.error]
    phase = lambda name: [st.times[name] for st in ok if name in st.times]  # noqa: E731
    peaks = [st.usage["peak_bytes"] / 2**20 for st in ok if st.usage and st.usage.get("peak_bytes")]
    cpu = [st.usage["cpu_seconds"] for st in ok if st.usage and st.usage.get("cpu_seconds") is not None]
    return {
        "students": len(students), "within_s": within, "lesson": LESSON, "failures": len(students) - len(ok),
        "failure_reasons": sorted({st.error for st in students if st.error}),
        "login_to_first_chart_s": spread(phase("first_chart")),
        "run_all_s": spread(phase("run_all_s")),
        "phases_s": {p: spread(phase(p)) for p in ("signed_in", "server_ready", "lab_page", "kernel_open",
                                                     "first_chart", "run_all_done", "widget_changed",
                                                     "exercise_checked")},
        "hub_api_s": spread(samples),
        "peak_memory_per_student_mib": spread(peaks),
        "cpu_seconds_by_phase": {p: spread([st.cpu[p] for st in ok if p in st.cpu])
                                 for p in ("server_ready", "kernel_open", "run_all_done")},
        "cpu_seconds_per_student": spread(cpu),
        "machine": {"cores": os.cpu_count(), "memory_gib": round(psutil.virtual_memory().total / 2**30, 1),
                    "peak_used_gib": round(max((m["used_bytes"] for m in machine), default=0) / 2**30, 2),
                    "cpu_busy_percent_mean": round(statistics.fmean([m["cpu_percent"] for m in machine] or [0]), 1)},
        "hub_and_proxy": {
            "peak_rss_mib": round(max((m["hub_rss"] or 0 for m in machine), default=0) / 2**20, 1),
            "cpu_seconds": round(max((m["hub_cpu"] or 0 for m in machine), default=0), 1)},
        "load_client_cpu_seconds": round(sum(psutil.Process().cpu_times()[:2]), 1),
        "limits_per_student": limits.Limits(s["memory_bytes"], s["cpus"]).describe(),
        "limits_enforced": bool(limits.layout()),
        "duration_s": round(seconds, 1),
        "date": time.strftime("%Y-%m-%d"),
    }


def run(n: int, within: float = 60.0, out: Path | None = OUT, memory: str = "2G", cpus: str = "1",
        lesson: str = LESSON, keep_state: Path | None = None) -> dict:
    """The whole load test on a class server of its own; everything it made is removed at the end."""
    if n < 1:
        raise ClassroomError(f"STUDENTS={n}: at least 1")
    work = Path(tempfile.mkdtemp(prefix="biomfg-load-"))
    os.chmod(work, 0o711)
    state = keep_state or work / "state"
    tag = uuid.uuid4().hex[:4]
    names = [f"load{tag}{i:02d}" for i in range(1, n + 1)]
    (work / "class.txt").write_text("\n".join(names) + "\n", encoding="utf-8")
    o = hub.Options(class_list=work / "class.txt", port=hub._free_port(), prefix=f"bml{tag}-", homes=work / "homes",
                    state=state, memory=memory, cpus=cpus, teacher=f"teacher{tag}")
    began = time.monotonic()
    try:
        hub.start(o, detach=True)
        s = dict(hub.settings(state), state=str(state))
        sheet = hub.accounts.read_sheet(state / "accounts.csv")
        students = [Student(name, sheet[name][1], within * i / max(1, n - 1) if n > 1 else 0.0)
                    for i, name in enumerate(names)]
        samples, machine = asyncio.run(drive(students, s, lesson))
        result = report(students, samples, machine, time.monotonic() - began, within, s)
        result["per_student"] = [{"name": st.name, "times_s": st.times, "cpu_s": st.cpu, "error": st.error,
                                  "peak_memory_mib": round(st.usage["peak_bytes"] / 2**20, 1)
                                  if st.usage and st.usage.get("peak_bytes") else None} for st in students]
    finally:
        hub.remove(state)
        import shutil
        shutil.rmtree(work, ignore_errors=True)
    if out:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return result


def line(r: dict) -> str:
    fc, ra, api = r["login_to_first_chart_s"], r["run_all_s"], r["hub_api_s"]
    mem = r["peak_memory_per_student_mib"]
    return (f"{r['students']} students in {r['within_s']:g} s: {r['failures']} failed; login to first chart "
            f"p50 {fc['p50']} s, p95 {fc['p95']} s; Run All p50 {ra['p50']} s, p95 {ra['p95']} s; hub API p95 "
            f"{api['p95']} s (max {api['max']} s); peak memory per student p95 {mem['p95']} MiB; "
            f"machine peak {r['machine']['peak_used_gib']} GiB; {r['duration_s']} s in all")


def main(args) -> int:
    hub._fail_unless_root()
    out = Path(args.out) if args.out else OUT
    result = run(args.students, out=out)
    print(line(result))
    for reason in result["failure_reasons"]:
        print("  failure:", reason)
    print(f"written to {os.path.relpath(out) if out.resolve().is_relative_to(Path.cwd()) else out}")
    return 1 if result["failures"] else 0


