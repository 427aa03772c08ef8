"""Growth at a constant rate: pure arithmetic for the projection charts and widgets."""

from __future__ import annotations

from decimal import Decimal

import pandas as pd


def projection(base_value: float, rate: float, years: int) -> pd.DataFrame:
    """year 0..years with value = base × (1 + rate/100)^year. Pure arithmetic, no data."""
    return pd.DataFrame({"year": range(years + 1),
                         "value": [base_value * (1 + rate / 100) ** y for y in range(years + 1)]})


def precision(value: float) -> float:
    """The place of a stated figure's last non-zero digit: 800000000000 (8 000亿) -> 1e11, 411.1亿 -> 1e7.

    The sources round what they state (逾8 000亿元, 超过12%), so a figure computed from them knows
    nothing below the place its base was stated to."""
    d = Decimal(repr(float(value))).normalize()
    if d == 0:
        raise ValueError("a base of zero has no precision to round to")
    return float(Decimal(1).scaleb(d.as_tuple().exponent))


def rounded(value: float, step: float) -> float:
    """`value` rounded to a multiple of `step` (half away from zero)."""
    q = Decimal(repr(float(value))) / Decimal(repr(float(step)))
    return float(q.quantize(Decimal(1), rounding="ROUND_HALF_UP") * Decimal(repr(float(step))))


def projected(base_value: float, rate: float, years: int) -> tuple[float, float]:
    """(the value after `years` at a constant `rate`, rounded to the base's precision; that precision).

    Rounded, not shown to the yuan: the base is stated only to its last non-zero digit (8 000亿元 to the
    nearest 1 000亿), so 2.4847万亿 would claim four digits the sources never gave; 2.5万亿 is as
    precise as the inputs allow."""
    step = precision(base_value)
    return rounded(base_value * (1 + rate / 100) ** years, step), step
