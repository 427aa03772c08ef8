"""The briefing catalogue, from notebooks/toc.yml: every report and live briefing, its parameters and title.
The batch (tools.reports) and the live server (tools.present) both read it."""

from __future__ import annotations

from dataclasses import dataclass

from .. import data, toc
from ..i18n import LANGS
from ..model.cases import case_ids
from ..prose.briefing import title


@dataclass(frozen=True)
class Report:
    id: str
    notebook: str            # file in notebooks/briefings
    params: tuple            # ((name, value), ...) besides lang

    def titles(self) -> dict[str, str]:
        return {lang: report_title(self, lang) for lang in LANGS}


def regional_cases() -> list[str]:
    """The regional cases (see biomfg.model.cases): the regions the data places on the map."""
    return case_ids()


def platform_types() -> list[str]:
    return list(data.table("platform_types")["type_id"])


ONE_PER = {"platform_type": platform_types, "region": regional_cases}


def catalogue() -> list[Report]:
    """Every report, from the briefings notebooks/toc.yml lists: one per entry, or one per platform type or
    regional case (`one_per`)."""
    out = []
    for entry in toc.briefings():
        notebook = entry["file"].removeprefix("briefings/")
        if "one_per" in entry:
            out += [Report(i, notebook, ((entry["one_per"], i),)) for i in ONE_PER[entry["one_per"]]()]
        else:
            out.append(Report(entry["id"], notebook, ()))
    return out


def report_title(report: Report, lang: str) -> str:
    return title(lang, **dict(report.params))


def choices(name: str) -> list:
    """The valid values of a briefing parameter."""
    return {"lang": list(LANGS), "region": regional_cases(), "platform_type": platform_types()}[name]
