"""The message catalogue lib/biomfg/messages.yml: every label in both languages, the same {fields} in
each, none unused, and every label the code asks for by name present."""

from __future__ import annotations

import ast
import json
import string
from pathlib import Path

import pytest

from biomfg import i18n

from conftest import ROOT

LIB = Path(i18n.__file__).parent
MESSAGES = i18n.messages()


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def _sources() -> dict[Path, ast.Module]:
    return {p: ast.parse(p.read_text(encoding="utf-8"), str(p)) for p in sorted(LIB.rglob("*.py"))}


def _strings(tree: ast.Module) -> tuple[set[str], set[str]]:
    """Every string literal, and every f-string's leading constant part (f"crit_{k}" gives "crit_")."""
    literals, prefixes = set(), set()
    in_fstring = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr):
            in_fstring.update(id(v) for v in node.values)
            first = node.values[0] if node.values else None
            if isinstance(first, ast.Constant) and isinstance(first.value, str) and first.value:
                prefixes.add(first.value)
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in in_fstring:
            literals.add(node.value)
    return literals, prefixes


def test_the_catalogue_is_a_mapping_of_keys_to_en_and_zh():
    assert MESSAGES, "lib/biomfg/messages.yml holds no messages"
    bad = {k: v for k, v in MESSAGES.items() if not isinstance(v, dict) or set(v) != set(i18n.LANGS)}
    assert not bad, f"each message needs exactly {i18n.LANGS}: {sorted(bad)}"


@pytest.mark.parametrize("lang", i18n.LANGS)
def test_every_message_has_text_in_each_language(lang):
    empty = sorted(k for k, v in MESSAGES.items() if not isinstance(v.get(lang), str) or not v[lang].strip())
    assert not empty, f"messages with no {lang} text: {empty}"


def test_both_languages_of_a_message_have_the_same_placeholders():
    differ = {k: {lang: sorted(_fields(v[lang])) for lang in i18n.LANGS} for k, v in MESSAGES.items()
              if len({frozenset(_fields(v[lang])) for lang in i18n.LANGS}) > 1}
    assert not differ, f"placeholders differ between en and zh: {differ}"


def _data_keys() -> set[str]:
    """Keys the library looks up by a data value: t(f["kind"]) for facts.kind (prose/cards.py, prose/briefing.py)."""
    package = json.loads((ROOT / "data" / "datapackage.json").read_text(encoding="utf-8"))
    fields = next(r for r in package["resources"] if r["name"] == "facts")["schema"]["fields"]
    return set(next(f for f in fields if f["name"] == "kind")["constraints"]["enum"])


def test_every_message_is_used_by_the_library():
    literals, prefixes = _data_keys(), set()
    for tree in _sources().values():
        lit, pre = _strings(tree)
        literals |= lit
        prefixes |= pre
    unused = sorted(k for k in MESSAGES if k not in literals and not any(k.startswith(p) for p in prefixes))
    assert not unused, f"messages no code in lib/biomfg uses (remove them from messages.yml): {unused}"


def test_every_key_the_code_asks_for_is_in_the_catalogue():
    missing = set()
    for path, tree in _sources().items():
        for node in ast.walk(tree):
            if (isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant)
                    and isinstance(node.args[0].value, str)
                    and ((isinstance(node.func, ast.Name) and node.func.id == "t")
                         or (isinstance(node.func, ast.Attribute) and node.func.attr == "t"
                             and isinstance(node.func.value, ast.Name) and node.func.value.id == "i18n"))):
                if node.args[0].value not in MESSAGES:
                    missing.add(f"{path.relative_to(LIB)}:{node.lineno}: {node.args[0].value!r}")
    assert not missing, f"t() asks for keys not in lib/biomfg/messages.yml: {sorted(missing)}"


def test_t_fills_fields_and_names_an_unknown_key():
    assert i18n.t("headline_title", "en", unit="CNY") == MESSAGES["headline_title"]["en"].format(unit="CNY")
    assert i18n.t("source", "zh") == MESSAGES["source"]["zh"]
    with pytest.raises(KeyError, match="no_such_label.*messages.yml"):
        i18n.t("no_such_label", "en")
