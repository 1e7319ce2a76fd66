"""The People page (admins), "forgot password" and the reset link's page."""

from __future__ import annotations

from core.people import passwords


def test_the_people_page_lists_people_for_admins(client, admin, member):
    page = client.get("/people", headers=admin.headers)
    assert page.status_code == 200
    assert member.email in page.text and 'id="invite-bulk"' in page.text
    # The page and its JSON twin agree on who is listed.
    listed = client.get("/api/users", headers=admin.headers).json()["items"]
    for person in listed:
        assert f'data-user="{person["id"]}"' in page.text


def test_the_people_page_searches_on_the_server(client, admin, member):
    page = client.get("/people", params={"q": member.email}, headers=admin.headers)
    assert member.email in page.text and admin.email not in page.text.split('id="people-list"')[1]


def test_the_people_page_is_for_admins_only(client, member, curator):
    for person in (member, curator):
        assert client.get("/people", headers=person.headers).status_code == 403
    assert client.get("/people", follow_redirects=False).status_code == 303


def test_settings_links_admins_to_people(client, admin, member):
    assert 'href="/people"' in client.get("/settings", headers=admin.headers).text
    assert 'href="/people"' not in client.get("/settings", headers=member.headers).text


def test_sign_in_offers_forgot_password(client):
    assert 'href="/forgot"' in client.get("/signin").text
    assert client.get("/forgot").status_code == 200


def test_the_reset_page_checks_its_link(client, session, make_user):
    from core.models import User

    person = make_user()
    link = passwords.create_reset_link(session, session.get(User, person.id), base_url="http://t")
    session.commit()
    token = link.rsplit("/", 1)[1]
    assert client.get(f"/reset/{token}").status_code == 200
    gone = client.get("/reset/pwr_not_a_real_token")
    assert gone.status_code == 404 and "expired" in gone.text
