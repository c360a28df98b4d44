"""The main text of a saved web page or of HTML from the clipboard, keeping its structure.

The page is read into a small tree with the standard library's ``html.parser``; the main
part (``<main>``, ``role="main"``, the article, else the body) is kept without navigation,
headers, footers, forms, buttons, cookie banners and share bars. Headings, paragraphs, list
items (``• ``), line breaks and table rows become lines, so the layout recognisers see the
page as a reader does. E-mail addresses hidden by web protection (``data-cfemail``) are
decoded; the "[email protected]" placeholder never reaches the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

_VOID = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
    "source", "track", "wbr",
}  # fmt: skip
_DROP = {
    "script", "style", "noscript", "template", "svg", "nav", "aside", "form", "button",
    "select", "textarea", "iframe", "dialog", "object", "canvas", "video", "audio", "map",
    "head", "title",
}  # fmt: skip
_BLOCK = {
    "p", "div", "section", "article", "main", "header", "footer", "blockquote", "pre",
    "address", "ul", "ol", "dl", "dt", "dd", "table", "tbody", "thead", "tfoot", "figure",
    "figcaption", "fieldset", "details", "summary", "center", "body", "html", "hr",
}  # fmt: skip
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_BOILERPLATE_ROLES = {"navigation", "banner", "contentinfo", "complementary", "search", "dialog"}
_BOILERPLATE_NAMES = re.compile(
    r"(?:^|[\s_-])(?:cookie|consent|gdpr|breadcrumbs?|nav|navbar|navigation|menu|megamenu|"
    r"share|sharing|social|newsletter|subscribe|sidebar|related|promo|banner-ad|skip-link|"
    r"site-header|site-footer|page-footer|page-header|footer|masthead|donate-bar|"
    r"visually-hidden|sr-only|screen-reader-text)(?:$|[\s_-])",
    re.I,
)
_PROTECTED = re.compile(r"\[\s*email\s*(?:&#160;|\s)*protected\s*\]", re.I)
MAX_NODES = 40_000  # a saved UA page has a few thousand; a hostile one is cut, not followed
MAX_DEPTH = 200  # deeper elements are flattened into their ancestor (no recursion bomb)


@dataclass
class Node:
    tag: str
    attrs: dict[str, str] = field(default_factory=dict)
    children: list[Node | str] = field(default_factory=list)
    parent: Node | None = field(default=None, repr=False)


class _TreeBuilder(HTMLParser):
    """A forgiving tree: unknown closing tags are ignored, unclosed ones closed at the end."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#root")
        self._open = self.root
        self._depth = 0
        self.count = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.count += 1
        if self.count > MAX_NODES:
            return
        if tag in ("p", "li", "dt", "dd", "tr", "td", "th", "option"):
            self._close_implied(tag)
        node = Node(tag, {k: v or "" for k, v in attrs}, parent=self._open)
        self._open.children.append(node)
        if tag not in _VOID and self._depth < MAX_DEPTH:
            self._open = node
            self._depth += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID and self._open.tag == tag and self._open.children == []:
            self._close(self._open)

    def _close(self, node: Node) -> None:
        """Close ``node`` and everything opened inside it."""
        current: Node | None = self._open
        while current is not None and current is not node:
            self._depth -= 1
            current = current.parent
        self._depth -= 1
        self._open = node.parent or self.root

    def _close_implied(self, tag: str) -> None:
        """A new <p>/<li>/<tr>/<td> closes the open one of its kind (HTML's optional ends)."""
        stops = {"ul", "ol", "table", "tbody", "thead", "tr", "div", "section", "article"}
        siblings = {"td": {"td", "th"}, "th": {"td", "th"}, "dt": {"dt", "dd"}, "dd": {"dt", "dd"}}
        wanted = siblings.get(tag, {tag})
        node: Node | None = self._open
        while node is not None and node is not self.root:
            if node.tag in wanted:
                self._close(node)
                return
            if node.tag in stops and tag != "p":
                return
            if tag == "p" and node.tag not in ("span", "b", "i", "em", "strong", "a", "font"):
                return
            node = node.parent

    def handle_endtag(self, tag: str) -> None:
        node: Node | None = self._open
        while node is not None and node is not self.root:
            if node.tag == tag:
                self._close(node)
                return
            node = node.parent

    def handle_data(self, data: str) -> None:
        if self.count <= MAX_NODES:
            self._open.children.append(data)


def _decode_cfemail(hex_text: str) -> str:
    try:
        data = bytes.fromhex(hex_text)
    except ValueError:
        return ""
    if len(data) < 2:
        return ""
    key = data[0]
    address = bytes(b ^ key for b in data[1:]).decode("utf-8", "replace")
    return address if re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", address) else ""


def _protected_href(node: Node) -> str:
    href = node.attrs.get("href", "") if node.tag == "a" else ""
    marker = "/email-protection#"
    return href.split(marker, 1)[1] if marker in href else ""


def _is_boilerplate(node: Node, inside_content: bool) -> bool:
    if node.tag in _DROP:
        return True
    attrs = node.attrs
    if "hidden" in attrs or attrs.get("aria-hidden") == "true":
        return True
    if re.search(r"display\s*:\s*none|visibility\s*:\s*hidden", attrs.get("style", ""), re.I):
        return True
    if attrs.get("role", "").lower() in _BOILERPLATE_ROLES:
        return True
    if node.tag in ("header", "footer") and not (inside_content and node.tag == "header"):
        return not _holds_heading(node) and not _holds_id_line(node)
    names = " ".join((attrs.get("class", ""), attrs.get("id", "")))
    return (
        bool(names.strip())
        and bool(_BOILERPLATE_NAMES.search(names))
        and not _holds_heading(node)
        and not _holds_id_line(node)
    )


