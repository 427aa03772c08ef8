# The class server's JupyterHub configuration. `make classroom` writes the class's settings into the
# state folder ($BIOMFG_CLASSROOM_STATE/settings.json) and starts JupyterHub with this file.
import json
import os
import sys
from pathlib import Path

from biomfg.tools.classroom.spawner import ClassroomSpawner

c = get_config()  # noqa: F821 (JupyterHub's config loader defines it)
state = Path(os.environ["BIOMFG_CLASSROOM_STATE"])
s = json.loads((state / "settings.json").read_text(encoding="utf-8"))

scheme = "https" if s["cert"] else "http"
c.JupyterHub.bind_url = f"{scheme}://{s['host']}:{s['port']}"
if s["cert"]:
    c.JupyterHub.ssl_cert = s["cert"]
    c.JupyterHub.ssl_key = s["key"]
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = s["hub_port"]
c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{s['proxy_api_port']}"
c.ConfigurableHTTPProxy.command = [s["proxy"]]
c.ConfigurableHTTPProxy.pid_file = str(state / "proxy.pid")
c.ConfigurableHTTPProxy.auth_token = (state / "proxy-token").read_text().strip()
c.JupyterHub.db_url = f"sqlite:///{state / 'jupyterhub.sqlite'}"
c.JupyterHub.cookie_secret_file = str(state / "jupyterhub_cookie_secret")
c.JupyterHub.cleanup_servers = True      # stopping the hub stops every student's server
c.JupyterHub.cleanup_proxy = True
# The sign-in page in the class's language (templates/login.html), with the teacher's note above the form
c.JupyterHub.template_paths = [str(Path(__file__).with_name("templates"))]
c.JupyterHub.template_vars = {"announcement_login": s["login_note"], "class_lang": s["language"]}

# Accounts: the class list only (no sign-up); the teacher is the one admin.
c.Authenticator.admin_users = {s["teacher"]}
c.Authenticator.allowed_users = set(s["students"])
if s["accounts"] == "shared":
    c.JupyterHub.authenticator_class = "shared-password"
    c.SharedPasswordAuthenticator.user_password = (state / "class-password").read_text().strip()
    c.SharedPasswordAuthenticator.admin_password = (state / "teacher-password").read_text().strip()
else:
    c.JupyterHub.authenticator_class = "firstuseauthenticator.FirstUseAuthenticator"
    c.FirstUseAuthenticator.dbm_path = str(state / "passwords.dbm")
    c.FirstUseAuthenticator.create_users = False
    c.FirstUseAuthenticator.min_password_length = 8

# Each student's server: their own account, home and copy of the lessons, within their limits.
c.JupyterHub.spawner_class = ClassroomSpawner
c.ClassroomSpawner.account_prefix = s["prefix"]
c.ClassroomSpawner.homes = s["homes"]
c.ClassroomSpawner.python = s["python"]
c.ClassroomSpawner.originals = str(state / "originals")
c.ClassroomSpawner.settings_dir = s["settings_dir"]
c.ClassroomSpawner.limit_settings = {"memory_bytes": s["memory_bytes"], "cpus": s["cpus"]}
c.ClassroomSpawner.mem_limit = s["memory_bytes"]   # shown to the server (its resource display); enforced by cgroups
c.ClassroomSpawner.default_url = "/lab/tree/notebooks/" + s["first_notebook"]
c.ClassroomSpawner.http_timeout = 180   # a whole class starting at once on a small machine
c.ClassroomSpawner.start_timeout = 300
c.ClassroomSpawner.poll_interval = 10   # a crashed server is noticed within seconds; the hub carries on

# Idle servers are stopped after the teacher's idle time (at least an hour by default, never mid-lesson:
# a student reading or typing keeps theirs active), checked every five minutes.
c.JupyterHub.load_roles = [
    {"name": "idle-culler", "services": ["idle-culler"],
     "scopes": ["list:users", "read:users:activity", "read:servers", "delete:servers"]},
    {"name": "classroom", "services": ["classroom"],
     "scopes": ["admin:users", "admin:servers", "list:users", "read:users", "tokens", "access:servers"]},
]
c.JupyterHub.services = [
    {"name": "idle-culler",
     "command": [sys.executable, "-m", "jupyterhub_idle_culler", f"--timeout={s['idle_seconds']}",
                 f"--cull-every={min(300, max(30, s['idle_seconds'] // 4))}"]},
    {"name": "classroom", "api_token": (state / "service-token").read_text().strip()},
]
