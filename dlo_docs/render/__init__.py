"""Renderers: one module per output format, all fed by ``context.RenderDoc``."""
