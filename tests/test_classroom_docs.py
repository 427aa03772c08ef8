"""What the README and deploy/ tell a teacher is true: the sizing table is the measured one, every class
command it names exists, no Binder link points at a repository that does not exist, and the Kubernetes
values are well-formed, match the class server's choices and build from binder/ with repo2docker."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from biomfg.tools import binder
from biomfg.tools.classroom import hub, sizing

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
VALUES = ROOT / "deploy" / "kubernetes" / "values.yaml"


def test_the_readme_sizing_is_what_the_load_test_measured():
    result = json.loads((ROOT / "bench" / "classroom.json").read_text(encoding="utf-8"))
    assert result["students"] >= 30 and result["failures"] == 0
    assert result["hub_api_s"]["p95"] < 2
    assert sizing.table(result) in README, "run python -m biomfg.tools.classroom.sizing after make classroom-load"


def test_the_sizing_rule_is_students_times_peak_plus_the_hub():
    result = {"peak_memory_per_student_mib": {"max": 250.0}, "hub_and_proxy": {"peak_rss_mib": 256.0, "cpu_seconds": 30.0},
              "cpu_seconds_per_student": {"p95": 5.0}, "students": 30, "within_s": 60}
    memory, cores = sizing.needs(result, 40)
    assert memory == round((40 * 250 + 256 + sizing.OS_MIB) / 1024, 1)
    assert cores == 4   # 40 x (5 + 1) CPU s in 60 s


def test_every_class_command_the_readme_names_is_a_make_target():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    named = set(re.findall(r"make (classroom[a-z-]*)", README))
    assert {"classroom", "classroom-add", "classroom-reset", "classroom-stop", "classroom-status",
            "classroom-remove", "classroom-load"} <= named
    targets = set(re.findall(r"^([a-z][a-z -]*):", makefile, re.M))
    defined = {t for line in targets for t in line.split()}
    assert named <= defined


def test_no_binder_link_in_the_readme_points_at_a_repository_that_does_not_exist():
    assert "OWNER/REPO" not in README
    remote = binder.remote_url()
    repo = binder.slug(remote) if remote else None
    links = re.findall(r"mybinder\.org/v2/gh/([^/]+/[^/]+)/", README)
    assert all(link == repo for link in links), (links, repo)


@pytest.mark.parametrize("remote, slug", [
    ("https://github.com/biomfg/platforms.git", "biomfg/platforms"),
    ("git@github.com:biomfg/platforms.git", "biomfg/platforms"),
    ("ssh://git@github.com/biomfg/platforms", "biomfg/platforms"),
    ("/work/main", None),
    ("https://gitlab.com/biomfg/platforms.git", None),
])
def test_binder_links_come_from_a_github_remote(remote, slug):
    assert binder.slug(remote) == slug
    if slug:
        badges = binder.badges(slug)
        assert f"https://mybinder.org/v2/gh/{slug}/HEAD?urlpath=lab/tree/notebooks/00_start_here.ipynb" in badges
        assert f"https://mybinder.org/v2/gh/{slug}/HEAD?urlpath=voila/render/notebooks/present.ipynb" in badges


def test_binder_links_without_a_github_remote_say_why_and_print_nothing_to_paste():
    r = subprocess.run([sys.executable, "-m", "biomfg", "binder-links"], capture_output=True, text=True, cwd=ROOT)
    if binder.slug(binder.remote_url() or ""):
        assert r.returncode == 0 and "mybinder.org" in r.stdout
    else:
        assert r.returncode == 1 and r.stdout == ""
        assert "Binder builds only public repositories" in r.stderr


# The keys of the Zero to JupyterHub chart this file sets, with their types (the chart's own
# values.schema.json is checked by `helm lint` where the chart can be fetched: deploy/kubernetes/README.md).
STR, INT, NUM, BOOL = {"type": "string"}, {"type": "integer"}, {"type": "number"}, {"type": "boolean"}
SIZE = {"type": "string", "pattern": r"^\d+(\.\d+)?[KMG]i?$"}
STRS = {"type": "array", "items": STR, "minItems": 1}


def obj(props: dict, required: tuple = ()) -> dict:
    return {"type": "object", "properties": props, "additionalProperties": False, "required": list(required or props)}


SCHEMA = obj({
    "hub": obj({"config": obj({
        "JupyterHub": obj({"authenticator_class": STR}),
        "Authenticator": obj({"admin_users": STRS, "allowed_users": STRS}),
        "FirstUseAuthenticator": obj({"create_users": BOOL, "min_password_length": INT}),
        "KubeSpawner": obj({"args": STRS}),
    })}),
    "singleuser": obj({
        "image": obj({"name": STR, "tag": STR}),
        "cmd": STRS, "extraEnv": {"type": "object", "additionalProperties": STR}, "defaultUrl": STR,
        "memory": obj({"guarantee": SIZE, "limit": SIZE}), "cpu": obj({"guarantee": NUM, "limit": NUM}),
        "storage": obj({"type": {"enum": ["dynamic", "static", "none"]}, "capacity": SIZE, "homeMountPath": STR}),
        "startTimeout": INT,
        "networkPolicy": obj({"enabled": BOOL, "egressAllowRules": obj({"nonPrivateIPs": BOOL})}),
    }),
    "cull": obj({"enabled": BOOL, "timeout": INT, "every": INT}),
    "prePuller": obj({"hook": obj({"enabled": BOOL}), "continuous": obj({"enabled": BOOL})}),
    "scheduling": obj({"userScheduler": obj({"enabled": BOOL})}),
    "proxy": obj({"https": obj({"enabled": BOOL, "type": {"enum": ["letsencrypt", "manual", "offload", "secret"]},
                                "secret": obj({"name": STR}), "hosts": STRS})}),
})


def values() -> dict:
    yaml = YAML(typ="safe", pure=True)
    yaml.allow_duplicate_keys = False
    return yaml.load(VALUES.read_text(encoding="utf-8"))


def test_the_kubernetes_values_are_well_formed_and_typed():
    import jsonschema

    jsonschema.validate(values(), SCHEMA)


def test_the_kubernetes_values_make_the_same_class_as_the_class_server():
    v = values()
    o = hub.Options()
    su = v["singleuser"]
    assert v["cull"]["timeout"] == o.idle_minutes * 60
    assert su["memory"]["limit"] == o.memory and su["cpu"]["limit"] == float(o.cpus)
    assert su["defaultUrl"] == "/lab/tree/notebooks/" + hub.FIRST_NOTEBOOK
    assert not su["networkPolicy"]["egressAllowRules"]["nonPrivateIPs"]   # no internet, as in class
    assert v["hub"]["config"]["FirstUseAuthenticator"]["create_users"] is False
    assert v["hub"]["config"]["Authenticator"]["admin_users"] == [o.teacher]
    # the image's own copy of the repository (repo2docker --target-repo-dir /srv/repo) holds what cmd runs
    script = su["cmd"][1]
    assert script.startswith("/srv/repo/") and (ROOT / script.removeprefix("/srv/repo/")).is_file()
    assert (ROOT / su["extraEnv"]["BIOMFG_ORIGINALS"].removeprefix("/srv/repo/")).is_dir()
    for arg in v["hub"]["config"]["KubeSpawner"]["args"]:
        if arg.startswith("--LabApp.app_settings_dir="):
            assert (ROOT / arg.split("=", 1)[1].removeprefix("/srv/repo/") / "overrides.json").is_file()
    assert su["image"]["tag"] == __import__("biomfg").__version__


def test_the_single_user_image_builds_from_binder_with_repo2docker():
    doc = (ROOT / "deploy" / "kubernetes" / "README.md").read_text(encoding="utf-8")
    command = re.search(r"jupyter-repo2docker [^\n]*", doc)[0]
    assert "--target-repo-dir /srv/repo" in command and "--user-name jovyan" in command
    exe = Path(sys.executable).parent / "jupyter-repo2docker"
    r = subprocess.run([str(exe), "--no-build", "--debug", "--no-run", "--user-name", "jovyan", "--user-id", "1000",
                        "--target-repo-dir", "/srv/repo", "--image-name", "biomfg-classroom:test", str(ROOT)],
                       capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr[-2000:]
    dockerfile = r.stdout + r.stderr
    assert 'pip install --no-cache-dir -r "binder/requirements.txt"' in dockerfile
    assert "./binder/postBuild" in dockerfile
    pins = (ROOT / "binder" / "requirements.txt").read_text()
    assert re.search(r"^jupyterhub==", pins, re.M), "the image needs jupyterhub for jupyterhub-singleuser"
