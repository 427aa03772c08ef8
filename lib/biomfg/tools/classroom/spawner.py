"""The class server's spawner: each student's JupyterLab runs as their own system account, in their
own home, with their own copy of the lessons, inside their memory and CPU limits."""

from __future__ import annotations

import pwd
import sys
from pathlib import Path

from jupyterhub.spawner import LocalProcessSpawner
from traitlets import Dict, Unicode

from . import limits
from .accounts import ensure_account, system_name

SESSION = Path(__file__).with_name("session.py")


class ClassroomSpawner(LocalProcessSpawner):
    account_prefix = Unicode("jupyter-", config=True, help="prefix of the students' system account names")
    homes = Unicode("/home", config=True, help="folder the students' homes are made in")
    originals = Unicode(config=True, help="the class's lessons, copied into each new home")
    settings_dir = Unicode(config=True, help="JupyterLab settings folder (its language)")
    limit_settings = Dict(config=True, help="memory_bytes, cpus")
    python = Unicode(sys.executable, config=True, help="the Python the students' accounts can run")

    @property
    def account(self) -> str:
        return system_name(self.user.name, self.account_prefix)

    def make_preexec_fn(self, name):
        return super().make_preexec_fn(self.account)

    def user_env(self, env):
        entry = pwd.getpwnam(self.account)
        env.update(USER=self.account, HOME=entry.pw_dir, SHELL=entry.pw_shell or "/bin/bash")
        return env

    def get_env(self):
        env = super().get_env()
        bin_dir = str(Path(self.python).parent)
        env["PATH"] = f"{bin_dir}:/usr/local/bin:/usr/bin:/bin"
        env["BIOMFG_ORIGINALS"] = self.originals
        # the students' Python may be another interpreter loading this environment's packages: point Jupyter
        # at this environment's extensions, settings and JupyterLab build
        env["JUPYTER_PATH"] = f"{sys.prefix}/share/jupyter"
        env["JUPYTER_CONFIG_PATH"] = f"{sys.prefix}/etc/jupyter"
        env["JUPYTERLAB_DIR"] = f"{sys.prefix}/share/jupyter/lab"
        return env

    async def start(self):
        ensure_account(self.account, Path(self.homes))  # a student added after the start
        self.cmd = [self.python, str(SESSION), "start", "--", "jupyterhub.singleuser"]
        self.args = [
            f"--LabApp.app_settings_dir={self.settings_dir}",
            "--LabApp.news_url=None",
            "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
            "--LabApp.extension_manager=readonly",
            "--KernelManager.transport_encryption=auto",
            # an interactive shell, not a login one: Debian's /etc/profile would reset PATH, and the terminal
            # would lose the class's Python (python -m biomfg reset 03)
            '--ServerApp.terminado_settings={"shell_command": ["/bin/bash"]}',
        ]
        self.notebook_dir = pwd.getpwnam(self.account).pw_dir
        result = await super().start()
        lim = limits.Limits(self.limit_settings.get("memory_bytes"), self.limit_settings.get("cpus"))
        if (lim.memory_bytes or lim.cpus) and not limits.place(self.pid, self.account, lim):
            self.log.warning("%s: limits (%s) not enforced: no writable cgroup tree", self.account, lim.describe())
        return result
