"""The curator's loop in the browser: the Insights page with its charts (phone and
laptop), editing and deleting a tip from its card, Keep/Remove in moderation, and
"Outdated" on a brief followed by the owner's "Still true"."""

from __future__ import annotations

import secrets

import httpx
import pytest

from tests.browser.conftest import screenshot, sign_in, upcoming_events, wait_until

pytestmark = pytest.mark.browser
LAPTOP = {"viewport": {"width": 1280, "height": 900}, "locale": "en-GB", "timezone_id": "UTC"}
TALL_LAPTOP = {**LAPTOP, "viewport": {"width": 1280, "height": 2300}}  # the whole page at once


@pytest.fixture
def curated(live_server, feeds):  # type: ignore[no-untyped-def]
    """Six colleagues who met a customer with a tip and opened and liked their briefs,
    one whose customer the library knows nothing about, and a curator."""
    domain = f"umbrella-{secrets.token_hex(3)}.com"
    author = live_server.add_user("member", name="Maria Author")
    tip = author.api(
        "POST",
        "/api/tips",
        {
            "title": "Umbrella wants the security review first",
            "body": "Send the **security questionnaire** answers before the pricing call.",
            "tags": ["security", "pricing"],
            "accounts": [domain],
        },
    )
    people = []
    for _ in range(6):
        person = live_server.add_user("member")
        url = feeds.publish(f"cal-{person.id}", upcoming_events(domain, me=person.email))
        person.api("POST", "/api/calendars", {"url": url})
        meeting = next(
            m for m in person.api("GET", "/api/meetings")["items"] if m["external_domains"]
        )
        brief = person.api("GET", f"/api/meetings/{meeting['id']}/brief")
        assert tip["id"] in [t["id"] for t in brief["tips"]]
        person.api(
            "POST",
            f"/api/meetings/{meeting['id']}/feedback",
            {"tip_id": tip["id"], "helpful": True},
        )
        people.append((person, meeting))
    lonely = live_server.add_user("member")
    unknown = f"initech-{secrets.token_hex(3)}.com"
    events = upcoming_events(unknown, me=lonely.email, customer="Initech")
    url = feeds.publish(f"cal-{lonely.id}", events)
    lonely.api("POST", "/api/calendars", {"url": url})
    curator = live_server.add_user("curator", name="Cleo Curator")
    return {"tip": tip, "author": author, "people": people, "curator": curator, "unknown": unknown}


def _charts_loaded(page) -> list[int]:  # type: ignore[no-untyped-def]
    wait_until(
        page,
        "() => [...document.querySelectorAll('img.chart')]"
        ".every(i => i.complete && i.naturalWidth > 0)",
    )
    return page.eval_on_selector_all("img.chart", "imgs => imgs.map(i => i.naturalWidth)")


def test_insights_page_on_phone_and_laptop(live_server, chromium, phone, curated):
    page = phone.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    sign_in(page, curated["curator"], path="/insights")
    assert page.locator("h1").inner_text() == "Insights"
    gaps = page.locator("#gaps-h + p + .table-wrap tbody tr")
    labels = gaps.locator("th").all_inner_texts()
    assert curated["unknown"] in labels
    widths = _charts_loaded(page)
    assert len(widths) == 3 and all(w > 0 for w in widths)
    top = page.get_by_role("table").filter(has_text="Top tips")
    assert curated["tip"]["title"] in top.inner_text()
    assert errors == [], errors  # no CSP violation, no script error
    # Nothing makes the phone page wider than the phone (tables scroll inside their box).
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.evaluate("document.getElementById('usage-h').scrollIntoView()")
    screenshot(page, "insights")

    laptop = chromium.new_context(base_url=live_server.url, **TALL_LAPTOP)
    try:
        wide = laptop.new_page()
        sign_in(wide, curated["curator"], path="/insights")
        _charts_loaded(wide)
        screenshot(wide, "insights-laptop")
    finally:
        laptop.close()

    csv = phone.request.get("/api/insights/usage?by=tip&format=csv")
    assert csv.ok and curated["tip"]["title"] in csv.text()


