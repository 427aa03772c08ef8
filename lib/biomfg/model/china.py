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
