"""DLO120: a regulation approved by order whose approving official the registry gives no title in
the genitive in one of its languages. The title page's approval block then prints the official's
title on a line of its own above the order ("УТВЕРЖДЕНО / Руководитель / приказом от …") where an
order names its author in the genitive ("приказом Руководителя / от …", "Басшының … бұйрығымен").
A warning: the block is complete and readable; the registry's ``title_genitive`` makes it right.
An import of another organisation's document proposes its positions without one.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..errors import Problem
from ..i18n import Msg
from .rule import Rule
from .view import View


def check(view: View) -> Iterator[Problem]:
    approval = view.model.approval
    position = next((p for p in view.registry.positions if p.id == approval.by), None)
    if approval.form != "order" or position is None:
        return  # by signature the block prints the title as it is; an unknown id is refs'
    given = position.title_genitive or {}
    for lang in view.model.languages:
        if str(given.get(lang) or "").strip():
            continue
        yield view.problem(
            RULE,
            view.source.at(["approval", "by"]),
            Msg(
                "the registry gives position {id} no {lang} title in the genitive: the {lang} "
                "title page prints its title on a line of its own above the order, not as the "
                "order's author",
                id=repr(approval.by),
                lang=lang,
            ),
            Msg(
                "add title_genitive: {{{lang}: …}} to position {id} in regulations/registry.yaml "
                "(as the bundled registry gives the rector's)",
                lang=lang,
                id=approval.by,
            ),
        )


RULE = Rule(
    "DLO120",
    "approver-genitive",
    "warning",
    "the approving official has no title in the genitive, which an approval by order prints",
    check,
)
