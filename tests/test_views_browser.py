"""The HTML views in a real browser: Debian's headless Chromium driven by Playwright.

No browser is downloaded: Playwright launches ``/usr/bin/chromium`` (CI
installs it with apt-get).  Each page is opened from a file:// URL with a
recorder for every request, every Content-Security-Policy violation, every
dialog and every script error, and the tests click the canvas like a user.

* the seed's view, built by the real pipeline (spaCy) from ``seeds/``;
* the hand-made corpus of ``views_corpus`` for exact filter results;
* an article full of markup (``<script>``, ``<img onerror>``) that must
  stay text.
"""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

import views_corpus as vc
from kg.store import LocalStore
from kg.views.build import build_view
from kg.views.html import write_view_html
from kg.views.timeline import write_timeline_html

CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run"]
REPO = Path(__file__).resolve().parent.parent

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists(),
                       reason=f"{CHROMIUM} is missing (apt-get install -y chromium); browser tests need it"),
]

# Recorded in every page before its own scripts run (init scripts are not subject to the page's CSP).
RECORDER = """
window.__violations = [];
document.addEventListener('securitypolicyviolation', e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));
"""


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    """A Chromium context with a fresh profile folder, shared by the module's tests."""
    sync_api = pytest.importorskip("playwright.sync_api")
    profile = tmp_path_factory.mktemp("chromium-profile")
    with sync_api.sync_playwright() as pw:
        context = pw.chromium.launch_persistent_context(
            str(profile), executable_path=CHROMIUM, headless=True, args=FLAGS,
            viewport={"width": 1400, "height": 900})
        context.add_init_script(RECORDER)
        yield context
        context.close()


class Opened:
    """A loaded page and everything it did: requests, console messages, errors, dialogs."""

    def __init__(self, context, path: Path, ready: str = "html[data-ready=true]"):
        self.requests: list[str] = []
        self.console: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.routed: list[str] = []
        self.page = page = context.new_page()
        page.on("request", lambda r: self.requests.append(r.url))
        page.on("console", lambda m: self.console.append(f"{m.type}: {m.text}"))
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("dialog", self._dialog)
        # Anything that tries the network is caught here (file:// never reaches the router).
        page.route("**/*", self._route)
        page.goto(path.as_uri())
        page.wait_for_selector(ready, state="attached", timeout=60_000)

    def _dialog(self, dialog):
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def _route(self, route):
        if route.request.url.startswith("file://"):
            route.continue_()
        else:
            self.routed.append(route.request.url)
            route.abort()

    def assert_clean(self):
        """Nothing left file://, nothing was blocked, nothing failed, nothing popped up."""
        assert self.requests and all(url.startswith("file://") for url in self.requests), self.requests
        assert self.routed == []
        assert self.page.evaluate("window.__violations") == []
        assert [c for c in self.console if c.startswith("error")] == []
        assert self.errors == [] and self.dialogs == []

    def close(self):
        """Close the page."""
        self.page.close()


@pytest.fixture
def open_page(browser):
    """open_page(path) -> Opened; pages are closed after the test."""
    pages = []

    def _open(path: Path, ready: str = "html[data-ready=true]") -> Opened:
        opened = Opened(browser, path, ready)
        pages.append(opened)
        return opened

    yield _open
    for opened in pages:
        opened.close()


# -- helpers that act like a user ------------------------------------------------

def edge_between(page, a: str, b: str, kind: str = "discussed with") -> int:
    """The id of the edge of ``kind`` between the nodes labelled a and b."""
    edge_id = page.evaluate("([a, b, kind]) => kgView.findEdge(a, b, kind)", [a, b, kind])
    assert edge_id is not None, f"no {kind} edge between {a} and {b}"
    return edge_id


def click_edge(page, edge_id: int) -> None:
    """Click the canvas with the mouse on a point of the edge that no node or overlay covers."""
    point = page.evaluate("(id) => kgView.edgeScreenPoint(id)", edge_id)
    assert point is not None, "no clickable point on the edge"
    page.mouse.click(point["x"], point["y"])


def click_node(page, label: str) -> None:
    """Click the canvas with the mouse on the node labelled ``label``."""
    point = page.evaluate("(label) => kgView.nodeScreenPoint(kgView.data.nodes.find(n => n.label === label).id)",
                          label)
    page.mouse.click(point["x"], point["y"])


