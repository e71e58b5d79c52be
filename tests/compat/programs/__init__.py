"""Programs written in the official ``miro_api`` style, run under both clients by
``tests/compat/test_programs.py``."""
