"""Renderers: each reads the resolved model and writes one output format."""
