#!/usr/bin/env python3
"""Screenshots of the seed's views for the README: docs/img/seed-view.png and docs/img/timeline.png.

Ingests ``seeds/`` into a temporary store with the real pipeline, renders
the relationship page and the timeline exactly as ``kg render`` and
``kg timeline`` do, opens them in Debian's headless Chromium
(``/usr/bin/chromium``, through Playwright; no browser is downloaded), and
clicks like a user: the Biden--Kishida line on the graph, the first
Biden--Kishida discussion on the timeline, so that each picture shows the
evidence panel answering "what did Biden and Kishida discuss, when, and
which sentence says so?".

Usage::

    python scripts/screenshots.py              # writes docs/img/*.png
    python scripts/screenshots.py --out /tmp   # elsewhere
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
VIEWPORT = {"width": 1440, "height": 860}


def build_pages(workdir: Path) -> tuple[Path, Path]:
    """Ingest the seed and write its relationship page and timeline page."""
    from kg.ingest import ingest_paths
    from kg.store import LocalStore
    from kg.views.build import build_view
    from kg.views.html import write_view_html
    from kg.views.timeline import write_timeline_html

    store = LocalStore(workdir / "store")
    report = ingest_paths(store, [REPO / "seeds"])
    if report.failed:
        raise SystemExit(f"ingest failed: {report.failed}")
    view = build_view(store)
    store.close()
    return (write_view_html(view, workdir / "seed-view.html", title="kg: the seed article"),
            write_timeline_html(view, workdir / "timeline.html", title="kg: the seed article, timeline"))


def shoot(view_page: Path, timeline_page: Path, out: Path) -> list[Path]:
    """Open both pages, click the Biden--Kishida evidence, and save the screenshots."""
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    written = []
    with sync_playwright() as pw, tempfile.TemporaryDirectory(prefix="kg-shots-profile-") as profile:
        context = pw.chromium.launch_persistent_context(profile, executable_path=CHROMIUM, headless=True,
                                                        args=CHROMIUM_ARGS, viewport=VIEWPORT,
                                                        device_scale_factor=1)
        page = context.new_page()
        page.goto(view_page.as_uri())
        page.wait_for_selector("html[data-ready=true]", state="attached", timeout=60_000)
        edge = page.evaluate("kgView.findEdge('Joe Biden', 'Fumio Kishida', 'discussed with')")
        if edge is None:
            raise SystemExit("the seed's view has no Biden--Kishida edge: check the extraction")
        point = page.evaluate("(id) => kgView.edgeScreenPoint(id)", edge)
        page.mouse.click(point["x"], point["y"])
        page.wait_for_selector("#panel .panel-edge")
        page.mouse.move(5, VIEWPORT["height"] - 5)        # no hover highlight in the picture
        written.append(out / "seed-view.png")
        page.screenshot(path=str(written[-1]))

        page = context.new_page()
        page.goto(timeline_page.as_uri())
        page.wait_for_selector("html[data-ready=true]", state="attached")
        # The first dated discussion between Biden and Kishida.
        index = page.evaluate("""() => {
            const d = kgTimeline.data;
            return d.facts.findIndex(f => f.kind === 'discussion' && f.start !== null &&
                f.participants.includes('Joe Biden') && f.participants.includes('Fumio Kishida')); }""")
        selector = f"#timeline .item[data-fact='{index}']" if index >= 0 else "#timeline .item-discussion"
        page.locator(selector).first.click()
        page.mouse.move(5, VIEWPORT["height"] - 5)
        written.append(out / "timeline.png")
        page.screenshot(path=str(written[-1]))
        context.close()
    return written


def main(argv: list[str] | None = None) -> int:
    """Build the seed's pages and write the screenshots."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "img", help="folder for the PNG files")
    args = parser.parse_args(argv)
    if not Path(CHROMIUM).exists():
        print(f"{CHROMIUM} is missing: apt-get install -y chromium", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="kg-shots-") as tmp:
        view_page, timeline_page = build_pages(Path(tmp))
        for path in shoot(view_page, timeline_page, args.out):
            print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
