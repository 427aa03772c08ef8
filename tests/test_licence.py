"""Open and citable: a licence for the code and one for the content, each in its own file and named in
the README and pyproject.toml; the sources' quotations marked as theirs; CITATION.cff valid against the
Citation File Format's own schema and in step with the library's version."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import jsonschema
from ruamel.yaml import YAML

import biomfg

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def cff() -> dict:
    yaml = YAML(typ="safe", pure=True)
    yaml.allow_duplicate_keys = False
    return yaml.load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))


def test_code_and_content_have_a_licence_each():
    code = (ROOT / "LICENSE").read_text(encoding="utf-8")
    content = (ROOT / "LICENSE-CONTENT.txt").read_text(encoding="utf-8")
    assert code.startswith("MIT License") and "Permission is hereby granted, free of charge" in code
    assert "LICENSE-CONTENT.txt" in code
    assert "Creative Commons Attribution 4.0 International Public License" in content
    for section in range(1, 9):
        assert f"Section {section} -- " in content, section
    # the quotations are the publishers' words, not relicensed: said in both languages
    assert "they are not relicensed here" in content and "本仓库不对其重新授权" in content
    # the files from other projects keep their own licences, and say so
    for path in ("lib/biomfg/jupyter/voila/templates/biomfg_slides/static/dist/reveal.css",
                 "tests/schemas/citation-file-format-1.2.0.schema.json"):
        assert path in code, path
        assert (ROOT / path).is_file()


def test_pyproject_and_the_data_package_name_the_licences():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["license"] == "MIT AND CC-BY-4.0"
    assert project["license-files"] == ["LICENSE", "LICENSE-CONTENT.txt"]
    assert all((ROOT / f).is_file() for f in project["license-files"])
    assert "version" in project["dynamic"]   # one place: biomfg.__version__
    pkg = json.loads((ROOT / "data" / "datapackage.json").read_text(encoding="utf-8"))
    assert [lic["name"] for lic in pkg["licenses"]] == ["CC-BY-4.0"]


def test_the_readme_names_the_licences_and_says_how_to_cite_in_both_languages():
    assert "LICENSE" in README and "LICENSE-CONTENT.txt" in README
    assert "## How to cite · 如何引用" in README
    section = README.split("## How to cite · 如何引用", 1)[1].split("\n## ", 1)[0]
    assert "CITATION.cff" in section and "引用" in section and "Cite" in section or "cite" in section


def test_citation_cff_is_valid_and_in_step_with_the_version():
    schema = json.loads((ROOT / "tests" / "schemas" / "citation-file-format-1.2.0.schema.json").read_text())
    doc = cff()
    jsonschema.validate(doc, schema, cls=jsonschema.Draft7Validator, format_checker=jsonschema.FormatChecker())
    assert doc["version"] == biomfg.__version__
    assert doc["license"] == "CC-BY-4.0"   # a CFF list means either licence (OR): the content's, the code's in LICENSE


def test_an_invalid_citation_file_is_caught():
    schema = json.loads((ROOT / "tests" / "schemas" / "citation-file-format-1.2.0.schema.json").read_text())
    doc = cff()
    doc["authors"] = [{"nmae": "typo"}]
    try:
        jsonschema.validate(doc, schema, cls=jsonschema.Draft7Validator)
    except jsonschema.ValidationError:
        return
    raise AssertionError("a misspelt author field passed the schema")


def test_a_briefing_ends_with_its_versions_and_how_to_cite_it():
    from biomfg import data, prose

    v = data.versions()
    assert v["version"] == biomfg.__version__
    zh, en = prose.briefing.colophon("zh").data, prose.briefing.colophon("en").data
    assert f"版本{v['version']}；数据版本{v['data_version']}（{v['date']}）" in zh and "引用格式" in zh
    assert f"version {v['version']}; data version {v['data_version']} ({v['date']})" in en and "Cite as" in en
    assert "CC BY 4.0" in zh and "CC BY 4.0" in en and "MIT" in zh


def test_every_printed_page_carries_the_versions():
    from biomfg import data
    from biomfg.tools import reports

    v = data.versions()
    for lang, words in (("zh", f"版本{v['version']} · 数据版本{v['data_version']}"),
                        ("en", f"Version {v['version']} · data version {v['data_version']}")):
        _, footer = reports.page_templates("A title", lang)
        assert words in footer and "pageNumber" in footer
