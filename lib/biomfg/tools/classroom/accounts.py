"""The class list and its accounts.

A class list is a text file, one student a line (`#` starts a comment), in any script: 张三, li-si,
Wang.Wu. Each student gets a system account of their own (the prefix, then the name in ASCII, or a
short hash of it when the name is not ASCII: 张三 -> jupyter-u3f1c9a2b), with a private home (mode 700):
that is what keeps students out of one another's files, through the server and from a kernel alike.
"""

from __future__ import annotations

import csv
import dbm
import grp
import hashlib
import os
import pwd
import re
import secrets
import shutil
import subprocess
import time
import unicodedata
from dataclasses import dataclass
from pathlib import Path


class ClassroomError(RuntimeError):
    """A classroom command cannot go on: one line naming the file, line, option or account, and the fix."""


# JupyterHub's own rule for names is loose; these break URLs, the login form or the password store.
BAD_CHARS = re.compile(r"[\s,/\\?#%&:;\"'<>|`$]")
ASCII_NAME = re.compile(r"[a-z][a-z0-9_-]*")  # what adduser accepts everywhere
# No 0/O, 1/l/I: a password read off a printed class sheet.
ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"


@dataclass(frozen=True)
class Student:
    name: str        # as the student types it at the login page (JupyterHub lowercases ASCII letters)
    account: str     # the system account their server runs as
    line: int = 0    # the class list's line, for messages


def normalize(name: str) -> str:
    """The name as JupyterHub stores it: NFKC (full-width letters become ASCII), ASCII lowercased."""
    return unicodedata.normalize("NFKC", name).strip().lower()


def system_name(name: str, prefix: str) -> str:
    """A valid Linux account name for a student's name: readable when the name is ASCII, else a hash."""
    name = normalize(name)
    digest = hashlib.sha256(name.encode("utf-8")).hexdigest()
    if ASCII_NAME.fullmatch(name) and len(prefix) + len(name) <= 32:
        return prefix + name
    ascii_part = re.sub(r"[^a-z0-9]+", "-", name).strip("-")[:12]
    return f"{prefix}{ascii_part}-{digest[:8]}" if ascii_part else f"{prefix}u{digest[:8]}"


def read_text(path: Path) -> str:
    """UTF-8 (with or without a byte-order mark), else GB18030: Notepad on Chinese Windows saves GBK."""
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("gb18030")
    except UnicodeDecodeError as exc:
        line = raw[:exc.start].count(b"\n") + 1
        raise ClassroomError(f"{path.name} line {line}: neither UTF-8 nor GBK text; save the class list as UTF-8") from None


def read_class_list(path: Path, prefix: str, teacher: str) -> list[Student]:
    """The students of a class list; a bad line is a one-line error naming the file and line."""
    if not path.is_file():
        raise ClassroomError(f"CLASS={path}: no such file; write the students' names in it, one a line "
                             f"(the README's 'A class on one server' shows one)")
    students: list[Student] = []
    seen: dict[str, int] = {}
    for number, raw in enumerate(read_text(path).splitlines(), start=1):
        text = raw.split("#", 1)[0].strip()
        if not text:
            continue
        where = f"{path.name} line {number}"
        name = normalize(text)
        if BAD_CHARS.search(name):
            raise ClassroomError(f"{where}: {text!r} has a space or one of , / \\ ? # % & : ; quotes < > | ` $; "
                                 f"write it without (zhang-san, 张三)")
        if len(name) > 64:
            raise ClassroomError(f"{where}: {text!r} is longer than 64 characters")
        if name == normalize(teacher):
            raise ClassroomError(f"{where}: {text!r} is the teacher's account name; choose another TEACHER= or rename")
        if name in seen:
            raise ClassroomError(f"{where}: {text!r} is already on line {seen[name]} (names are compared "
                                 f"ignoring case and full-width letters)")
        seen[name] = number
        students.append(Student(name, system_name(name, prefix), number))
    if not students:
        raise ClassroomError(f"{path.name}: no names in it; write the students' names, one a line")
    accounts: dict[str, Student] = {}
    for s in students:
        if s.account in accounts:
            raise ClassroomError(f"{path.name} lines {accounts[s.account].line} and {s.line}: two names give the "
                                 f"same system account {s.account}; change one of them")
        accounts[s.account] = s
    return students


