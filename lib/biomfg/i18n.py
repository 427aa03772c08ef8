"""Every user-visible label in zh and en, from the catalogue lib/biomfg/messages.yml.
Entity names come from the data's name_zh / name_en."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from .choices import ChoiceError, check_choice  # noqa: F401  (ChoiceError: re-exported for callers)

LANGS = ("en", "zh")
DEFAULT_LANG = "en"

CATALOGUE = Path(__file__).with_name("messages.yml")  # key -> {en: ..., zh: ...}, readable without Python
# The teaching texts (exercises, open questions, discussion prompts), one file per lesson topic
TEACHING = Path(__file__).with_name("messages")


def catalogue_files() -> list[Path]:
    return [CATALOGUE, *sorted(TEACHING.glob("*.yml"))]


@cache
def messages() -> dict[str, dict[str, str]]:
    """The catalogue (messages.yml and messages/*.yml), read once on first use (not at import: import
    time counts). A key in two files is an error naming both."""
    import yaml

    merged: dict[str, dict[str, str]] = {}
    where: dict[str, Path] = {}
    for path in catalogue_files():
        with path.open(encoding="utf-8") as f:
            part = yaml.load(f, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) or {}
        for key in part:
            if key in merged:
                raise ValueError(f"message {key!r} is in both {where[key].name} and {path.relative_to(CATALOGUE.parent)}")
            where[key] = path
        merged.update(part)
    return merged


def __getattr__(attr: str):
    if attr == "LABELS":  # every label, key -> {lang: text}: the catalogue, read on first use
        return messages()
    raise AttributeError(f"module {__name__!r} has no attribute {attr!r}")


def check_lang(lang: str) -> str:
    """Return lang if supported, else raise a one-line error naming the valid choices."""
    return check_choice("lang", lang, LANGS, verb="is not supported")


def t(key: str, lang: str = DEFAULT_LANG, **fields) -> str:
    """The label `key` in `lang`; with fields, its {placeholders} filled: t("headline_title", "en", unit="CNY")."""
    check_lang(lang)
    try:
        text = messages()[key][lang]
    except KeyError:
        raise KeyError(f"no label {key!r}; add it to lib/biomfg/messages.yml (or messages/<topic>.yml) in zh and en") from None
    return text.format(**fields) if fields else text


def name(row, lang: str = DEFAULT_LANG) -> str:
    """An entity's name from a data row (mapping or Series with name_zh / name_en)."""
    return str(row[f"name_{check_lang(lang)}"])


def col(base: str, lang: str = DEFAULT_LANG) -> str:
    """The column holding `base` text in `lang`, e.g. col('direction', 'zh') == 'direction_zh'."""
    return f"{base}_{check_lang(lang)}"