def visible_labels(page) -> set[str]:
    """Labels of the nodes the page shows now."""
    return set(page.evaluate("kgView.visibleNodeIds().map(kgView.labelOf)"))


def visible_edges(page) -> set[tuple[str, str, str, int]]:
    """(from label, to label, kind, facts shown) of each shown edge, discussion pairs sorted."""
    rows = page.evaluate("""kgView.visibleEdgeIds().map(id => {
        const e = kgView.data.edges.find(x => x.id === id), item = kgView.edges.get(id);
        return [kgView.labelOf(e.from), kgView.labelOf(e.to), e.kind, item.count]; })""")
    return {(*sorted(r[:2]), r[2], r[3]) if r[2] == "discussed with" else tuple(r) for r in rows}


def day(text: str) -> str:
    """A date as the time slider's value: days since 1970-01-01."""
    return str((dt.date.fromisoformat(text) - dt.date(1970, 1, 1)).days)


# -- the seed, through the real pipeline -------------------------------------------

@pytest.fixture(scope="module")
def seed_pages(tmp_path_factory):
    """The seed ingested with spaCy, rendered as the relationship page and the timeline."""
    from kg.ingest import ingest_paths

    folder = tmp_path_factory.mktemp("seed")
    store = LocalStore(folder / "store")
    report = ingest_paths(store, [REPO / "seeds"])
    assert report.ingested and not report.failed
    view = build_view(store)
    store.close()
    return view, write_view_html(view, folder / "seed.html"), write_timeline_html(view, folder / "timeline.html")


def test_seed_view_loads_with_every_node_in_the_dataset(seed_pages, open_page):
    view, page_file, _ = seed_pages
    opened = open_page(page_file)
    page = opened.page
    assert page.evaluate("kgView.nodes.length") == view.graph.number_of_nodes()
    assert page.evaluate("kgView.edges.length") == view.graph.number_of_edges()
    assert {"Joe Biden", "Fumio Kishida"} <= visible_labels(page)
    # Physics ran a bounded stabilisation and is off now.
    assert page.evaluate("kgView.network.physics.options.enabled") is False
    opened.assert_clean()


def test_clicking_the_biden_kishida_edge_shows_the_evidence(seed_pages, open_page):
    _, page_file, _ = seed_pages
    opened = open_page(page_file)
    page = opened.page
    click_edge(page, edge_between(page, "Joe Biden", "Fumio Kishida"))
    panel = page.locator("#panel .panel-edge")
    panel.wait_for()
    assert panel.locator("h2").inner_text() in ("Joe Biden — Fumio Kishida", "Fumio Kishida — Joe Biden")
    sentences = panel.locator("blockquote.sentence").all_text_contents()
    assert any("Kishida" in s for s in sentences), sentences
    assert "000_14cfe8a582b153d6.txt" in panel.locator(".source").first.inner_text()
    # A date (YYYY-MM-DD) or "undated" heads each discussion.
    titles = panel.locator(".fact-title").all_text_contents()
    assert titles and all(re.match(r"(\d{4}-\d{2}(-\d{2})?|undated) — ", t) for t in titles)
    # And a node click shows posts and aliases.
    click_node(page, "Joe Biden")
    node_panel = page.locator("#panel .panel-node")
    node_panel.wait_for()
    # (text_content: the CSS upper-cases section titles in inner_text)
    assert "Also called" in node_panel.text_content() and "Posts" in node_panel.text_content()
    opened.assert_clean()


def test_seed_timeline(seed_pages, open_page):
    _, _, timeline_file = seed_pages
    opened = open_page(timeline_file)
    page = opened.page
    assert page.locator("#timeline .row-label").count() >= 2
    page.locator("#timeline .item-discussion").first.click()
    assert page.locator("#panel blockquote.sentence").count() >= 1
    opened.assert_clean()


# -- the hand-made corpus: exact filter results ------------------------------------

@pytest.fixture(scope="module")
def corpus_pages(tmp_path_factory):
    """The views corpus rendered as the relationship page and the timeline."""
    folder = tmp_path_factory.mktemp("corpus")
    store = LocalStore(folder / "store")
    vc.fill(store, folder / "articles")
    view = build_view(store)
    store.close()
    return write_view_html(view, folder / "view.html"), write_timeline_html(view, folder / "timeline.html")


