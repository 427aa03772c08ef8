"""The class server (make classroom), tried as students and a teacher would: each student's own copy,
students kept out of one another's files through the server and from a kernel, the class list as the
only way in, the teacher the only admin, resets, limits, and a hub that survives a student's crash."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import time
from pathlib import Path

import psutil
import pytest
from classroom import api, class_server, home, run, sheet, signed_in, token

from biomfg.tools.classroom import client, hub, limits

LESSON = "notebooks/01_three_barriers.ipynb"
pytestmark = pytest.mark.timeout(900)
TRUSTED = ("import os, nbformat\nfrom nbformat.sign import NotebookNotary\n"
           f"NotebookNotary().check_signature(nbformat.read(os.path.expanduser('~/{LESSON}'), 4))")


@pytest.fixture(scope="module")
def klass():
    with class_server(["alice", "张三"]) as s:
        yield s


def test_each_student_gets_their_own_copy_of_the_lessons_trusted(klass):
    async def go():
        st = await signed_in(klass, "alice")
        try:
            listing = (await st.get("api/contents/notebooks")).json()
            names = sorted(item["name"] for item in listing["content"])
            _, k = await st.kernel(LESSON)
            trusted = await k.value(TRUSTED)
            who = await k.value("import getpass, os\n(getpass.getuser(), os.getcwd())")
            await k.ws.close()
            return names, trusted, who
        finally:
            await st.close()

    names, trusted, who = run(go())
    assert names == klass["lessons"]
    assert trusted == "True"
    account = hub.accounts.system_name("alice", klass["prefix"])
    assert account in who and str(home(klass, "alice")) in who


def test_a_student_cannot_open_another_students_notebook_through_the_server(klass):
    other = home(klass, "张三")

    async def go():
        st = await signed_in(klass, "alice")
        b = await signed_in(klass, "张三")  # B's server is running, so a refusal is not just "not started"
        await b.close()
        try:
            theirs = await st.web.get(st.user_url(f"api/contents/{LESSON}", "张三"), follow_redirects=True)
            up = await st.get(f"api/contents/..%2F{other.name}%2F{LESSON.replace('/', '%2F')}")
            files = await st.get(f"files/..%2F{other.name}%2F{LESSON.replace('/', '%2F')}")
            return theirs, up, files
        finally:
            await st.close()

    theirs, up, files = run(go())
    assert theirs.status_code == 403, (theirs.status_code, str(theirs.url))
    assert '"cells"' not in theirs.text
    for r in (up, files):
        assert r.status_code in (403, 404), r.status_code
        assert '"cells"' not in r.text


def test_a_students_kernel_cannot_read_or_change_another_students_files_or_the_class_sheet(klass):
    run(_close(signed_in(klass, "张三")))   # B has signed in once, so B's copy of the lessons exists
    other = home(klass, "张三")
    target = other / LESSON
    before = target.read_bytes()
    state = Path(klass["state"])
    code = f"""
import os
tried = {{}}
for what, act in [
    ("read", lambda: open({str(target)!r}).read()),
    ("list", lambda: os.listdir({str(other)!r})),
    ("write", lambda: open({str(target)!r}, "a").write("x")),
    ("sheet", lambda: open({str(state / 'accounts.csv')!r}).read()),
    ("passwords", lambda: os.listdir({str(state)!r})),
    ("token", lambda: open({str(state / 'service-token')!r}).read()),
]:
    try:
        act()
        tried[what] = "allowed"
    except PermissionError:
        tried[what] = "denied"
