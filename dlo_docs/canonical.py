"""The canonical form of plain data (sorted-key compact JSON of its JSON values) and its
SHA-256, which the journal chains its events with, and the content hash of a validated
regulation, which an approval records. ``workflow.events`` exports them with the event."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from typing import TYPE_CHECKING, Any

from . import lite

if TYPE_CHECKING:
    from .model import Regulation


def normal(value: Any) -> Any:
    """Plain JSON values (round-trip YAML scalars, dates) for hashing."""
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        return float(value)
    if isinstance(value, str):
        return str(value)
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): normal(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [normal(v) for v in value]
    return str(value)


def canonical(value: Any) -> bytes:
    return json.dumps(
        normal(value), ensure_ascii=False, sort_keys=True, separators=(",", ":")
    ).encode("utf-8")


def sha256(value: Any) -> str:
    return hashlib.sha256(canonical(value)).hexdigest()


def content_hash(model: Regulation) -> str:
    """The hash of the validated text: comments, quoting, key order and layout do not count.

    Fields left at their default are left out, so a later version of the schema that adds an
    optional field does not change the hash of editions frozen before it (and writing a default
    out, e.g. ``route: sequential``, is not a change either). A regulation read back from its
    validated snapshot carries the hash worked out when it was kept (``lite.kept_hash``)."""
    kept = lite.kept_hash(model)
    if kept is not None:
        return kept
    return sha256(model.model_dump(mode="json", exclude_defaults=True))


def control_code(content_hash: str) -> str:
    """A text's control code, as a draft prints it at the head of each page and ``--text`` takes
    it back (``workflow.guards.text_read``): the first 32 hexadecimal digits of its content hash,
    in groups of four (``EXAMPLE``). The drafter makes both texts a swap needs, the one the
    approvers read and the one submitted in its place: two texts sharing a code of d bits take
    some 2^(d/2) tries of each (a birthday search), so the code is 128 bits, 2^64 tries; the 12
    digits printed before took 2^24, 25 s of one core (tests/fixtures/collision)."""
    return " ".join(content_hash[i : i + 4] for i in range(0, CONTROL_DIGITS, 4))


CONTROL_DIGITS = 32
EXAMPLE = "3f2a 9c1b 7e04 5d86 a0c2 b394 f50e 7d61"  # a code as a copy prints it (an example)
