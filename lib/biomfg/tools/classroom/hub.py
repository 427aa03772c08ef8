"""What `make classroom*` runs: start, stop, status, add students, reset a student, remove the class.

Everything the class server keeps is in one state folder (classroom/, git-ignored, readable by root
only): the settings, the hub's database and secrets, the password store, the class sheet
(classroom/accounts.csv: name, account, first password) and the originals the students' copies come
from. The students' homes are made under HOMES (default /home).
"""

from __future__ import annotations

import ipaddress
import json
import os
import pwd
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from ...data import PACKAGE_ROOT
from . import accounts, limits
from .accounts import ClassroomError

STATE = PACKAGE_ROOT / "classroom"
CONFIG = PACKAGE_ROOT / "lib" / "biomfg" / "jupyter" / "hub" / "jupyterhub_config.py"
LAB_SETTINGS = PACKAGE_ROOT / "lib" / "biomfg" / "jupyter" / "lab"
PROXY = PACKAGE_ROOT / "node_modules" / ".bin" / "configurable-http-proxy"
FIRST_NOTEBOOK = "00_start_here.ipynb"
LANGUAGES = ("both", "zh", "en")
ACCOUNT_MODES = ("list", "shared")
PASSWORD_MODES = ("generated", "first-use")
EXAMPLE_CLASS = [f"student{n:02d}" for n in range(1, 6)]
LOGIN_NOTE = {"zh": "生物制造基础设施课堂：请用老师发给你的姓名和初始密码登录。",
              "en": "Biomanufacturing infrastructure class: sign in with the name and first password your teacher gave you."}


@dataclass
class Options:
    class_list: Path = STATE / "class.txt"
    host: str = "127.0.0.1"
    port: int = 8000
    language: str = "both"
    edition: str = "lang"
    accounts: str = "list"
    passwords: str = "generated"
    teacher: str = "teacher"
    idle_minutes: int = 60
    memory: str = "2G"
    cpus: str = "1"
    prefix: str = "jupyter-"
    homes: Path = Path("/home")
    cert: str = ""
    key: str = ""
    insecure: bool = False
    class_password: str = ""
    state: Path = STATE


def _fail_unless_root() -> None:
    if os.geteuid() != 0:
        raise ClassroomError("the class server needs root (sudo make classroom): it makes one system account per "
                             "student, which is what keeps their files apart")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _secret_file(path: Path, make) -> str:
    if not path.is_file():
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w") as f:
            f.write(make())
    return path.read_text().strip()


def _pid(path: Path) -> int | None:
    try:
        pid = int(path.read_text())
    except (OSError, ValueError):
        return None
    return pid if _alive(pid) else None


def running(state: Path = STATE) -> int | None:
    return _pid(state / "hub.pid")


def settings(state: Path = STATE) -> dict:
    path = state / "settings.json"
    if not path.is_file():
        raise ClassroomError(f"{path.relative_to(PACKAGE_ROOT) if path.is_relative_to(PACKAGE_ROOT) else path}: "
                             f"no class has been started here (make classroom)")
    return json.loads(path.read_text(encoding="utf-8"))


def url(s: dict) -> str:
    """The address on this machine (the tests' and the load test's)."""
    host = "127.0.0.1" if s["host"] in ("0.0.0.0", "::") else s["host"]
    return f"{'https' if s['cert'] else 'http'}://{host}:{s['port']}"


def public_url(s: dict) -> str:
    """The address students type: the machine's name when it serves the network."""
    host = socket.getfqdn() if s["host"] in ("0.0.0.0", "::") else s["host"]
    port = "" if (s["port"], bool(s["cert"])) in ((443, True), (80, False)) else f":{s['port']}"
    return f"{'https' if s['cert'] else 'http'}://{host}{port}"


def _local_context(s: dict):
    """The start's own check of the login page: the certificate names the server, not 127.0.0.1."""
    import ssl

    if not s["cert"]:
        return None
    ctx = ssl.create_default_context()
    ctx.check_hostname = False
    ctx.verify_mode = ssl.CERT_NONE
    return ctx


