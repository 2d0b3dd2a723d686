"""The fake API serves every v3 organization endpoint (and /v3/self) of the inventory.

The list is the inventory's, copied into ``tests/data/endpoints_v3_org.json`` and, for the
beta groups below the organization, ``tests/data/endpoints_v3beta1.json``. That a public
method reaches each endpoint is ``test_endpoint_coverage.py``'s to check.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from devin_async.testing import FakeState, create_app

DATA = Path(__file__).parent / "data"
ENDPOINTS = json.loads((DATA / "endpoints_v3_org.json").read_text())
BETA = [
    e
    for e in json.loads((DATA / "endpoints_v3beta1.json").read_text())["endpoints"]
    if e["path"].startswith("/v3beta1/organizations")
]
TEMPLATES = {(e["method"], e["path"]) for e in ENDPOINTS["endpoints"] + BETA}


def test_the_fake_api_serves_every_v3_org_endpoint() -> None:
    app = create_app(FakeState())
    served = {
        (route.method, re.sub(r"\{\w+\}", "{}", route.resource.canonical))
        for route in app.router.routes()
        if route.resource is not None
    }
    wanted = {(m, re.sub(r"\{\w+\}", "{}", path)) for m, path in TEMPLATES}
    assert len(ENDPOINTS["endpoints"]) == 56  # 55 organization endpoints and /v3/self
    assert len(BETA) == 28  # snapshot setup 16, members 3, repositories 8, provisioning 1
    assert sorted(wanted - served) == []
