"""``/docs``: the OpenAPI schema as one self-contained HTML page (no script, no network).

FastAPI's default Swagger UI loads its script and styles from a CDN, which an offline server
cannot reach; this page is rendered on the server from the same schema instead.

>>> page = openapi_html({"info": {"title": "t", "version": "1"}, "paths": {"/api/years": {"get": {
...     "summary": "Every year", "responses": {"200": {"description": "OK"}}}}}})
>>> "<code>GET /api/years</code>" in page and "Every year" in page
True
"""

from __future__ import annotations

from html import escape
from typing import Any

STYLE = """body{font:15px/1.45 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}
code{background:#f3f3f3;padding:0 .25rem}section{border-top:1px solid #ddd;margin-top:1.5rem}
table{border-collapse:collapse;margin:.5rem 0}td,th{border:1px solid #ddd;padding:.2rem .5rem;text-align:left;
vertical-align:top}th{background:#f7f7f7}.muted{color:#666}"""


def type_text(schema: dict[str, Any]) -> str:
    """A short readable type for a JSON schema: ``integer``, ``array of string``, ``TallyOut`` ...

    >>> type_text({"anyOf": [{"type": "integer"}, {"type": "null"}]}), type_text({"$ref": "#/components/schemas/A"})
    ('integer or null', 'A')
    """
    if "$ref" in schema:
        return schema["$ref"].rsplit("/", 1)[-1]
    if "anyOf" in schema:
        return " or ".join(type_text(s) for s in schema["anyOf"])
    if "enum" in schema:
        return "one of " + ", ".join(repr(v) for v in schema["enum"])
    if "const" in schema:
        return repr(schema["const"])
    kind = schema.get("type", "any")
    if kind == "array":
        return f"array of {type_text(schema.get('items', {}))}"
    if kind == "object" and isinstance(schema.get("additionalProperties"), dict):
        return f"object of {type_text(schema['additionalProperties'])}"
    return str(kind)


def _limits(schema: dict[str, Any]) -> str:
    bounds = [f"{label} {schema[key]}" for key, label in (("minimum", ">="), ("exclusiveMinimum", ">"),
                                                           ("maximum", "<="), ("exclusiveMaximum", "<"),
                                                           ("maxProperties", "at most"), ("maxItems", "at most"))
              if key in schema]
    for option in schema.get("anyOf", ()):
        bounds.append(_limits(option))
    return "; ".join(b for b in bounds if b)


def _rows(rows: list[tuple[str, ...]], header: tuple[str, ...]) -> str:
    head = "".join(f"<th>{escape(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in rows)
    return f"<table><tr>{head}</tr>{body}</table>"


def _operation(path: str, method: str, op: dict[str, Any]) -> str:
    parts = [f"<h3 id='{escape(method + path)}'><code>{escape(method.upper())} {escape(path)}</code></h3>",
             f"<p><strong>{escape(op.get('summary', ''))}</strong></p>"]
    if op.get("description"):
        parts.append(f"<p>{escape(op['description'])}</p>")
    params = [(f"<code>{escape(p['name'])}</code>", escape(p.get("in", "")), "yes" if p.get("required") else "no",
               escape(type_text(p.get("schema", {}))), escape(p.get("description", "") or ""),
               escape(_limits(p.get("schema", {}))))
              for p in op.get("parameters", [])]
    if params:
        parts.append(_rows(params, ("parameter", "in", "required", "type", "description", "limits")))
    body = op.get("requestBody", {}).get("content", {}).get("application/json", {}).get("schema")
    if body:
        parts.append(f"<p>JSON body: <a href='#{escape(type_text(body))}'>{escape(type_text(body))}</a></p>")
    responses = [(escape(code), escape(r.get("description", "")),
                  escape(type_text(r.get("content", {}).get("application/json", {}).get("schema", {}))))
                 for code, r in op.get("responses", {}).items()]
    parts.append(_rows(responses, ("status", "meaning", "body")))
    return "<section>" + "".join(parts) + "</section>"


def _model(name: str, schema: dict[str, Any]) -> str:
    required = set(schema.get("required", ()))
    rows = [(f"<code>{escape(field)}</code>", escape(type_text(spec)), "yes" if field in required else "no",
             escape(spec.get("description", "") or ""), escape(_limits(spec)))
            for field, spec in schema.get("properties", {}).items()]
    text = f"<p>{escape(schema['description'])}</p>" if schema.get("description") else ""
    return f"<section><h3 id='{escape(name)}'>{escape(name)}</h3>{text}" + \
        (_rows(rows, ("field", "type", "required", "description", "limits")) if rows else "") + "</section>"


def openapi_html(schema: dict[str, Any]) -> str:
    """The whole schema as HTML: every operation with parameters, body and responses, then every model."""
    info = schema.get("info", {})
    operations = [_operation(path, method, op) for path, methods in schema.get("paths", {}).items()
                  for method, op in methods.items()]
    models = [_model(name, spec) for name, spec in sorted(schema.get("components", {}).get("schemas", {}).items())]
    return (f"<!doctype html><html lang='en'><head><meta charset='utf-8'>"
            f"<meta name='viewport' content='width=device-width, initial-scale=1'>"
            f"<title>{escape(info.get('title', 'API'))} API</title><style>{STYLE}</style></head><body>"
            f"<h1>{escape(info.get('title', 'API'))} {escape(str(info.get('version', '')))}: HTTP API</h1>"
            f"<p>{escape(info.get('description', ''))}</p>"
            f"<p class='muted'>Machine-readable schema: <a href='/openapi.json'>/openapi.json</a>. "
            f"Errors are JSON <code>{{\"error\": \"...\"}}</code> naming the bad value.</p>"
            f"<h2>Endpoints</h2>{''.join(operations)}<h2>Models</h2>{''.join(models)}</body></html>")
