"""A class on one server: JupyterHub on this machine, one system account and one copy of the lessons
per student, offline.

    accounts  the class list, system accounts, passwords
    limits    per-student memory and CPU limits (Linux cgroups, v1 or v2)
    spawner   the JupyterHub spawner: a student's own server, as the student, inside their limits
    hub       start, stop, status, add, reset: what `make classroom*` runs
    load      a class arriving at once: `make classroom-load STUDENTS=N`
"""

from .accounts import ClassroomError

__all__ = ["ClassroomError"]
