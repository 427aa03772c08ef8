"""The chain of stages and the barriers between them, read from barriers.csv."""

from __future__ import annotations

import pandas as pd


def chain_stages(barriers: pd.DataFrame) -> list[str]:
    """The stages in order, read from the barriers' stage_from → stage_to links."""
    nxt = dict(zip(barriers["stage_from"], barriers["stage_to"], strict=True))
    first = (set(nxt) - set(nxt.values())).pop()
    order = [first]
    while order[-1] in nxt:
        order.append(nxt[order[-1]])
    return order
