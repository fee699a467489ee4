"""Word lists shipped with framing (package data; see docs/lexicons.md)."""
