"""SCIM request latency at company size, through the real app (in-process, SQLite).

    .venv/bin/python bench/scim.py [--users 1000] [--repeat 20]

A throwaway database gets ``--users`` people (a tenth of them in a role group),
then the requests identity providers make are timed through the FastAPI app
(TestClient, so HTTP parsing and every middleware count; no network):

- ``userName eq`` lookup (what Entra ID and Okta send before each create),
  answered from an index;
- a 100-user page of a plain listing (an Okta import), paged in SQL;
- a filter that must look at everyone (``displayName co``), matched by
  scim2-models against each resource: the slow path, for reference;
- a PATCH that deactivates someone (the deprovisioning a leaver triggers).

Medians in milliseconds.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--users", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    data = tempfile.mkdtemp(prefix="tipoff-bench-scim-")
    os.environ.update(
        TIPOFF_DATA_DIR=data,
        TIPOFF_DATABASE_URL=f"sqlite:///{data}/tipoff.db",
        TIPOFF_RUN_SCHEDULER="false",
        TIPOFF_SECRET_KEY="bench-secret",
        TIPOFF_OIDC_CURATOR_GROUPS="Tipoff Curators",
        TIPOFF_LOG_LEVEL="WARNING",
    )
    from fastapi.testclient import TestClient

    from app.main import create_fastapi
    from core.db import get_engine, session_scope
    from core.migrate import upgrade
    from core.people import accounts
    from core.people.scim import groups, tokens

    upgrade(get_engine())
    with session_scope() as session:
        ids = [
            accounts.create_user(session, email=f"rep{i}@northwind.example", name=f"Rep {i}").id
            for i in range(args.users)
        ]
        token = tokens.create(session)
        members = [{"value": str(uid)} for uid in ids[::10]]
        groups.create(
            session,
            {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group"],
             "displayName": "Tipoff Curators", "members": members},
            client="bench",
        )  # fmt: skip
    client = TestClient(create_fastapi(run_scheduler=False))
    headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/scim+json"}

    def timed(method: str, path: str, repeat: int, body: object = None) -> float:
        samples = []
        for _ in range(repeat):
            started = time.perf_counter()
            response = client.request(method, "/scim/v2" + path, headers=headers, json=body)
            samples.append(time.perf_counter() - started)
            assert response.status_code < 300, response.text
        return statistics.median(samples) * 1000

    middle = args.users // 2
    print(f"SCIM with {args.users} people (SQLite, in-process), medians:")
    lookup = timed("GET", f'/Users?filter=userName eq "rep{middle}@northwind.example"', args.repeat)
    print(f"  userName eq lookup        {lookup:8.1f} ms")
    page = timed("GET", f"/Users?startIndex={middle}&count=100", max(3, args.repeat // 4))
    print(f"  a page of 100             {page:8.1f} ms")
    scan = timed("GET", '/Users?filter=displayName co "Rep 12"', 3)
    print(f"  displayName co (scan)     {scan:8.1f} ms")
    patch = {
        "schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
        "Operations": [{"op": "replace", "value": {"active": False}}],
    }
    deactivate = timed("PATCH", f"/Users/{ids[middle]}", args.repeat, patch)
    print(f"  PATCH active=false        {deactivate:8.1f} ms")


if __name__ == "__main__":
    main()
