"""dlo_docs: a university's regulations as structured data, and every output generated from it.

The library API is ``dlo_docs.api``; the command line is ``dlo_docs.cli`` (the ``dlo`` executable,
``dlo_docs.entry``). docs/architecture.md describes the layers.
"""
