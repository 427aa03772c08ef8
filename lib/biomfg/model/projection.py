"""Growth at a constant rate: pure arithmetic for the projection charts and widgets."""

from __future__ import annotations

import pandas as pd


def projection(base_value: float, rate: float, years: int) -> pd.DataFrame:
    """year 0..years with value = base × (1 + rate/100)^year. Pure arithmetic, no data."""
    return pd.DataFrame({"year": range(years + 1),
                         "value": [base_value * (1 + rate / 100) ** y for y in range(years + 1)]})
