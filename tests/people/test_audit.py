"""The audit log: recorded in the action's unit of work, paged newest first, append-only."""

from __future__ import annotations

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DatabaseError
from sqlmodel import Session

from core.models import AuditEvent, User
from core.people import audit


def test_record_and_page(session: Session, admin):
    actor = session.get(User, admin.id)
    for n in range(5):
        audit.record(session, actor=actor, action="test.action", target=f"thing:{n}",
                     client="192.0.2.1", detail={"n": n})  # fmt: skip
    audit.record(session, actor=None, action="test.cli", client="cli")
    first = audit.page(session, limit=4)
    assert [e.action for e in first.items][:1] == ["test.cli"]
    assert first.items[1].actor_email == admin.email and first.items[1].client == "192.0.2.1"
    assert first.next_cursor
    second = audit.page(session, cursor=first.next_cursor, limit=4)
    ids = [e.id for e in first.items + second.items]
    assert ids == sorted(ids, reverse=True) and len(set(ids)) == len(ids) >= 6


def test_bad_cursor_is_a_clear_422(session: Session):
    from core.errors import InvalidInput

    with pytest.raises(InvalidInput):
        audit.page(session, cursor="not-a-cursor")


@pytest.mark.parametrize(
    "statement",
    ["UPDATE audit_event SET action = 'forged'", "DELETE FROM audit_event"],
)
def test_the_database_refuses_to_change_the_log(session: Session, statement: str):
    audit.record(session, actor=None, action="test.keep")
    session.commit()
    with pytest.raises(DatabaseError) as error, session.begin_nested():
        session.execute(text(statement))
    assert "append-only" in str(error.value)
    assert session.query(AuditEvent).filter_by(action="test.keep").count() == 1


def test_csv_export_neutralises_formulas(session: Session):
    audit.record(session, actor=None, action="test.csv", target='=HYPERLINK("x")')
    lines = list(audit.csv_rows(session))
    assert lines[0].startswith("id,at,actor_id")
    assert any("'=HYPERLINK" in line for line in lines)