def _check(o: Options) -> None:
    for name, value, choices in (("LANGUAGE", o.language, LANGUAGES), ("ACCOUNTS", o.accounts, ACCOUNT_MODES),
                                 ("PASSWORDS", o.passwords, PASSWORD_MODES), ("EDITION", o.edition, ("lang", "student"))):
        if value not in choices:
            raise ClassroomError(f"{name}={value}: not known; valid choices: {', '.join(choices)}")
    if o.edition == "student" and o.language == "both":
        raise ClassroomError("EDITION=student is one language: add LANGUAGE=zh or LANGUAGE=en")
    if o.idle_minutes < 1:
        raise ClassroomError(f"IDLE_MINUTES={o.idle_minutes}: must be at least 1 (the default, 60, keeps a lesson's servers)")
    try:
        ip = ipaddress.ip_address(o.host)
    except ValueError:
        raise ClassroomError(f"HOST={o.host}: not an IP address; 127.0.0.1 (this machine only, the default) or "
                             f"0.0.0.0 (the school network)") from None
    if bool(o.cert) != bool(o.key):
        raise ClassroomError("CERT= and KEY= go together: the TLS certificate and its private key")
    for name, value in (("CERT", o.cert), ("KEY", o.key)):
        if value and not Path(value).is_file():
            raise ClassroomError(f"{name}={value}: no such file")
    if not ip.is_loopback and not o.cert and not o.insecure:
        raise ClassroomError(f"HOST={o.host} serves the network: passwords would cross it in clear text; give CERT= and "
                             f"KEY= (see the README, 'Serving the school network'), or INSECURE=1 on a network you trust")
    if o.accounts == "shared" and o.class_password and len(o.class_password) < 8:
        raise ClassroomError("CLASS_PASSWORD: at least 8 characters")
    if not PROXY.exists():
        raise ClassroomError("configurable-http-proxy is missing: run make setup (it installs it with npm; Debian: "
                             "apt-get install nodejs npm)")


def _originals(o: Options, dest: Path) -> list[str]:
    """The lessons the students' copies come from, snapshot at the start, readable by every account."""
    from .. import editions
    from ..notebooks import NOTEBOOKS

    names = editions.lesson_files(NOTEBOOKS)
    source = NOTEBOOKS
    if o.language != "both":
        # built afresh beside the state (a teacher's own edits to editions/ never reach the class)
        try:
            result = editions.build(o.edition, o.language, out=o.state / "editions")
        except (editions.EditionError, ValueError) as exc:
            raise ClassroomError(f"the {o.language} edition could not be made: {exc}") from None
        source = result.folder
    tmp = dest.with_name(dest.name + ".new")
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    for name in names:
        shutil.copyfile(source / name, tmp / name)
        os.chmod(tmp / name, 0o644)
    os.chmod(tmp, 0o755)
    shutil.rmtree(dest, ignore_errors=True)
    tmp.rename(dest)
    return names


def _probe(account: str, python: str) -> str:
    """'' if the student's account can run `python` with the library and read the data, else why not."""
    probe = ("import sys, biomfg.data as d; p = d.data_dir() / 'datapackage.json'; "
             "open(p).read(1); import jupyterhub.singleuser, ipykernel; sys.stdout.write('ok')")
    result = subprocess.run(["runuser", "-u", account, "--", python, "-c", probe],
                            capture_output=True, text=True, timeout=180)
    return "" if result.stdout == "ok" else (result.stderr.strip().splitlines() or ["cannot run Python"])[-1]


def student_python(account: str, state: Path) -> str:
    """The Python the students' servers and kernels run: this one if their accounts can run it; else (an
    interpreter in a private folder, such as pyenv's under /root) a venv in the state folder made from a
    system Python of the same version, which loads this environment's packages (same minor version, so
    the same binary interface) without installing them again."""
    why = _probe(account, sys.executable)
    if not why:
        return sys.executable
    version = f"python{sys.version_info.major}.{sys.version_info.minor}"
    public = state / "python"
    base = shutil.which(version, path="/usr/local/bin:/usr/bin:/bin")
    if base and not (public / "bin" / "python").exists():
        made = subprocess.run([base, "-m", "venv", "--without-pip", str(public)], capture_output=True, text=True)
        if made.returncode == 0:
            import sysconfig
            ours = sysconfig.get_paths()["purelib"]
            site_dir = next((public / "lib").glob("python3*/site-packages"))
            (site_dir / "biomfg-classroom.pth").write_text(f"import site; site.addsitedir({ours!r})\n")
            subprocess.run(["chmod", "-R", "a+rX", str(public)], check=True)
    if base and (public / "bin" / "python").exists():
        why_public = _probe(account, str(public / "bin" / "python"))
        if not why_public:
            return str(public / "bin" / "python")
        why = why_public
    raise ClassroomError(f"student account {account} cannot use the collection at {PACKAGE_ROOT}: {why}; put the "
                         f"repository and its Python where every account can read them (e.g. /opt/biomfg), or "
                         f"chmod o+rx each folder on the way")


