"""Backstretch: a follow-along timer for back-stretching routines."""

__version__ = "0.1.0"
