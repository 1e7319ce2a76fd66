def test_healthz(client):
    assert client.get("/healthz").status_code == 200


def test_me(client, member):
    response = client.get("/api/me", headers=member.headers)
    assert response.status_code == 200, response.text
    assert response.json()["email"] == member.email


def test_create_tip(client, member):
    response = client.post(
        "/api/tips",
        headers=member.headers,
        json={"title": "Pricing", "body": "Ask **early** <script>x</script>", "tags": ["Pricing Talks"], "accounts": ["ACME.com"]},
    )
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["tags"] == ["pricing-talks"] and body["accounts"] == ["acme.com"]
    assert "<script>" not in body["body_html"]
    found = client.get("/api/tips", params={"q": "early"}, headers=member.headers).json()
    assert [t["id"] for t in found["items"]] == [body["id"]]
