"""The one choice validator: a parameter value that is not one of its choices fails in one line that
names the parameter and every valid choice, as a ChoiceError, the type `biomfg.errors` shows a reader
as problem-plus-fix instead of a traceback."""

from __future__ import annotations

from collections.abc import Iterable


class ChoiceError(ValueError):
    """An unknown parameter value (lang, region, platform type, ...): the message names the valid choices."""


class AddressError(ChoiceError):
    """A bad value in a live page's address (`?region=atlantis`): fixed in the address, not in a cell."""


def check_choice(name: str, value, choices: Iterable, also: Iterable = (), verb: str = "is not known"):
    """Return `value` if it is one of `choices` (or of `also`, e.g. 'any'); else raise ChoiceError."""
    choices, also = list(choices), list(also)
    if value in choices or value in also:
        return value
    valid = ", ".join(map(str, [*also, *choices]))
    raise ChoiceError(f"{name}={value!r} {verb}; valid choices: {valid}")
