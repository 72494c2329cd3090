"""The application shell: the page at /, static assets, /docs offline, and error bodies for any failure."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from electoral.api.app import create_app


def test_page_and_assets_from_the_static_folder(tmp_path) -> None:
    (tmp_path / "index.html").write_text("<!doctype html><title>map</title>", encoding="utf-8")
    (tmp_path / "app.js").write_text("console.log('map');", encoding="utf-8")
    client = TestClient(create_app(static_dir=tmp_path))
    page = client.get("/")
    assert page.status_code == 200 and "<title>map</title>" in page.text
    asset = client.get("/static/app.js")
    assert asset.status_code == 200 and asset.text == "console.log('map');"
    assert "javascript" in asset.headers["content-type"]
    assert client.get("/static/nothing.css").status_code == 404


def test_missing_static_folder_still_answers(tmp_path) -> None:
    client = TestClient(create_app(static_dir=tmp_path / "not-there"))
    page = client.get("/")
    assert page.status_code == 200 and "assets are missing" in page.text
    assert client.get("/static/app.js").status_code == 404
    assert client.get("/api/years").status_code == 200


def test_docs_need_no_network(client) -> None:
    page = client.get("/docs")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert not re.search(r"(src|href)=['\"]?(https?:)?//", page.text)  # no script, style or link from elsewhere
    for path in client.get("/openapi.json").json()["paths"]:
        assert path in page.text


def test_unknown_path_and_method_are_json(client, assert_error) -> None:
    assert_error(client.get("/api/nothing"), 404, "/api/nothing")
    assert_error(client.delete("/api/years"), 405, "DELETE")


def test_a_bug_is_a_plain_500_without_details() -> None:
    app = create_app()

    @app.get("/api/broken")
    async def broken() -> None:
        raise RuntimeError("secret internals")

    response = TestClient(app, raise_server_exceptions=False).get("/api/broken")
    assert response.status_code == 500 and response.json() == {"error": "internal error"}


def test_scripts_are_javascript_even_where_the_system_table_says_otherwise(tmp_path, monkeypatch) -> None:
    # Browsers run an ES module only when it comes with a JavaScript type; Windows' registry (read
    # by mimetypes) can map .js to text/plain. The app restores the standard type, text/javascript.
    import mimetypes

    for name in ("inited", "types_map", "common_types", "encodings_map", "suffix_map"):
        monkeypatch.setattr(mimetypes, name, getattr(mimetypes, name))  # restored after the test
    monkeypatch.setattr(mimetypes, "_db", None)  # a fresh table, read from the system again
    mimetypes.add_type("text/plain", ".js")
    (tmp_path / "main.js").write_text("export const ok = true;", encoding="utf-8")
    asset = TestClient(create_app(static_dir=tmp_path)).get("/static/main.js")
    assert asset.status_code == 200 and asset.headers["content-type"].startswith("text/javascript")
