"""`make bench`: every user-facing cost next to its floor, measured in one run (see bench/run.py)."""
