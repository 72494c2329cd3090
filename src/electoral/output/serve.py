"""Output model of ``electoral serve --json``: where the server answers.

>>> from electoral.output.base import document
>>> document(addresses_out("http://127.0.0.1:8000/"))["docs"]
'http://127.0.0.1:8000/docs'
"""

from __future__ import annotations

from electoral.output.base import Output


class AddressesOut(Output):
    url: str
    docs: str
    api: str


def addresses_out(url: str) -> AddressesOut:
    """The map page's URL (ending in /), the API documentation's and the API's."""
    return AddressesOut.of(url=url, docs=f"{url}docs", api=f"{url}api")
