"""Schemathesis against FakeMiro over Miro's own spec (``overlay.py`` adapts the spec)."""
