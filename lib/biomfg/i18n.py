"""Every user-visible label in zh and en, from the catalogue lib/biomfg/messages.yml.
Entity names come from the data's name_zh / name_en."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from .choices import ChoiceError, check_choice  # noqa: F401  (ChoiceError: re-exported for callers)

LANGS = ("en", "zh")
DEFAULT_LANG = "en"

CATALOGUE = Path(__file__).with_name("messages.yml")  # key -> {en: ..., zh: ...}, readable without Python


@cache
def messages() -> dict[str, dict[str, str]]:
    """The catalogue lib/biomfg/messages.yml, read once on first use (not at import: import time counts)."""
    import yaml

    with CATALOGUE.open(encoding="utf-8") as f:
        return yaml.load(f, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


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
        raise KeyError(f"no label {key!r}; add it to lib/biomfg/messages.yml in zh and en") from None
    return text.format(**fields) if fields else text


def name(row, lang: str = DEFAULT_LANG) -> str:
    """An entity's name from a data row (mapping or Series with name_zh / name_en)."""
    return str(row[f"name_{check_lang(lang)}"])


def col(base: str, lang: str = DEFAULT_LANG) -> str:
    """The column holding `base` text in `lang`, e.g. col('direction', 'zh') == 'direction_zh'."""
    return f"{base}_{check_lang(lang)}"
