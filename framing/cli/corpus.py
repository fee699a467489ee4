"""`framing corpus`: registered on the app when imported (see framing/cli/__init__.py)."""

from __future__ import annotations
