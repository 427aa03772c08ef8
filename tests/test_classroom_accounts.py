"""The class list and the class server's options: every mistake a teacher can make gets one line naming
the file and line, or the option, and the valid choices; nothing is started or made."""

from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path

import pytest

from biomfg.tools.classroom import accounts, hub, limits
from biomfg.tools.classroom.accounts import ClassroomError

ROOT = Path(__file__).resolve().parents[1]
VALID_ACCOUNT = re.compile(r"[a-z_][a-z0-9_-]{0,31}")


def write(tmp_path, text: str) -> Path:
    path = tmp_path / "class.txt"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_class_list_in_any_script_gives_valid_distinct_accounts(tmp_path):
    path = write(tmp_path, "# class 3\n张三\nli-si   # sits at the back\n\nＷａｎｇ.Wu\nAnna\n欧阳娜娜\n")
    students = accounts.read_class_list(path, "jupyter-", "teacher")
    assert [s.name for s in students] == ["张三", "li-si", "wang.wu", "anna", "欧阳娜娜"]
    assert [s.line for s in students] == [2, 3, 5, 6, 7]
    assert all(VALID_ACCOUNT.fullmatch(s.account) for s in students)
    assert len({s.account for s in students}) == len(students)
    assert students[1].account == "jupyter-li-si"              # readable when the name is ASCII
    assert students[0].account == accounts.system_name("张三", "jupyter-")   # stable: the same name, the same account


def test_a_class_list_saved_by_notepad_in_gbk_is_read(tmp_path):
    path = tmp_path / "class.txt"
    path.write_bytes("王小明\r\n李华\r\n".encode("gbk"))
    assert [s.name for s in accounts.read_class_list(path, "jupyter-", "teacher")] == ["王小明", "李华"]


@pytest.mark.parametrize("text, message", [
    ("ann\nzhang san\n", "class.txt line 2: 'zhang san' has a space"),
    ("ann\nbob,carl\n", "class.txt line 2: 'bob,carl' has a space or one of ,"),
    ("ann\nANN\n", "class.txt line 2: 'ANN' is already on line 1"),
    ("ａｎｎ\nann\n", "class.txt line 2: 'ann' is already on line 1 (names are compared ignoring case and full-width"),
    ("ann\nteacher\n", "class.txt line 2: 'teacher' is the teacher's account name"),
    ("# nobody yet\n\n", "class.txt: no names in it"),
])
def test_a_bad_class_list_is_one_line_naming_the_file_and_line(tmp_path, text, message):
    with pytest.raises(ClassroomError) as err:
        accounts.read_class_list(write(tmp_path, text), "jupyter-", "teacher")
    assert message in str(err.value)
    assert "\n" not in str(err.value)


def test_a_missing_class_list_says_how_to_write_one(tmp_path):
    with pytest.raises(ClassroomError, match=r"CLASS=.*nope.txt: no such file; write the students' names in it"):
        accounts.read_class_list(tmp_path / "nope.txt", "jupyter-", "teacher")


@pytest.mark.parametrize("change, message", [
    ({"language": "fr"}, "LANGUAGE=fr: not known; valid choices: both, zh, en"),
    ({"accounts": "open"}, "ACCOUNTS=open: not known; valid choices: list, shared"),
    ({"passwords": "none"}, "PASSWORDS=none: not known; valid choices: generated, first-use"),
    ({"edition": "student"}, "EDITION=student is one language: add LANGUAGE=zh or LANGUAGE=en"),
    ({"host": "0.0.0.0"}, "HOST=0.0.0.0 serves the network: passwords would cross it in clear text; give CERT= and KEY="),
    ({"host": "school"}, "HOST=school: not an IP address"),
    ({"cert": "/nonexistent/cert.pem", "key": "/nonexistent/key.pem"}, "CERT=/nonexistent/cert.pem: no such file"),
    ({"cert": "x.pem"}, "CERT= and KEY= go together"),
    ({"idle_minutes": 0}, "IDLE_MINUTES=0: must be at least 1"),
    ({"accounts": "shared", "class_password": "short"}, "CLASS_PASSWORD: at least 8 characters"),
])
def test_a_bad_option_names_itself_and_the_choices(change, message):
    o = hub.Options()
    for key, value in change.items():
        setattr(o, key, value)
    with pytest.raises(ClassroomError) as err:
        hub._check(o)
    assert message in str(err.value)


def test_the_network_can_be_served_without_tls_only_on_purpose():
    o = hub.Options(host="0.0.0.0", insecure=True)
    hub._check(o)  # no error: the teacher said so


@pytest.mark.parametrize("text, value", [("2G", 2 * 2**30), ("1.5GiB", int(1.5 * 2**30)), ("800M", 800 * 2**20),
                                         ("0", None)])
def test_memory_limits_read_as_a_teacher_writes_them(text, value):
    assert limits.parse_memory(text) == value


def test_a_bad_limit_names_the_variable():
    with pytest.raises(ClassroomError, match=r"MEM='lots': not a size; write e.g. MEM=1.5G"):
        limits.parse_memory("lots")
    with pytest.raises(ClassroomError, match=r"CPUS='two': not a number"):
        limits.parse_cpus("two")


def test_lab_settings_exist_for_each_language_and_set_the_menus():
    for lang in hub.LANGUAGES:
        assert (hub.LAB_SETTINGS / lang / "overrides.json").is_file()
    zh = json.loads((hub.LAB_SETTINGS / "zh" / "overrides.json").read_text())
    assert zh["@jupyterlab/translation-extension:plugin"]["locale"] == "zh_CN"


def test_without_root_the_class_server_says_why_in_one_line(monkeypatch, capsys):
    from biomfg.__main__ import main

    monkeypatch.setattr(hub.os, "geteuid", lambda: 1000)
    assert main(["classroom", "start"]) == 2
    assert capsys.readouterr().err.strip().splitlines() == [
        "classroom: the class server needs root (sudo make classroom): it makes one system account per student, "
        "which is what keeps their files apart"]


def test_make_classroom_with_a_bad_option_stops_before_anything_is_made():
    if os.geteuid() != 0:
        pytest.skip("needs root to get past the root check")
    existed = (ROOT / "classroom").exists()
    result = subprocess.run(["make", "-s", "classroom", "LANGUAGE=fr", "-o", ".venv/.installed", "-o",
                             "node_modules/.installed"], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode != 0
    assert "classroom: LANGUAGE=fr: not known; valid choices: both, zh, en" in result.stderr
    assert (ROOT / "classroom").exists() == existed