def test_edit_and_delete_a_tip_from_its_card(live_server, phone):
    author = live_server.add_user("member", name="Eddie Editor")
    tip = author.api("POST", "/api/tips", {"title": "Old title", "body": "Say hello first."})
    page = phone.new_page()
    sign_in(page, author, path="/tips")
    page.on("dialog", lambda dialog: dialog.accept())
    card = page.locator(f"#tip-{tip['id']}")
    card.locator("details.tend summary").click()
    card.locator("input[name=title]").fill("New title")
    card.locator("textarea[name=body]").fill("Say **hello** first, then listen.")
    screenshot(page, "tip-edit")
    card.locator("button[type=submit]").click()
    page.wait_for_load_state("load")
    page.locator(f"#tip-{tip['id']} h3", has_text="New title").wait_for()
    saved = author.api("GET", f"/api/tips/{tip['id']}")
    assert saved["title"] == "New title" and "<strong>hello</strong>" in saved["body_html"]

    card = page.locator(f"#tip-{tip['id']}")
    card.locator("details.tend summary").click()
    card.locator("button[data-action=delete]").click()
    card.wait_for(state="detached")
    gone = phone.request.get(f"/api/tips/{tip['id']}")
    assert gone.status == 404


def test_moderation_keep_and_remove_with_confirmation(live_server, phone):
    author = live_server.add_user("member")
    flagger = live_server.add_user("member")
    kept = author.api("POST", "/api/tips", {"body": "Harmless advice"})
    removed = author.api("POST", "/api/tips", {"body": "Questionable advice"})
    for tip in (kept, removed):
        flagger.api("POST", f"/api/tips/{tip['id']}/flags", {"reason": "unsure"})
    curator = live_server.add_user("curator")
    page = phone.new_page()
    sign_in(page, curator, path="/moderation")
    page.locator(f"[data-tip='{kept['id']}'] button", has_text="Keep (dismiss the flags)").click()
    page.locator(f"[data-tip='{kept['id']}']").wait_for(state="detached")

    answers = iter([False, True])
    page.on("dialog", lambda d: d.accept() if next(answers) else d.dismiss())
    remove = page.locator(f"[data-tip='{removed['id']}'] button[data-decision=remove]")
    remove.click()  # cancelled: still there
    page.wait_for_timeout(300)
    assert page.locator(f"[data-tip='{removed['id']}']").count() == 1
    remove.click()
    page.locator(f"[data-tip='{removed['id']}']").wait_for(state="detached")
    assert curator.api("GET", f"/api/tips/{kept['id']}")["id"] == kept["id"]
    # Removed: members no longer find it (curators still can, to review the decision).
    gone = httpx.get(
        f"{live_server.url}/api/tips/{removed['id']}",
        headers={"Authorization": f"Bearer {author.token}"},
    )
    assert gone.status_code == 404


def test_outdated_on_a_brief_then_still_true_from_review(live_server, feeds, phone, chromium):
    domain = f"hooli-{secrets.token_hex(3)}.com"
    owner = live_server.add_user("member", name="Olga Owner")
    tip = owner.api(
        "POST", "/api/tips", {"title": "Hooli: ask for the pilot", "body": "Propose a pilot.",
                              "accounts": [domain]},
    )  # fmt: skip
    reader = live_server.add_user("member")
    reader.api(
        "POST",
        "/api/calendars",
        {"url": feeds.publish(f"cal-{reader.id}", upcoming_events(domain, me=reader.email))},
    )
    meeting = next(m for m in reader.api("GET", "/api/meetings")["items"] if m["external_domains"])
    page = phone.new_page()
    sign_in(page, reader, path=f"/m/{meeting['id']}")
    page.on("dialog", lambda dialog: dialog.accept())
    button = page.locator(f"#tip-{tip['id']} button[data-action=outdated]")
    button.click()
    page.locator(f"#tip-{tip['id']} button", has_text="Marked outdated").wait_for()
    assert owner.api("GET", f"/api/tips/{tip['id']}")["stale"] is True

    context = chromium.new_context(base_url=live_server.url, **LAPTOP)
    try:
        review = context.new_page()
        sign_in(review, owner, path="/tips/review")
        card = review.locator(f"#tip-{tip['id']}")
        assert "May be outdated" in card.inner_text()
        card.locator("button[data-action=verify]").click()
        card.locator("button", has_text="Verified").wait_for()
    finally:
        context.close()
    assert owner.api("GET", f"/api/tips/{tip['id']}")["stale"] is False
