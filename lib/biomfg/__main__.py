"""Command line: `python -m biomfg validate | outputs | reports | editions | student | answer-key | classroom | reset |
binder-links | release`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def _validate(args) -> int:
    from . import data
    from .tools import validate

    if args.seeds and not Path(args.seeds).is_dir():
        print(f"--seeds {args.seeds}: no such folder", file=sys.stderr)
        return 2
    if args.data and not Path(args.data).is_dir():
        print(f"--data {args.data}: no such folder", file=sys.stderr)
        return 2
    data.clear_cache()
    problems, summary = validate.check(Path(args.data) if args.data else None,
                                       Path(args.seeds) if args.seeds else None)
    if problems:
        for p in problems:
            print(p, file=sys.stderr)
        print(f"{len(problems)} problem(s) in the data package", file=sys.stderr)
        return 1
    if summary.quotes == 0:
        print("note: seeds not found, quotes not verified (pass --seeds DIR)", file=sys.stderr)
    print(summary.line())
    return 0


def _outputs(args) -> int:
    from .tools import notebooks

    paths = [Path(p) for p in args.notebooks] or notebooks.stored()
    for path in paths:
        seconds = notebooks.refresh(path)
        print(f"{path.name}: executed in {seconds:.1f} s")
    return 0


def _reports(args) -> int:
    from .tools import reports

    return reports.main(args)


def _editions(args) -> int:
    from .tools import editions

    return editions.main(args, "lang")


def _student(args) -> int:
    from .tools import editions

    return editions.main(args, "student")


def _answer_key(args) -> int:
    from .tools import answer_key

    return answer_key.main(args)


def _classroom(args) -> int:
    from .tools.classroom import hub

    return hub.main(args)


def _binder_links(args) -> int:
    from .tools import binder

    return binder.main(args)


def _release(args) -> int:
    from .tools import release

    return release.main(args)


def _reset(args) -> int:
    from .tools.classroom import session

    return session.main(["reset", args.lesson])


def _classroom_options(p) -> None:
    p.add_argument("action", choices=["start", "stop", "status", "add", "reset", "remove", "load"])
    p.add_argument("--class", dest="class_list", metavar="FILE",
                   help="the class list: one name a line (default: classroom/class.txt)")
    p.add_argument("--host", help="address to serve on (default 127.0.0.1; 0.0.0.0: the school network, with --cert/--key)")
    p.add_argument("--port", type=int, help="port (default 8000)")
    p.add_argument("--language", help="the lessons: both (default), zh or en; JupyterLab's menus follow")
    p.add_argument("--edition", help="lang (default) or student (no solutions; needs --language)")
    p.add_argument("--accounts", help="list (default: a password each) or shared (one class password)")
    p.add_argument("--passwords", help="generated (default: printed on the class sheet) or first-use")
    p.add_argument("--class-password", dest="class_password", help="with --accounts shared: the class's password")
    p.add_argument("--teacher", help="the teacher's (admin) account name (default: teacher)")
    p.add_argument("--idle-minutes", dest="idle_minutes", type=int, help="stop a server idle this long (default 60)")
    p.add_argument("--memory", help="memory per student (default 2G; 0: no limit)")
    p.add_argument("--cpus", help="CPUs per student (default 1; 0: no limit)")
    p.add_argument("--prefix", help="prefix of the students' system accounts (default jupyter-)")
    p.add_argument("--homes", help="folder for the students' homes (default /home)")
    p.add_argument("--cert", help="TLS certificate (PEM) for serving the network")
    p.add_argument("--key", help="TLS private key (PEM)")
    p.add_argument("--insecure", action="store_true", default=None, help="serve the network without TLS")
    p.add_argument("--state", help="state folder (default classroom/)")
    p.add_argument("--detach", action="store_true", help="start: return once the hub answers (stop with the stop action)")
    p.add_argument("--student", help="reset: the student's name")
    p.add_argument("--notebook", help="reset: one lesson (01, 01_three_barriers); default all")
    p.add_argument("--password", action="store_true", help="reset: a new password instead of the lessons")
    p.add_argument("--yes", action="store_true", help="remove: without asking")
    p.add_argument("--students", type=int, default=30, help="load: students arriving at once (default 30)")
    p.add_argument("--out", help="load: where to write the figures (default bench/classroom.json)")


def _edition_options(p, what: str) -> None:
    p.add_argument("--lang", action="append", metavar="zh|en", help="only this language (repeatable; default: both)")
    p.add_argument("--out", default="editions", metavar="DIR", help="output folder (default: editions)")
    if what == "answer-key":
        p.add_argument("--no-pdf", action="store_true", help="HTML only (PDF needs Debian chromium)")
        return
    p.add_argument("--only", action="append", metavar="NB",
                   help="only these notebooks: 01, 01_three_barriers (repeatable; or 01,02)")
    p.add_argument("--force", action="store_true", help="also rebuild notebooks changed since they were built")
    p.add_argument("--no-execute", action="store_true", help="no outputs (fast; the notebooks are not run)")
    p.add_argument("--jobs", type=int, metavar="N", help="notebooks run at once (default: all cores)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m biomfg")
    sub = parser.add_subparsers(dest="command", required=True)
    v = sub.add_parser("validate", help="check data/ against its schema, the domain rules and the seeds")
    v.add_argument("--data", help="data folder (default: the project's data/)")
    v.add_argument("--seeds", help="seed texts folder (default: ../shared/seeds if present)")
    v.set_defaults(run=_validate)
    o = sub.add_parser("outputs", help="re-execute notebooks in place so stored outputs match data/")
    o.add_argument("notebooks", nargs="*", help="notebooks (default: all in notebooks/)")
    o.set_defaults(run=_outputs)
    r = sub.add_parser("reports", help="render every briefing to offline HTML and PDF in zh and en")
    r.add_argument("--region", action="append", metavar="ID", help="only this regional case (repeatable)")
    r.add_argument("--lang", metavar="zh|en", help="only this language (default: both)")
    r.add_argument("--out", default="reports", metavar="DIR", help="output folder (default: reports)")
    r.add_argument("--jobs", type=int, metavar="N", help="parallel renders (default: all cores)")
    r.add_argument("--list", action="store_true", help="print the report ids, one per line, and stop")
    r.add_argument("--no-pdf", action="store_true", help="HTML only (PDF needs Debian chromium)")
    r.set_defaults(run=_reports)
    e = sub.add_parser("editions", help="the lessons in one language each, executed: editions/zh, editions/en")
    _edition_options(e, "editions")
    e.set_defaults(run=_editions)
    s = sub.add_parser("student", help="the one-language editions without solutions: editions/student-zh, student-en")
    _edition_options(s, "student")
    s.set_defaults(run=_student)
    k = sub.add_parser("answer-key", help="the teacher's answer key, HTML and PDF per language: editions/answer-key")
    _edition_options(k, "answer-key")
    k.set_defaults(run=_answer_key)
    c = sub.add_parser("classroom", help="a class server on this machine: start | stop | status | add | reset | remove | load")
    _classroom_options(c)
    c.set_defaults(run=_classroom)
    b = sub.add_parser("binder-links", help="the README's Binder badges for this repository's GitHub remote")
    b.set_defaults(run=_binder_links)
    rl = sub.add_parser("release", help="cut a release: clean tree, tests pass, version, changelog, commit, tag")
    rl.add_argument("--tests", metavar="CMD", help="the test command (default: $RELEASE_TESTS or make test)")
    rl.add_argument("--outputs", metavar="CMD", default=None,
                    help="the command that refreshes the stored outputs with the new version "
                         "(default: RELEASE_OUTPUTS or 'python -m biomfg outputs')")
    rl.set_defaults(run=_release)
    rs = sub.add_parser("reset", help="on the class server: put one of your lessons back to the original")
    rs.add_argument("lesson", help="01, 01_three_barriers or its file name")
    rs.set_defaults(run=_reset)
    args = parser.parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
