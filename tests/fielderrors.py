"""Reading a rendered form as assistive technology does: which fields are marked
invalid, which message each one points to, and whether that message sits beside it."""

from __future__ import annotations

from html.parser import HTMLParser

CONTROLS = {"input", "select", "textarea"}
VOID = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "source",
    "track",
    "wbr",
}


class _Form(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.controls: list[tuple[int, dict]] = []  # (position, attributes)
        self.ids: dict[str, tuple[int, list[str]]] = {}  # id -> (position, text parts)
        self._open: list[tuple[str, str | None]] = []
        self._n = 0

    def handle_starttag(self, tag, attrs):
        self._n += 1
        attrs = {k: v or "" for k, v in attrs}
        if tag in CONTROLS and attrs.get("type") not in ("hidden", "submit"):
            self.controls.append((self._n, attrs))
        if attrs.get("id"):
            self.ids.setdefault(attrs["id"], (self._n, []))
        if tag not in VOID:
            self._open.append((tag, attrs.get("id")))

    def handle_endtag(self, tag):
        for i in range(len(self._open) - 1, -1, -1):
            if self._open[i][0] == tag:
                del self._open[i:]
                return

    def handle_data(self, data):
        for _tag, ident in self._open:
            if ident and ident in self.ids:
                self.ids[ident][1].append(data)


def parse(html: str) -> _Form:
    form = _Form()
    form.feed(html)
    return form


def invalid_fields(html: str) -> dict[str, str]:
    """{field name: the text of the message its aria-describedby names} for every field
    marked aria-invalid="true"; raises when a message is missing or not beside its field
    (between the field before it and the field after it)."""
    form = parse(html)
    out: dict[str, str] = {}
    for k, (position, attrs) in enumerate(form.controls):
        if attrs.get("aria-invalid") != "true" or attrs["name"] in out:
            continue
        ident = attrs.get("aria-describedby", "")
        assert ident in form.ids, f"{attrs['name']}: aria-describedby names no element"
        where, text = form.ids[ident]
        prev = form.controls[k - 1][0] if k else 0
        nxt = form.controls[k + 1][0] if k + 1 < len(form.controls) else 10**9
        if attrs.get("type") not in ("checkbox", "radio"):  # a group's message follows it
            assert prev < where < nxt and where != position, (
                f"{attrs['name']}: its message is not beside it"
            )
        out[attrs["name"]] = " ".join("".join(text).split())
    return out
