"""Shared by the HTML report tests: the tags and text of an HTML document (stdlib parser)."""

from __future__ import annotations

from html.parser import HTMLParser


class Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def parse(html: str) -> Collect:
    p = Collect()
    p.feed(html)
    p.close()
    return p
