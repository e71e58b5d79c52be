"""Contract tests against Miro's published OpenAPI description (DESIGN.md, "Contract
against Miro's own spec").

* ``spec.py`` — finds the description (``MIRO_OPENAPI_SPEC``, default
  ``../shared/miro-openapi.json`` from the repository root), loads it once per session and
  repairs its known defects in memory; every repair is one function in ``REPAIRS``.
* ``validator.py`` — matches a recorded exchange to its operation and validates request
  and response; ``get_validator()`` is the session's instance.
* ``official.py`` — the official ``miro_api`` client's method names and parameter order.
* ``coverage.py`` — implemented/total operations, fluent and flat, by tag.
* ``samples.py`` / ``exchanges.py`` — instances built from schemas; hand-made exchanges.
* ``test_repairs.py`` — one test per repair (the defect is real and still there);
  ``test_validator.py`` — routing, and that violations are caught with clear messages;
  ``test_coverage.py`` — the coverage report and a live call of every claimed operation.

To add a repair: write ``def fix_something(doc) -> List[str]`` in ``spec.py`` (docstring
cites the API-NOTES section; return one line per change, ``[]`` when the defect is
absent), append it to ``REPAIRS``, and add a test in ``test_repairs.py`` showing the
published spec rejecting a correct exchange that the repaired one accepts.
"""