def prepare(o: Options) -> dict:
    """Everything but the hub itself: accounts, passwords, originals, settings. Returns the settings."""
    _fail_unless_root()
    _check(o)
    state = o.state
    if running(state):
        raise ClassroomError(f"a class server is already running ({public_url(settings(state))}); make classroom-stop first")
    state.mkdir(parents=True, exist_ok=True)
    os.chmod(state, 0o711)  # the students' accounts reach originals/ and python/ by name; the rest is 0600
    made_list = False
    if not o.class_list.exists() and o.class_list == state / "class.txt":
        o.class_list.write_text("# One student a line, in any script (张三, li-si). Lines starting with # are ignored.\n"
                                + "\n".join(EXAMPLE_CLASS) + "\n", encoding="utf-8")
        made_list = True
    students = accounts.read_class_list(o.class_list, o.prefix, o.teacher)
    teacher_account = accounts.system_name(o.teacher, o.prefix)
    memory = limits.parse_memory(o.memory)
    cpus = limits.parse_cpus(o.cpus)
    names = _originals(o, state / "originals")
    o.homes.mkdir(parents=True, exist_ok=True)
    for s in [*students, accounts.Student(accounts.normalize(o.teacher), teacher_account)]:
        accounts.ensure_account(s.account, o.homes)
    python = student_python(students[0].account, state)

    sheet = accounts.read_sheet(state / "accounts.csv")
    rows = []
    store = state / "passwords.dbm"
    if o.accounts == "shared":
        class_pw = o.class_password or _secret_file(state / "class-password", accounts.new_password)
        (state / "class-password").write_text(class_pw)
        os.chmod(state / "class-password", 0o600)
        teacher_pw = _secret_file(state / "teacher-password", lambda: accounts.new_password(32))
        rows = [(s.name, s.account, class_pw) for s in students]
        rows.append((accounts.normalize(o.teacher), teacher_account, teacher_pw))
    else:
        for s in [*students, accounts.Student(accounts.normalize(o.teacher), teacher_account)]:
            first = sheet.get(s.name, ("", ""))[1]
            if o.passwords == "generated" and not accounts.has_password(store, s.name):
                first = accounts.new_password()
                accounts.set_password(store, s.name, first)
            if o.passwords == "first-use":
                first = first or "(set at first login)"
            rows.append((s.name, s.account, first))
    accounts.write_sheet(state / "accounts.csv", rows, accounts.normalize(o.teacher))

    _secret_file(state / "service-token", lambda: secrets.token_hex(32))
    _secret_file(state / "proxy-token", lambda: secrets.token_hex(32))
    lab_lang = "both" if o.language == "both" else o.language
    s = {
        "host": o.host, "port": o.port, "hub_port": _free_port(), "proxy_api_port": _free_port(),
        "cert": o.cert and str(Path(o.cert).resolve()), "key": o.key and str(Path(o.key).resolve()),
        "accounts": o.accounts, "passwords": o.passwords, "teacher": accounts.normalize(o.teacher),
        "students": [st.name for st in students], "prefix": o.prefix, "homes": str(o.homes),
        "settings_dir": str(LAB_SETTINGS / lab_lang), "language": o.language, "edition": o.edition,
        "first_notebook": FIRST_NOTEBOOK if FIRST_NOTEBOOK in names else names[0],
        "memory_bytes": memory, "cpus": cpus, "idle_seconds": o.idle_minutes * 60,
        "proxy": str(PROXY),
        "login_note": LOGIN_NOTE[o.language] if o.language in LOGIN_NOTE else "<br>".join(LOGIN_NOTE.values()),
        "class_list": str(o.class_list),
        "made_example_class": made_list, "lessons": names, "python": python,
    }
    (state / "settings.json").write_text(json.dumps(s, ensure_ascii=False, indent=1), encoding="utf-8")
    return s


def _hub_cmd() -> list[str]:
    return [str(Path(sys.executable).with_name("jupyterhub")), "-f", str(CONFIG)]


def _env(state: Path) -> dict:
    env = dict(os.environ, BIOMFG_CLASSROOM_STATE=str(state))
    env["PATH"] = f"{Path(sys.executable).parent}:{env.get('PATH', '/usr/bin:/bin')}"
    return env


