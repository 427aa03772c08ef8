"""A student as the server sees them, without a browser: the login form, the spawn, the OAuth round to
their own server, JupyterLab's REST API and a kernel's websocket (the Jupyter messaging protocol). The
load test drives a class of these; the tests use one to try what a student could do."""

from __future__ import annotations

import asyncio
import json
import time
import uuid

STEP_S = 600  # any one wait


class Refused(RuntimeError):
    """The server said no: a login refused, a page forbidden."""


class Kernel:
    """One kernel's websocket, speaking the Jupyter messaging protocol as JupyterLab does."""

    def __init__(self, ws):
        self.ws, self.session = ws, uuid.uuid4().hex
        self.comms: dict[str, dict] = {}

    def message(self, msg_type: str, content: dict, channel: str = "shell") -> dict:
        return {"header": {"msg_id": uuid.uuid4().hex, "msg_type": msg_type, "username": "student",
                           "session": self.session, "date": "", "version": "5.3"},
                "parent_header": {}, "metadata": {}, "content": content, "channel": channel, "buffers": []}

    async def send(self, msg: dict, on_output=None) -> list[dict]:
        """Send one message; return the iopub messages it caused, up to the kernel's idle status."""
        await self.ws.send(json.dumps(msg))
        out = []
        while True:
            reply = json.loads(await asyncio.wait_for(self.ws.recv(), STEP_S))
            if reply.get("channel") != "iopub":
                continue
            kind = reply["header"]["msg_type"]
            if kind == "comm_open" and reply["content"].get("target_name") == "jupyter.widget":
                self.comms[reply["content"]["comm_id"]] = reply["content"]["data"].get("state", {})
            if reply.get("parent_header", {}).get("msg_id") != msg["header"]["msg_id"]:
                continue
            if kind == "status" and reply["content"]["execution_state"] == "idle":
                return out
            out.append(reply)
            if on_output:
                on_output(reply)

    async def run(self, code: str, on_output=None) -> list[dict]:
        """Execute code as a cell; an error in it raises, with the kernel's own name and message."""
        out = await self.send(self.message("execute_request", {
            "code": code, "silent": False, "store_history": True, "user_expressions": {}, "allow_stdin": False,
            "stop_on_error": True}), on_output)
        errors = [m for m in out if m["header"]["msg_type"] == "error"]
        if errors:
            e = errors[0]["content"]
            raise RuntimeError(f"{e['ename']}: {e['evalue']}"[:300])
        return out

    async def value(self, expression: str) -> str:
        """The text of an expression's result (its repr)."""
        out = await self.run(expression)
        return "".join(m["content"]["data"].get("text/plain", "") for m in out
                       if m["header"]["msg_type"] == "execute_result")

    async def change_choice(self) -> list[dict]:
        """Pick another option of the first choice widget, as its view does; return what that drew."""
        for comm_id, state in self.comms.items():
            labels = state.get("_options_labels")
            if labels and len(labels) > 1 and "index" in state:
                new = 1 if state.get("index") != 1 else 0
                return await self.send(self.message("comm_msg", {"comm_id": comm_id, "data": {
                    "method": "update", "state": {"index": new}, "buffer_paths": []}}))
        raise RuntimeError("no choice widget to change")


class Student:
    """One student's browser session against the class server."""

    def __init__(self, base: str, name: str, password: str, verify: bool = True):
        import httpx

        self.base, self.name, self.password = base, name, password
        self.web = httpx.AsyncClient(base_url=base, follow_redirects=True, timeout=STEP_S, verify=verify)

    async def close(self) -> None:
        await self.web.aclose()

    async def login(self) -> None:
        await self.web.get("/hub/login")
        r = await self.web.post("/hub/login", data={"username": self.name, "password": self.password,
                                                    "_xsrf": self.web.cookies.get("_xsrf", path="/hub/") or ""})
        if r.url.path.startswith("/hub/login") or r.status_code >= 400:
            raise Refused(f"login refused for {self.name} ({r.status_code})")

    async def wait_ready(self, token: str, began: float | None = None) -> None:
        """Until their server answers; the hub is asked with the classroom service's token."""
        began = began or time.monotonic()
        while True:
            u = (await self.web.get(f"/hub/api/users/{self.name}", headers={"Authorization": f"token {token}"})).json()
            server = (u.get("servers") or {}).get("")
            if server and server.get("ready"):
                return
            if not server and not u.get("pending") and time.monotonic() - began > 30:
                await self.web.get("/hub/spawn")  # as a student clicks "Start My Server" again
            if time.monotonic() - began > STEP_S:
                raise TimeoutError(f"{self.name}'s server not ready within {STEP_S} s")
            await asyncio.sleep(0.5)

    def user_url(self, path: str, name: str | None = None) -> str:
        return f"/user/{name or self.name}/{path.lstrip('/')}"

    @property
    def headers(self) -> dict:
        xsrf = self.web.cookies.get("_xsrf", path=f"/user/{self.name}/") or ""
        return {"X-XSRFToken": xsrf}

    async def open_lab(self, path: str) -> None:
        r = await self.web.get(self.user_url(f"lab/tree/{path}"))
        if r.status_code != 200:
            raise Refused(f"JupyterLab page answered {r.status_code}")

    async def get(self, path: str, name: str | None = None):
        return await self.web.get(self.user_url(path, name), headers=self.headers)

    async def notebook(self, path: str) -> dict:
        r = await self.get(f"api/contents/{path}?content=1")
        r.raise_for_status()
        return r.json()["content"]

    async def kernel(self, path: str):
        """A session for the notebook (as JupyterLab opens one) and its kernel's websocket."""
        from websockets.asyncio.client import connect

        r = await self.web.post(self.user_url("api/sessions"), headers=self.headers, json={
            "path": path, "name": path.rsplit("/", 1)[-1], "type": "notebook", "kernel": {"name": "python3"}})
        r.raise_for_status()
        session = r.json()
        cookie = "; ".join(f"{c.name}={c.value}" for c in self.web.cookies.jar)
        url = (self.base.replace("http", "ws", 1)
               + self.user_url(f"api/kernels/{session['kernel']['id']}/channels?session_id={uuid.uuid4().hex}"))
        ws = await connect(url, additional_headers={"Cookie": cookie}, max_size=None, open_timeout=STEP_S)
        return session, Kernel(ws)

    async def terminal(self, command: str, expect: str, timeout: float = 60) -> str:
        """Type a command into a new JupyterLab terminal; return the screen once `expect` shows."""
        from websockets.asyncio.client import connect

        r = await self.web.post(self.user_url("api/terminals"), headers=self.headers)
        r.raise_for_status()
        name = r.json()["name"]
        cookie = "; ".join(f"{c.name}={c.value}" for c in self.web.cookies.jar)
        url = self.base.replace("http", "ws", 1) + self.user_url(f"terminals/websocket/{name}")
        screen = ""
        async with connect(url, additional_headers={"Cookie": cookie}, open_timeout=STEP_S) as ws:
            await ws.send(json.dumps(["stdin", command + "\r"]))
            deadline = time.monotonic() + timeout
            while expect not in screen and time.monotonic() < deadline:
                try:
                    kind, *text = json.loads(await asyncio.wait_for(ws.recv(), 5))
                except TimeoutError:
                    continue
                if kind == "stdout":
                    screen += text[0]
        await self.web.delete(self.user_url(f"api/terminals/{name}"), headers=self.headers)
        return screen
