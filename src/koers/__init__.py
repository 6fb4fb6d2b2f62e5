"""Koers: monitor a public policy agenda and write its progress report."""

__version__ = "0.1.0"
