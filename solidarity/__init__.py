"""Solidarity: the open platform for Human Rights Council resolution 56/4."""

__version__ = "0.1.0"
