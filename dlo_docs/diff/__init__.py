"""Comparison of editions: two ``Regulation`` models in, the changes out (nothing here reads
the project, the workflow or the renderers; ``dlo_docs.comparison`` is the service above).

- ``align.compare(old, new, labels, lang) -> Comparison``: two validated ``Regulation`` models,
  matched by stable ids; changes listed once, in document order, with old and new numbers;
- ``words``: the word-level difference (Kazakh, Russian, any Unicode script);
- ``names``: how a change is named ("13-тармақ → 14-тармақ", "Подпункт 3) пункта 10");
- ``spacing``: a change of white space shown in marks (· a space, ° any other), not as nothing;
- ``languages``: the changes of another language's text alone, which a comparison does not show;
- ``text``: the terminal output.

DOCX writing is in ``render/docx_diff.py``, HTML in ``templates/html/diff.html.j2``.
"""

from .align import Change, Comparison, Place, Row, compare

__all__ = ["Change", "Comparison", "Place", "Row", "compare"]
