"""FakeMiro's organization side (API-NOTES §1.2, §8.15–20), one module per domain.

Each module exports ``ROUTES`` (added to the route tuple in ``miro/testing/__init__.py``)
and keeps its state on ``store.org`` (:class:`~.state.Org`). Conventions, so the modules
read alike:

* start a handler with ``org = admin_org(request)`` (``organizations.py``): 404 for an
  org id that is not the fake's, 403 unless the caller is a Company Admin;
* reject unknown query parameters with ``checks.allowed_query`` and bodies with
  ``json_object(request)`` (400 for a missing or non-object body), then check fields with
  ``checks.check_object`` and the ``enum``/``max_length``/… checks; ``uuid_param`` and
  ``datetime_param`` check ``format: uuid`` / ``date-time`` values;
* validate everything, then write, then ``org.record_event(...)``;
* list with ``org_page(request, rows, render)``: Miro's organization cursor page
  (``{limit, size, data, cursor?, type: "cursor-list"}``, limit 1–100, default 100);
* errors are ``ApiFault`` / ``bad`` / ``not_found`` from ``_fake/errors.py`` (Miro's JSON
  error body).

Like the rest of ``miro.testing`` this package imports nothing from the SDK.
"""