def api(s: dict, path: str, method: str = "GET", body: dict | None = None, state: Path = STATE, timeout: float = 10):
    """The hub's REST API as the classroom service (its token is in the state folder)."""
    token = (state / "service-token").read_text().strip()
    req = urllib.request.Request(f"http://127.0.0.1:{s['hub_port']}/hub/api{path}", method=method,
                                 data=json.dumps(body).encode() if body is not None else None,
                                 headers={"Authorization": f"token {token}", "Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=timeout) as r:
        text = r.read()
    return json.loads(text) if text else None


def wait_ready(s: dict, state: Path, pid: int, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not _alive(pid):  # the hub exited: its log says why
            break
        try:
            api(s, "/", state=state, timeout=2)
            with urllib.request.urlopen(url(s) + "/hub/login", timeout=5, context=_local_context(s)) as r:
                if r.status == 200:
                    return
        except (OSError, urllib.error.URLError):
            time.sleep(0.3)
    tail = "\n".join((state / "hub.log").read_text(errors="replace").splitlines()[-15:]) if (state / "hub.log").exists() else ""
    why = "exited" if not _alive(pid) else f"did not answer within {timeout:.0f} s"
    stop(state)
    raise ClassroomError(f"the hub {why}; the end of {state.name}/hub.log:\n{tail}")


def _alive(pid: int) -> bool:
    try:
        if os.waitpid(pid, os.WNOHANG)[0] == pid:  # our own child that has ended (not a zombie that looks alive)
            return False
    except ChildProcessError:
        pass
    try:
        os.kill(pid, 0)
        return True
    except OSError:
        return False


def summary(s: dict, state: Path) -> str:
    """What the teacher needs after the start, in both languages (the class may be Chinese-first)."""
    lim = limits.Limits(s["memory_bytes"], s["cpus"])
    enforced = "" if limits.layout() else " (not enforced: no writable cgroup tree · 未能生效)"
    lang = {"both": ("both languages", "中英双语"), "zh": ("Chinese", "中文"), "en": ("English", "英文")}[s["language"]]
    student = s["edition"] == "student"
    n, minutes = len(s["students"]), s["idle_seconds"] // 60
    lines = [
        f"Class server · 课堂服务器: {public_url(s)}",
        f"  {n} students, lessons in {lang[0]}{' (student edition)' if student else ''}; teacher (admin): "
        f"{s['teacher']}",
        f"  {n}名学生，课程为{lang[1]}{'学生版' if student else ''}；教师（管理员）账户：{s['teacher']}",
        f"  Names and first passwords · 名单与初始密码: {state.name}/accounts.csv",
        f"  Each student · 每名学生: {lim.describe()}{enforced}; idle servers stop after {minutes} min · "
        f"空闲{minutes}分钟后关闭",
    ]
    if s.get("made_example_class"):
        lines.append(f"  No class list was given: {state.name}/class.txt lists 5 example students; write your class into "
                     f"it (one name a line), then make classroom-add · 未指定名单：已在 {state.name}/class.txt 写入5个示例"
                     f"名字，请改为本班名单（每行一个），再运行 make classroom-add")
    return "\n".join(lines)


def start(o: Options, detach: bool = False) -> int:
    s = prepare(o)
    state = o.state
    log = open(state / "hub.log", "ab")
    proc = subprocess.Popen(_hub_cmd(), cwd=state, env=_env(state), stdout=log, stderr=subprocess.STDOUT,
                            start_new_session=True)
    (state / "hub.pid").write_text(str(proc.pid))
    wait_ready(s, state, proc.pid)
    print(summary(s, state))
    if detach:
        print("Stop it with: make classroom-stop")
        return 0
    print("Press Ctrl-C to stop the class server (every student's server stops with it).")
    try:
        while proc.poll() is None:
            time.sleep(1)
    except KeyboardInterrupt:
        pass
    finally:
        stop(state, quiet=True)
    return 0


def stop(state: Path = STATE, quiet: bool = False) -> int:
    """Stop the hub, which stops every student's server and the proxy; then make sure nothing is left."""
    pid = _pid(state / "hub.pid")
    if pid:
        os.killpg(pid, signal.SIGTERM)
        deadline = time.monotonic() + 40
        while _alive(pid) and time.monotonic() < deadline:
            time.sleep(0.2)
        if _alive(pid):
            os.killpg(pid, signal.SIGKILL)
    proxy = _pid(state / "proxy.pid")
    if proxy:
        os.kill(proxy, signal.SIGTERM)
    left = 0
    try:
        s = settings(state)
    except ClassroomError:
        s = None
    if s:
        for name in [*s["students"], s["teacher"]]:
            account = accounts.system_name(name, s["prefix"])
            if accounts.account_exists(account):
                r = subprocess.run(["pkill", "-KILL", "-u", account], capture_output=True)
                left += r.returncode == 0
                limits.remove(account)
    (state / "hub.pid").unlink(missing_ok=True)
    if not quiet:
        print("Class server stopped." if pid else "No class server was running.")
        if left:
            print(f"({left} student account(s) still had processes; they were ended)")
    return 0


def status(state: Path = STATE) -> int:
    s = settings(state)
    if not running(state):
        print("No class server is running (make classroom starts it) · 课堂服务器未运行")
        return 0
    users = api(s, "/users?state=active", state=state)
    active = sorted(u["name"] for u in users if u.get("servers"))
    students = [name for name in active if name != s["teacher"]]
    print(f"Class server · 课堂服务器: {public_url(s)}; {len(s['students'])} students, {len(students)} with a server "
          f"running · {len(s['students'])}名学生，{len(students)}人的服务器正在运行"
          + ("; the teacher's too · 教师的服务器也在运行" if s["teacher"] in active else ""))
    for name in students:
        account = accounts.system_name(name, s["prefix"])
        use = limits.usage(account) or {}
        peak = use.get("peak_bytes")
        print(f"  {name} ({account})" + (f": peak memory {peak / 2**20:.0f} MiB" if peak else ""))
    return 0


def add(o: Options) -> int:
    """Accounts and passwords for the names added to the class list; the running hub learns of them."""
    state = o.state
    s = settings(state)
    for key in ("accounts", "passwords", "teacher", "prefix"):
        setattr(o, key, s[key])
    o.homes = Path(s["homes"])
    o.class_list = Path(s["class_list"]) if o.class_list == STATE / "class.txt" else o.class_list
    students = accounts.read_class_list(o.class_list, o.prefix, o.teacher)
    new = [st for st in students if st.name not in s["students"]]
    sheet = accounts.read_sheet(state / "accounts.csv")
    rows = [(n, a, p) for n, (a, p) in sheet.items()]
    store = state / "passwords.dbm"
    for st in new:
        accounts.ensure_account(st.account, o.homes)
        first = "(set at first login)"
        if s["accounts"] == "shared":
            first = (state / "class-password").read_text().strip()
        elif s["passwords"] == "generated":
            first = accounts.new_password()
            accounts.set_password(store, st.name, first)
        rows.append((st.name, st.account, first))
    accounts.write_sheet(state / "accounts.csv", rows, s["teacher"])
    s["students"] = [st.name for st in students]
    (state / "settings.json").write_text(json.dumps(s, ensure_ascii=False, indent=1), encoding="utf-8")
    if new and running(state):
        api(s, "/users", "POST", {"usernames": [st.name for st in new]}, state=state)
    print(f"{len(new)} student(s) added: " + ", ".join(st.name for st in new) if new else "No new names in the class list.")
    if new:
        print(f"Their first passwords are in {state.name}/accounts.csv.")
    return 0


def reset(student: str, notebook: str | None, password: bool, state: Path = STATE) -> int:
    """Put a student's lessons (or one) back to the originals, their copies kept; or give a new password."""
    from . import session

    s = settings(state)
    name = accounts.normalize(student)
    if name not in s["students"]:
        raise ClassroomError(f"STUDENT={student}: not on the class list; valid choices: {', '.join(s['students'])}")
    account = accounts.system_name(name, s["prefix"])
    entry = pwd.getpwnam(account)
    dest = Path(entry.pw_dir) / "notebooks"
    source = state / "originals"
    if password:
        store = state / "passwords.dbm"
        if s["accounts"] == "shared":
            raise ClassroomError("ACCOUNTS=shared: the whole class shares one password (CLASS_PASSWORD=); nothing to reset")
        if s["passwords"] == "first-use":
            accounts.forget_password(store, name)
            print(f"{name}: password cleared; the next password they sign in with becomes theirs")
        else:
            first = accounts.new_password()
            accounts.set_password(store, name, first)
            sheet = accounts.read_sheet(state / "accounts.csv")
            sheet[name] = (account, first)
            accounts.write_sheet(state / "accounts.csv", [(n, a, p) for n, (a, p) in sheet.items()], s["teacher"])
            print(f"{name}: new password {first} (also in {state.name}/accounts.csv)")
        return 0
    names = [notebook] if notebook else [p.name for p in sorted(source.glob("*.ipynb"))]
    open_now = open_lessons(s, name, state) & {f"notebooks/{session.match(nb, source).name}" for nb in names}
    for path in sorted(open_now):
        print(f"warning: {name} has {path} open; ask them to close it without saving (the open tab would write "
              f"their copy back at the next save) · 该生正打开此课：请其关闭且不要保存", file=sys.stderr)
    dest.mkdir(exist_ok=True)
    os.chown(dest, entry.pw_uid, entry.pw_gid)
    for nb in names:
        target = session.reset(nb, source, dest)
        for path in (dest / "before-reset", target, *(dest / "before-reset").glob("*")):
            if path.exists():
                os.chown(path, entry.pw_uid, entry.pw_gid)
    # the notebooks are trusted again as the student (their signature database is in their home)
    subprocess.run(["runuser", "-u", account, "--", sys.executable, "-m", "jupyter", "trust", "--log-level=WARN",
                    *[str(dest / session.match(nb, source).name) for nb in names]], capture_output=True)
    print(f"{name}: {len(names)} lesson(s) back to the original; the copies they had changed are in "
          f"notebooks/before-reset/ · 已恢复，改动过的副本保存在 notebooks/before-reset/")
    return 0


def open_lessons(s: dict, name: str, state: Path = STATE) -> set[str]:
    """The notebooks a student has open in JupyterLab now (their server's sessions), if it is running."""
    if not running(state):
        return set()
    token = (state / "service-token").read_text().strip()
    req = urllib.request.Request(f"{url(s)}/user/{urllib.parse.quote(name)}/api/sessions",
                                 headers={"Authorization": f"token {token}"})
    try:
        with urllib.request.urlopen(req, timeout=10, context=_local_context(s)) as r:
            return {x["path"] for x in json.loads(r.read())}
    except (OSError, ValueError):
        return set()   # no server running: nothing open


def remove(state: Path = STATE, confirm: bool = False) -> int:
    """End of term: stop the server, delete every student's account and home, and the state folder."""
    _fail_unless_root()
    try:
        s = settings(state)
    except ClassroomError:
        print("No class here to remove.")
        return 0
    names = [*s["students"], s["teacher"]]
    if confirm:
        what = (f"This deletes {len(names)} accounts with all their work, and {state.name}/ with the class sheet · "
                f"将删除{len(names)}个账户及其全部文件和名单")
        if not sys.stdin.isatty():
            raise ClassroomError(f"{what}; to go on: make classroom-remove YES=1")
        if input(f"{what}. Type yes to go on · 输入 yes 继续: ").strip().lower() != "yes":
            print("Nothing removed · 未删除任何内容")
            return 1
    stop(state, quiet=True)
    for name in names:
        account = accounts.system_name(name, s["prefix"])
        accounts.remove_account(account)
        limits.remove(account)
    shutil.rmtree(state)
    print(f"Removed {len(names)} accounts with their homes, and {state.name}/.")
    return 0


def options_from(args) -> Options:
    o = Options()
    for key, value in vars(args).items():
        if value is None or not hasattr(o, key):
            continue
        current = getattr(o, key)
        if isinstance(current, Path):
            value = Path(value)
        elif not isinstance(current, bool):
            value = type(current)(value)
        setattr(o, key, value)
    if args.state:
        o.state = Path(args.state)
        if args.class_list is None:
            o.class_list = o.state / "class.txt"
    return o


def main(args) -> int:
    try:
        if args.action == "start":
            return start(options_from(args), detach=args.detach)
        if args.action == "stop":
            return stop(Path(args.state) if args.state else STATE)
        if args.action == "status":
            return status(Path(args.state) if args.state else STATE)
        if args.action == "add":
            return add(options_from(args))
        if args.action == "reset":
            if not args.student:
                raise ClassroomError("STUDENT= is needed: make classroom-reset STUDENT=name [NOTEBOOK=01] [PASSWORD=1]")
            return reset(args.student, args.notebook, args.password, Path(args.state) if args.state else STATE)
        if args.action == "remove":
            return remove(Path(args.state) if args.state else STATE, confirm=not args.yes)
        if args.action == "load":
            from . import load
            return load.main(args)
    except ClassroomError as exc:
        print(f"classroom: {exc}", file=sys.stderr)
        return 2
    raise SystemExit(f"unknown action {args.action}")


