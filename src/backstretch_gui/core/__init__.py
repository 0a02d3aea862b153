"""The pure-Python core: routine model and files, timeline compiler, session controller.

Nothing in this package imports Qt; a test in the suite enforces it.
"""