ALL_PEOPLE = {"Joe Biden", "Fumio Kishida", "Kurt Campbell", "Mark Rutte", "Conor O'Brien", "Koji Tomita"}
ALL_NODES = ALL_PEOPLE | {"United States", "China", "export controls on chipmaking tools"}


def test_topic_filter_and_time_slider(corpus_pages, open_page):
    opened = open_page(corpus_pages[0])
    page = opened.page
    assert visible_labels(page) == ALL_NODES
    assert ("Fumio Kishida", "Joe Biden", "discussed with", 2) in visible_edges(page)
    assert page.evaluate("kgView.edges.get(kgView.findEdge('Joe Biden', 'Fumio Kishida')).width") == 3.5

    page.select_option("#topic", label="alliance")
    assert visible_labels(page) == {"Conor O'Brien", "Koji Tomita", "Joe Biden", "Fumio Kishida"}
    # Only the alliance call is left between Biden and Kishida: the line thins to one discussion.
    assert visible_edges(page) == {("Conor O'Brien", "Koji Tomita", "discussed with", 1),
                                   ("Fumio Kishida", "Joe Biden", "discussed with", 1)}
    assert page.evaluate("kgView.edges.get(kgView.findEdge('Joe Biden', 'Fumio Kishida')).width") == 2
    assert page.inner_text("#status").startswith("4 of 9 nodes, 2 of")

    page.select_option("#topic", label="all topics")
    page.fill("#from", day("2023-01-01"))
    assert page.inner_text("#from-label") == "2023-01-01"
    # October 2022 (Rutte's call, the export controls) and the undated meeting drop out.
    assert visible_labels(page) == {"Joe Biden", "Fumio Kishida", "Kurt Campbell", "Conor O'Brien", "Koji Tomita"}
    page.fill("#to", day("2023-01-31"))
    assert visible_labels(page) == {"Joe Biden", "Fumio Kishida", "Kurt Campbell"}
    assert visible_edges(page) == {("Fumio Kishida", "Joe Biden", "discussed with", 1),
                                   ("Kurt Campbell", "Joe Biden", "said about", 1),
                                   ("Kurt Campbell", "Fumio Kishida", "said about", 1)}
    # The panel lists only what passes the filters, and says what it hides.
    click_edge(page, edge_between(page, "Joe Biden", "Fumio Kishida"))
    panel = page.locator("#panel .panel-edge")
    assert panel.locator(".fact").count() == 1
    assert vc.TALKS_1 in panel.inner_text() and "1 more hidden by the current filters" in panel.inner_text()

    page.click("#reset")
    assert visible_labels(page) == ALL_NODES
    page.uncheck("#type-person")
    assert visible_labels(page) == {"United States", "China", "export controls on chipmaking tools"}
    page.check("#type-person")
    opened.assert_clean()


def test_search_focuses_an_actor(corpus_pages, open_page):
    opened = open_page(corpus_pages[0])
    page = opened.page
    page.fill("#search", "rutte")
    page.click("#search-form button[type=submit]")
    assert page.locator("#panel .panel-node h2").inner_text() == "Mark Rutte"
    assert page.evaluate("kgView.network.getSelectedNodes().map(kgView.labelOf)") == ["Mark Rutte"]
    page.check("#neighbours")
    assert visible_labels(page) == {"Mark Rutte", "Joe Biden"}
    page.fill("#depth", "2")
    page.dispatch_event("#depth", "change")
    assert visible_labels(page) == {"Mark Rutte", "Joe Biden", "Fumio Kishida", "Kurt Campbell"}
    opened.assert_clean()


def test_timeline_filters_and_evidence(corpus_pages, open_page):
    opened = open_page(corpus_pages[1])
    page = opened.page
    rows = page.locator("#timeline .row-label").all_text_contents()
    assert set(rows) == ALL_PEOPLE | {"United States", "China"}
    page.fill("#actor", "rutte")
    assert page.locator("#timeline .row-label").all_text_contents() == ["Mark Rutte"]
    page.locator("#timeline .item-discussion").first.click()
    assert vc.CALL in page.inner_text("#panel") and "call.txt" in page.inner_text("#panel")
    page.fill("#actor", "")
    page.select_option("#topic", label="alliance")
    assert set(page.locator("#timeline .row-label").all_text_contents()) == {
        "Conor O'Brien", "Koji Tomita", "Joe Biden", "Fumio Kishida"}
    opened.assert_clean()


