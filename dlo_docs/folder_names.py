"""Which ids may name a new regulation's folder (``regulations/<id>/``) and its outputs
(``build/<id>.kk.docx``, the site's ``kk/<id>/``), beyond the pattern every id has (``Id``):

- not the name of a page of the published site's own (``SITE_PAGES``: ``kk/index.html``);
- not a name Windows keeps for a device, whatever follows its first dot (``con``, ``nul``,
  ``aux.txt``, ``com1``, ``lpt9``): the documentation office's computer could neither check out
  nor open such a folder, though Linux makes it;
- not ending in a dot, which Windows drops (``hr-head.`` would be ``hr-head`` there).
"""

from __future__ import annotations

import re

from .errors import UsageError
from .i18n import Msg

SITE_PAGES = ("index.html", "search.html")  # the site's own pages, as ru/<id>/ (site/views.py)
WINDOWS_DEVICES = re.compile(r"(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?", re.IGNORECASE)


def windows_cannot_keep(reg_id: str) -> bool:
    """Whether Windows could not keep a folder named ``reg_id`` (a device's name, a final dot)."""
    return bool(WINDOWS_DEVICES.fullmatch(reg_id)) or reg_id.endswith(".")


def refuse(reg_id: str) -> None:
    """A usage error when ``reg_id`` may not name a new regulation's folder."""
    if reg_id in SITE_PAGES:
        raise UsageError(
            Msg(
                "{reg_id} cannot be a regulation's id: it is the name of a page of the "
                "published site; nothing was written",
                reg_id=repr(reg_id),
            ),
            Msg("choose another id (not {names})", names=", ".join(SITE_PAGES)),
        )
    if windows_cannot_keep(reg_id):
        raise UsageError(
            Msg(
                "{reg_id} cannot be a regulation's id: Windows could not keep a folder of that "
                "name (a device's name, or a name ending in a dot); nothing was written",
                reg_id=repr(reg_id),
            ),
            Msg("choose another id, such as the position's or the unit's name"),
        )
