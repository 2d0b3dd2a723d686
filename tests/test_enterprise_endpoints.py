"""The fake API serves exactly the v3 enterprise endpoints of the inventory.

The list is the inventory's, copied into ``tests/data/endpoints_v3_enterprise.json`` and,
for the beta groups, ``tests/data/endpoints_v3beta1.json``. That a public method reaches
each endpoint is ``test_endpoint_coverage.py``'s to check.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from devin_async.testing import FakeState, create_app

DATA = Path(__file__).parent / "data"
ENDPOINTS = json.loads((DATA / "endpoints_v3_enterprise.json").read_text())["endpoints"]
BETA = [
    e
    for e in json.loads((DATA / "endpoints_v3beta1.json").read_text())["endpoints"]
    if e["path"].startswith("/v3beta1/enterprise")
]
TEMPLATES = {(e["method"], e["path"]) for e in ENDPOINTS + BETA}


def test_the_fake_api_serves_exactly_the_v3_enterprise_endpoints() -> None:
    """Every one, and none the API lacks (code that passes on the fake must not rely on it)."""
    app = create_app(FakeState())
    served = {
        (route.method, re.sub(r"\{\w+\}", "{}", route.resource.canonical))
        for route in app.router.routes()
        if route.resource is not None
        and route.resource.canonical.startswith(("/v3/enterprise", "/v3beta1/enterprise"))
    }
    wanted = {(m, re.sub(r"\{\w+\}", "{}", path)) for m, path in TEMPLATES}
    assert len(ENDPOINTS) == 110
    assert len(BETA) == 16  # snapshot setup 9, API keys 4, provisioning 1, guardrails 2
    assert sorted(wanted - served) == []
    assert sorted(served - wanted) == []
