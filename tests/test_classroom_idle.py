"""Idle servers are stopped by the idle culler after the teacher's idle time (here one minute: the
default is an hour, so that no server is stopped in the middle of a lesson)."""

from __future__ import annotations

import time

import pytest
from classroom import api, class_server, run, signed_in

pytestmark = pytest.mark.timeout(600)


def test_an_idle_server_is_stopped_after_the_idle_time_and_the_student_can_start_again():
    with class_server(["idler"], idle_minutes=1) as s:
        assert s["idle_seconds"] == 60

        async def start():
            st = await signed_in(s, "idler")
            await st.close()

        run(start())
        started = time.monotonic()
        assert api(s, "/users/idler")["servers"][""]["ready"]
        while api(s, "/users/idler")["servers"] and time.monotonic() - started < 240:
            time.sleep(5)
        waited = time.monotonic() - started
        assert not api(s, "/users/idler")["servers"], "the idle server was not stopped within 4 minutes"
        assert waited >= 30, f"stopped after {waited:.0f} s: sooner than the idle time allows"
        run(start())  # the next visit starts it again
        assert api(s, "/users/idler")["servers"][""]["ready"]
