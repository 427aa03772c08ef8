"""Charts for the sip case."""

from __future__ import annotations

import pandas as pd

from ..i18n import check_lang, t
from .facts import facts_by_unit
from .regions import columns_diagram


def value_chain(firms: pd.DataFrame, lang: str = "en"):
    """The value-chain diagram: firms by tier, upstream → midstream → downstream."""
    check_lang(lang)
    tiers = ["upstream", "midstream", "downstream"]
    rows = firms[firms["tier"].isin(tiers)]
    plot = pd.DataFrame({"column": rows["tier"].map(tiers.index).to_numpy(),
                         "item": rows[f"name_{lang}"].astype(str).to_numpy(), "source": rows["source"].to_numpy()})
    return columns_diagram(plot, lang, t("rg_chain_title", lang), t("rg_chain_sub", lang),
                           [t(f"rg_{x}", lang) for x in tiers], arrows=True, empty_text=t("rg_no_firm_named", lang))


def industry_figures(rows: pd.DataFrame, lang: str = "en"):
    """SIP's strategic industries: output value and number of firms, one panel (and axis) each;
    each row names its industry (rows need `label`)."""
    return facts_by_unit(rows, lang, t("rg_industries_title", lang), t("rg_industries_sub", lang), label_col="label")