tried
"""

    async def go():
        st = await signed_in(klass, "alice")
        try:
            _, k = await st.kernel(LESSON)
            result = await k.value(code)
            await k.ws.close()
            return result
        finally:
            await st.close()

    tried = eval(run(go()))  # the kernel's repr of a dict of plain strings
    assert tried == {w: "denied" for w in ("read", "list", "write", "sheet", "passwords", "token")}
    assert target.read_bytes() == before


def sign_in(s: dict):
    """A sign-in attempt: 'in' or 'refused'."""
    async def attempt(name: str, password: str) -> str:
        st = client.Student(hub.url(s), name, password)
        try:
            await st.login()
            return "in"
        except client.Refused:
            return "refused"
        finally:
            await st.close()
    return attempt


def test_only_the_class_list_signs_in_and_only_the_teacher_is_admin(klass):
    alice_pw = sheet(klass)["alice"][1]
    attempt = sign_in(klass)
    assert run(attempt("mallory", "whatever-password")) == "refused"      # no sign-up
    assert run(attempt("alice", alice_pw + "x")) == "refused"
    assert run(attempt("ALICE", alice_pw)) == "in"                        # names ignore case
    users = {u["name"]: u["admin"] for u in api(klass, "/users")}
    assert {n for n, admin in users.items() if admin} == {klass["teacher"]}
    assert set(users) == {"alice", "张三", klass["teacher"]}

    async def admin_page():
        st = await signed_in(klass, "alice")
        try:
            return (await st.web.get("/hub/admin")).status_code
        finally:
            await st.close()

    assert run(admin_page()) == 403


def test_the_hub_listens_on_loopback_only(klass):
    listening = {(c.laddr.ip, c.laddr.port) for c in psutil.net_connections("tcp") if c.status == "LISTEN"}
    ours = {ip for ip, port in listening if port == klass["port"]}
    assert ours and ours <= {"127.0.0.1"}, ours
    for port in (klass["hub_port"], klass["proxy_api_port"]):
        assert {ip for ip, p in listening if p == port} <= {"127.0.0.1"}


def test_limits_hold_each_students_server_and_kernels(klass):
    run(_close(signed_in(klass, "alice")))
    account = hub.accounts.system_name("alice", klass["prefix"])
    kind = limits.layout()
    assert kind, "no writable cgroup tree: the limits would not be enforced here"
    pids = [p.pid for p in psutil.process_iter(["username"]) if p.info["username"] == account]
    assert pids
    if kind == "v1":
        mem = limits.ROOT / "memory" / limits.PARENT / account
        assert int((mem / "memory.limit_in_bytes").read_text()) == klass["memory_bytes"]
        quota = int((limits.ROOT / "cpu" / limits.PARENT / account / "cpu.cfs_quota_us").read_text())
        assert quota == int(klass["cpus"] * limits.PERIOD_US)
        assert set(pids) <= {int(x) for x in (mem / "cgroup.procs").read_text().split()}
    else:
        d = limits.ROOT / limits.PARENT / account
        assert int((d / "memory.max").read_text()) == klass["memory_bytes"]
        assert set(pids) <= {int(x) for x in (d / "cgroup.procs").read_text().split()}


async def _close(coro):
    st = await coro
    await st.close()


def test_the_teacher_resets_a_lesson_and_a_student_resets_one_themselves(klass):
    original = (Path(klass["state"]) / "originals" / "01_three_barriers.ipynb").read_bytes()
    mine = home(klass, "alice") / LESSON

    async def edit_then_reset_myself():
        st = await signed_in(klass, "alice")
        try:
            nb = await st.notebook(LESSON)
            nb["cells"][0]["source"] = "my own notes"
            r = await st.web.put(st.user_url(f"api/contents/{LESSON}"), headers=st.headers,
                                 json={"type": "notebook", "format": "json", "content": nb})
            r.raise_for_status()
            assert mine.read_bytes() != original
            rc = hub.reset("alice", "01", False, Path(klass["state"]))  # the teacher
            assert rc == 0 and mine.read_bytes() == original
            kept = list((mine.parent / "before-reset").glob("01_three_barriers.*.ipynb"))
            assert len(kept) == 1 and "my own notes" in kept[0].read_text(encoding="utf-8")
            listing = (await st.get("api/contents/notebooks")).json()["content"]
            assert "before-reset" in {item["name"] for item in listing}   # visible in the file browser
            # from a JupyterLab terminal, as the README says
            r = await st.web.put(st.user_url(f"api/contents/{LESSON}"), headers=st.headers,
                                 json={"type": "notebook", "format": "json", "content": nb})
            r.raise_for_status()
            screen = await st.terminal("python -m biomfg reset 01", "back to the original")
            assert "back to the original" in screen, screen[-500:]
            assert mine.read_bytes() == original
            # the student, from their kernel (a terminal runs the same command)
            r = await st.web.put(st.user_url(f"api/contents/{LESSON}"), headers=st.headers,
                                 json={"type": "notebook", "format": "json", "content": nb})
            r.raise_for_status()
            _, k = await st.kernel(LESSON)
            said = await k.value("import subprocess\nsubprocess.run(['python', '-m', 'biomfg', 'reset', '01'], "
                                 "capture_output=True, text=True).stdout")
            bad = await k.value("import subprocess\nsubprocess.run(['python', '-m', 'biomfg', 'reset', '99'], "
                                "capture_output=True, text=True).stderr")
            trusted = await k.value(TRUSTED)
            await k.ws.close()
            # a copy only opened: JupyterLab has saved a picture into each chart's output, no cell changed;
            # reset puts the original back and keeps no copy of it
            opened = json.loads(original)
            for cell in opened["cells"]:
                for out in cell.get("outputs", []):
                    if "application/vnd.vegalite.v5+json" in out.get("data", {}):
                        out["data"]["image/png"] = "iVBORw0KGgo="
            r = await st.web.put(st.user_url(f"api/contents/{LESSON}"), headers=st.headers,
                                 json={"type": "notebook", "format": "json", "content": opened})
            r.raise_for_status()
            copies = len(list((mine.parent / "before-reset").glob("*.ipynb")))
            assert hub.reset("alice", "01", False, Path(klass["state"])) == 0
            assert len(list((mine.parent / "before-reset").glob("*.ipynb"))) == copies
            assert mine.read_bytes() == original
            return said, bad, trusted
        finally:
            await st.close()

    said, bad, trusted = run(edit_then_reset_myself())
    assert "back to the original" in said and mine.read_bytes() == original
    assert "no such lesson; valid choices: 00_start_here" in bad
    assert trusted == "True"
    owner = hub.accounts.system_name("alice", klass["prefix"])
    assert {p.owner() for p in mine.parent.rglob("*")} == {owner}


def test_the_hub_survives_a_killed_kernel_and_a_crashed_server(klass):
    account = hub.accounts.system_name("alice", klass["prefix"])
    latencies: list[float] = []

    def hub_answers():
        began = time.monotonic()
        api(klass, "/users")
        latencies.append(time.monotonic() - began)

    async def go():
        st = await signed_in(klass, "alice")
        try:
            _, k = await st.kernel(LESSON)
            assert await k.value("1 + 1") == "2"
            kernels = [p for p in psutil.process_iter(["username", "cmdline"])
                       if p.info["username"] == account and "ipykernel_launcher" in " ".join(p.info["cmdline"] or [])]
            assert kernels
            for p in kernels:
                p.send_signal(signal.SIGKILL)
            hub_answers()
            assert api(klass, "/users/alice")["servers"][""]["ready"]
            server = api(klass, "/users/alice")["servers"][""]["state"]["pid"]
            os.kill(server, signal.SIGKILL)
            deadline = time.monotonic() + 60
            while api(klass, "/users/alice")["servers"] and time.monotonic() < deadline:
                hub_answers()
                await asyncio.sleep(1)
            assert not api(klass, "/users/alice")["servers"], "the hub did not notice the crashed server"
            api(klass, "/users/alice/server", "POST")
            await st.wait_ready(token(klass))
            await st.open_lab("")  # the page reloads: a new sign-in round with the restarted server
            _, k2 = await st.kernel(LESSON)
            again = await k2.value("2 + 2")
            await k2.ws.close()
            return again
        finally:
            await st.close()

    assert run(go()) == "4"
    assert max(latencies) < 2, latencies


def test_the_idle_culler_runs_with_an_hour_by_default(klass):
    hub_pid = int((Path(klass["state"]) / "hub.pid").read_text())
    culler = [p for p in psutil.Process(hub_pid).children()
              if "jupyterhub_idle_culler" in " ".join(p.cmdline())]
    assert len(culler) == 1
    assert "--timeout=3600" in culler[0].cmdline()
    assert klass["idle_seconds"] == 3600


def test_the_class_sheet_is_for_the_teacher_alone(klass):
    state = Path(klass["state"])
    assert (state.stat().st_mode & 0o777) == 0o711
    for name in ("accounts.csv", "service-token", "proxy-token", "jupyterhub_cookie_secret"):
        assert (state / name).stat().st_mode & 0o077 == 0, name
    rows = sheet(klass)
    assert set(rows) == {"alice", "张三", klass["teacher"]}
    assert all(len(pw) == 10 for _, pw in rows.values())
    account = rows["张三"][0]
    assert account.startswith(klass["prefix"]) and account.isascii()


def test_a_class_served_with_tls_starts_and_students_sign_in_over_https(tmp_path):
    import subprocess

    cert, key = tmp_path / "class.crt", tmp_path / "class.key"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-keyout", str(key),
                    "-out", str(cert), "-subj", "/CN=class-server", "-addext", "subjectAltName=DNS:class-server"],
                   check=True, capture_output=True)
    with class_server(["tina"], cert=str(cert), key=str(key)) as s:
        assert hub.url(s).startswith("https://127.0.0.1:")
        assert hub.public_url(s) == f"https://127.0.0.1:{s['port']}"

        async def sign_in_over_https():
            st = client.Student(hub.url(s), "tina", sheet(s)["tina"][1], verify=False)
            try:
                await st.login()
                return st.web.cookies.get("jupyterhub-session-id") is not None
            finally:
                await st.close()

        assert run(sign_in_over_https())
        import httpx
        with pytest.raises(httpx.HTTPError):   # no plain http beside it
            httpx.get(f"http://127.0.0.1:{s['port']}/hub/login", timeout=5)


def test_a_class_with_one_shared_password():
    with class_server(["ann", "bob"], accounts="shared", class_password="blue-river-42") as s:
        attempt = sign_in(s)
        assert run(attempt("ann", "blue-river-42")) == "in"
        assert run(attempt("zed", "blue-river-42")) == "refused"   # not on the class list: no sign-up
        assert run(attempt("bob", "wrong-password")) == "refused"
        teacher_pw = sheet(s)[s["teacher"]][1]
        assert len(teacher_pw) >= 32
        assert run(attempt(s["teacher"], "blue-river-42")) == "refused"
        assert run(attempt(s["teacher"], teacher_pw)) == "in"
        settings = json.loads((Path(s["state"]) / "settings.json").read_text())
        assert settings["accounts"] == "shared"