# -- markup in articles never runs ----------------------------------------------------

PAYLOADS = [
    "<script>window.__pwned = 'script'; alert('script')</script>",
    "<img src=x onerror=\"window.__pwned = 'img'; alert('img')\">",
    "</script><script>window.__pwned = 'close'; alert('close')</script>",
    "<!--<script>window.__pwned = 'comment'</script>",
]


@pytest.fixture(scope="module")
def hostile_pages(tmp_path_factory):
    """Pages of an article whose names, sentences, quote, topic and file name carry markup."""
    folder = tmp_path_factory.mktemp("hostile")
    articles = folder / "articles"
    articles.mkdir()
    name = "<img src=x onerror=alert('file')>.txt"
    sentences = [f"{PAYLOADS[0]} met Kishida about {PAYLOADS[1]}.", f"{PAYLOADS[2]} said {PAYLOADS[3]}."]
    art, (met, said) = vc.article(articles, name, sentences, dt.date(2023, 1, 1))
    evil = str(vc.ID["person/evil"])
    topic = vc.Topic(str(vc.ID["topic/evil"]), PAYLOADS[1], in_scheme=False)
    facts = vc.DocumentFacts()
    facts.entities = {evil: vc.person(evil, PAYLOADS[0], PAYLOADS[3]),
                      vc.KISHIDA: vc.person(vc.KISHIDA, "Fumio Kishida", "Kishida")}
    facts.meetings.append(vc.Meeting("meeting", [evil, vc.KISHIDA], met, time=vc.day("2023-01-01"),
                                     topics=[topic], place=(str(vc.ID["place/evil"]), PAYLOADS[1])))
    facts.statements.append(vc.Statement(evil, PAYLOADS[2] + " Kishida", True, said, topics=[topic]))
    store = LocalStore(folder / "store")
    vc.write_documents(store, [(art, facts)])
    view = build_view(store)
    store.close()
    view_file = write_view_html(view, folder / "view.html", title=PAYLOADS[0])
    timeline_file = write_timeline_html(view, folder / "timeline.html", title=PAYLOADS[1])
    # The same pages without their Content-Security-Policy: escaping alone must hold.
    bare = []
    for path in (view_file, timeline_file):
        text = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", path.read_text())
        bare_path = path.with_name("bare-" + path.name)
        bare_path.write_text(text)
        bare.append(bare_path)
    return view_file, timeline_file, bare


def _assert_not_executed(opened):
    page = opened.page
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert opened.dialogs == []
    assert page.locator("#panel img, #panel script, header img").count() == 0


@pytest.mark.parametrize("with_csp", [True, False], ids=["with-csp", "escaping-only"])
def test_script_payload_in_an_article_does_not_run(hostile_pages, open_page, with_csp):
    view_file, timeline_file, bare = hostile_pages
    opened = open_page(view_file if with_csp else bare[0])
    page = opened.page
    assert page.title() == PAYLOADS[0]                     # shown as text
    click_edge(page, page.evaluate("kgView.data.edges.find(e => e.kind === 'discussed with').id"))
    text = page.inner_text("#panel")
    # Every payload is displayed, literally: names, place, topic, sentence, file name ...
    assert PAYLOADS[0] in text and PAYLOADS[1] in text
    assert "<img src=x onerror=alert('file')>.txt" in text
    # ... and the quote and its sentence in the speaker's panel.
    page.evaluate("kgView.showNode(kgView.data.nodes.find(n => n.label.startsWith('<script')).id)")
    text = page.inner_text("#panel")
    assert PAYLOADS[2] + " Kishida" in text and PAYLOADS[3] in text
    page.fill("#search", "<script")
    page.click("#search-form button[type=submit]")
    _assert_not_executed(opened)
    if with_csp:
        opened.assert_clean()                              # and nothing even tried to run or load

    opened = open_page(timeline_file if with_csp else bare[1])
    page = opened.page
    page.locator("#timeline .item").first.click()
    assert PAYLOADS[0] in page.inner_text("#panel")
    page.locator("#undated .undated-item").first.click()
    assert PAYLOADS[2] in page.inner_text("#panel")
    _assert_not_executed(opened)
    if with_csp:
        opened.assert_clean()
