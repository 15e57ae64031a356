"""Who records an event: the clerk, a registry position whose holder enters the event on behalf
of the role that acted (the change registration sheet's "Енгізген (Т.А.Ә., қолы)").

Given by ``--clerk ROLE``, else the environment variable ``DLO_CLERK``, else ``clerk:`` in
``regulations/registry.yaml``. Never guessed from the machine: without one a write command
refuses and says how to set it.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from ..errors import UsageError
from ..i18n import Msg, join
from ..spelling import known_positions

if TYPE_CHECKING:  # the model is pydantic's: imported where files are validated
    from ..model import Registry

ENV = "DLO_CLERK"
HOW = Msg(
    "name the registry position of the person entering it: --clerk ROLE, or "
    "{variable}=ROLE in the environment, or 'clerk: ROLE' in regulations/registry.yaml",
    variable=ENV,
)


def resolve(registry: Registry, option: str | None = None) -> str:
    """The clerk's position id; UsageError when none is set, it is unknown or it is vacant."""
    value = (option or os.environ.get(ENV) or registry.clerk or "").strip()
    if not value:
        raise UsageError(Msg("who is recording this? no clerk is set"), HOW)
    position = next((p for p in registry.positions if p.id == value), None)
    if position is None:
        ids = [p.id for p in registry.positions]
        raise UsageError(
            Msg("unknown clerk {value}: not a registry position", value=repr(value)),
            join("; ", [known_positions(value, ids), HOW]),
        )
    if not position.holder:
        raise UsageError(
            Msg(
                "the clerk position {value} has no holder in the registry: a person must record each event",
                value=repr(value),
            ),
            Msg("write the holder's name in regulations/registry.yaml, or name another clerk"),
        )
    return value