def new_password(length: int = 10) -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(length))


def _account_command(args: list[str]) -> subprocess.CompletedProcess:
    """useradd/userdel, waiting out another process's lock on /etc/passwd (two classes starting at once)."""
    for _ in range(50):
        result = subprocess.run(args, capture_output=True, text=True)
        if result.returncode == 0 or "lock" not in result.stderr.lower():
            return result
        time.sleep(0.2)
    return result


def account_exists(account: str) -> bool:
    try:
        pwd.getpwnam(account)
    except KeyError:
        return False
    return True


def ensure_account(account: str, homes: Path) -> pwd.struct_passwd:
    """The student's system account with a private home, made if missing."""
    if not account_exists(account):
        home = homes / account
        result = _account_command(
            ["useradd", "--home-dir", str(home), "--create-home", "--shell", "/bin/bash", "--user-group",
             "--no-log-init", "--comment", "biomfg classroom student", account])
        if result.returncode != 0:
            raise ClassroomError(f"useradd {account}: {result.stderr.strip() or 'failed'}")
    entry = pwd.getpwnam(account)
    home = Path(entry.pw_dir)
    home.mkdir(parents=True, exist_ok=True)
    os.chown(home, entry.pw_uid, entry.pw_gid)
    os.chmod(home, 0o700)
    return entry


def remove_account(account: str) -> None:
    """Delete a student's system account and home (only accounts this tool made: the comment says so)."""
    try:
        entry = pwd.getpwnam(account)
    except KeyError:
        return
    if entry.pw_gecos != "biomfg classroom student":
        raise ClassroomError(f"{account}: not an account the classroom made; left alone")
    subprocess.run(["pkill", "-KILL", "-u", account], capture_output=True)
    _account_command(["userdel", "--remove", account])
    shutil.rmtree(entry.pw_dir, ignore_errors=True)
    try:
        grp.getgrnam(account)
        _account_command(["groupdel", account])
    except KeyError:
        pass


def set_password(store: Path, name: str, password: str) -> None:
    """Write a password into the login's store (FirstUseAuthenticator's dbm: name -> bcrypt hash)."""
    import bcrypt

    with dbm.open(str(store), "c", 0o600) as db:
        db[normalize(name)] = bcrypt.hashpw(password.encode("utf-8"), bcrypt.gensalt())


def forget_password(store: Path, name: str) -> None:
    """Remove a password: with PASSWORDS=first-use the student's next login sets a new one."""
    with dbm.open(str(store), "c", 0o600) as db:
        key = normalize(name).encode("utf-8")
        if key in db:
            del db[key]


def has_password(store: Path, name: str) -> bool:
    if not any(store.parent.glob(store.name + "*")):
        return False
    with dbm.open(str(store), "c", 0o600) as db:
        return normalize(name).encode("utf-8") in db


def write_sheet(path: Path, rows: list[tuple[str, str, str]], teacher: str | None = None) -> None:
    """The class sheet the teacher prints: name, account, first password (readable by the teacher only).
    UTF-8 with a byte-order mark, so Excel on Chinese Windows shows 王小明, not mojibake; the teacher last."""
    rows = sorted(rows, key=lambda r: r[0] == teacher)  # stable: the students in class-list order
    tmp = path.with_suffix(".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f)
        w.writerow(["name", "account", "first_password"])
        w.writerows(rows)
    os.replace(tmp, path)


def read_sheet(path: Path) -> dict[str, tuple[str, str]]:
    if not path.is_file():
        return {}
    with path.open(encoding="utf-8-sig", newline="") as f:
        return {r["name"]: (r["account"], r["first_password"]) for r in csv.DictReader(f)}
