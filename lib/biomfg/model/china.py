"""China's figures and the platforms the article names in China (notebook 05)."""

from __future__ import annotations

import pandas as pd

from .. import data

COUNTRY = "china"


def new_platforms() -> pd.DataFrame:
    """The newer technology-innovation platforms the article names (facilities in China from the
    article's section 4: labs, centres and facilities, not the proposals of section 5)."""
    fac = data.table("facilities")
    keep = (fac["source"] == "002_2345a6461b2e6a43.txt") & (fac["country_en"] == "China") & \
        fac["kind"].isin(["lab", "centre", "facility"]) & ~fac["facility_id"].str.startswith("proposed_")
    return fac[keep].reset_index(drop=True)


LAB_INDICATORS = ["national_key_lab_count", "enterprise_national_key_lab_count", "national_engineering_lab_count",
                  "national_engineering_research_centre_count", "national_technology_innovation_centre_count",
                  "national_engineering_technology_research_centre_count"]


def standing(kind: str) -> pd.DataFrame:
    """Where China stands (china_standing.csv): kind is strength_segment, breakthrough or lagging_field."""
    rows = data.table("china_standing")
    return rows[rows["kind"] == kind].reset_index(drop=True)


def policy_history() -> pd.DataFrame:
    """China's policy steps for biomanufacturing from the article (events of kind policy on China in seed
    002): those with a year first, by year, then those the article does not date, in file order."""
    ev = data.table("events")
    ev = ev[(ev["entity_id"] == COUNTRY) & (ev["kind"] == "policy") & (ev["source"] == "002_2345a6461b2e6a43.txt")]
    ev = ev.assign(_undated=ev["year"].isna(), _order=range(len(ev)))
    return ev.sort_values(["_undated", "year", "_order"]).drop(columns=["_undated", "_order"]).reset_index(drop=True)