# The UA's identifier line ("UA: 79/20 Index: MDE 25/2601/2020 … Date: …"), which a converted
# PDF keeps in a paragraph styled as the page's footer: the document's own, never site chrome.
_ID_LINE = re.compile(
    r"\b(?:UA|AU)\s*:?\s*\d{1,4}/\d{2}\b.{0,40}?\b(?:AFR|AMR|ASA|EUR|MDE)\s?\d{1,2}/\d", re.I
)


def _holds_id_line(node: Node) -> bool:
    """A short element whose text is the UA's identifier line."""
    parts: list[str] = []
    stack: list[Node | str] = [node]
    while stack and sum(map(len, parts)) <= 400:
        item = stack.pop()
        if isinstance(item, str):
            parts.append(item)
        else:
            stack.extend(reversed(item.children))
    text = " ".join(parts)
    return len(text) <= 400 and bool(_ID_LINE.search(text))


def _holds_heading(node: Node) -> bool:
    for child in node.children:
        if isinstance(child, Node) and (child.tag == "h1" or _holds_heading(child)):
            return True
    return False


def _find_all(node: Node, test: object) -> list[Node]:
    found: list[Node] = []
    stack: list[Node] = [node]
    while stack:
        current = stack.pop()
        if callable(test) and test(current):
            found.append(current)
        stack.extend(child for child in reversed(current.children) if isinstance(child, Node))
    return found


def _text_length(node: Node) -> int:
    total = 0
    stack: list[Node | str] = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, str):
            total += len(current.strip())
        elif current.tag not in _DROP:
            stack.extend(current.children)
    return total


def _main_part(root: Node) -> Node:
    """``<main>``/``role=main``, else the longest article, else the body (or the page)."""
    mains = _find_all(root, lambda n: n.tag == "main" or n.attrs.get("role", "").lower() == "main")
    mains = [n for n in mains if _text_length(n) >= 200]
    if mains:
        return max(mains, key=_text_length)
    articles = [n for n in _find_all(root, lambda n: n.tag == "article") if _text_length(n) >= 200]
    if articles:
        return max(articles, key=_text_length)
    bodies = _find_all(root, lambda n: n.tag == "body")
    return bodies[0] if bodies else root


class _Writer:
    def __init__(self) -> None:
        self.parts: list[str] = []

    def newline(self, blank: bool = False) -> None:
        self.parts.append("\n\n" if blank else "\n")

    def text(self, value: str) -> None:
        self.parts.append(value)


def _render(node: Node, out: _Writer, inside_content: bool, pre: bool = False) -> None:
    for child in node.children:
        if isinstance(child, str):
            out.text(child if pre else re.sub(r"[ \t\r\n\f]+", " ", child))
            continue
        if _is_boilerplate(child, inside_content):
            continue
        tag = child.tag
        protected = child.attrs.get("data-cfemail") or _protected_href(child)
        if protected:
            decoded = _decode_cfemail(protected)
            if decoded:
                out.text(decoded)
                continue
        if tag == "br":
            out.newline()
        elif tag in _HEADINGS:
            out.newline(blank=True)
            _render(child, out, inside_content, pre)
            out.newline(blank=True)
        elif tag == "li":
            out.newline()
            if node.tag == "ol":
                number = sum(
                    1
                    for sibling in node.children[: node.children.index(child) + 1]
                    if isinstance(sibling, Node) and sibling.tag == "li"
                )
                out.text(f"{number}. ")
            else:
                out.text("\u2022 ")
            _render(child, out, inside_content, pre)
            out.newline()
        elif tag == "tr":
            out.newline()
            _render(child, out, inside_content, pre)
            out.newline()
        elif tag in ("td", "th"):
            out.text("  ")
            _render(child, out, inside_content, pre)
        elif tag == "p":
            out.newline(blank=True)
            _render(child, out, inside_content, pre)
            out.newline(blank=True)
        elif tag in _BLOCK:
            out.newline()
            _render(child, out, inside_content or tag in ("article", "main"), pre or tag == "pre")
            out.newline()
        else:
            _render(child, out, inside_content, pre)


def html_to_text(markup: str) -> str:
    """The main text of an HTML page or fragment, one block per line, without site chrome."""
    builder = _TreeBuilder()
    for start in range(0, len(markup), 65_536):
        builder.feed(markup[start : start + 65_536])
        if builder.count > MAX_NODES:
            break
    builder.close()
    main = _main_part(builder.root)
    out = _Writer()
    _render(main, out, inside_content=main.tag in ("main", "article"))
    text = "".join(out.parts)
    text = _PROTECTED.sub("", text)
    lines = [line.strip() for line in text.split("\n")]
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
    if len(text) < 80 and main is not builder.root:  # the main part was a shell: take it all
        out = _Writer()
        _render(builder.root, out, inside_content=False)
        whole = "\n".join(line.strip() for line in "".join(out.parts).split("\n"))
        text = re.sub(r"\n{3,}", "\n\n", _PROTECTED.sub("", whole)).strip()
    return text + "\n"


def looks_like_html(text: str) -> bool:
    """A page or a fragment of HTML (not a text that merely mentions a tag)."""
    head = text[:4000].lower()
    return (
        "<html" in head
        or "<!doctype html" in head
        or len(re.findall(r"</?(?:p|div|br|h\d|span|li|td|table|article)\b", head)) > 5
    )
