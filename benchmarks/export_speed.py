"""How long exporting a long postmortem takes: PDF (about 40 pages) and Markdown both ways.

Run: .venv/bin/python benchmarks/export_speed.py
The target from issue 5 is a 40-page PDF in under 2 s.
"""

from __future__ import annotations

import statistics
import time
from datetime import UTC, datetime, timedelta

from pmdesk.export.markdown import render_markdown
from pmdesk.export.markdown_parse import parse_markdown
from pmdesk.export.pdf import render_pdf
from pmdesk.models import ActionItem, ContributingFactor, Postmortem, TimelineEvent, load_example

PARAGRAPH = (
    "The payment client queued requests for a free connection until they timed out; "
    "**retries** from the web shop doubled the load on the gateway, and the `pool_size` "
    "setting stayed at 20 until the rollback. See [the dashboard](https://grafana.example.com/d/pay) "
    "for the connection-pool metrics during the window. Müller and Zoë reviewed the numbers. "
)

CJK = " 王小明：支付网关连接池耗尽。決済エラーが続きました 🚀"


def long_postmortem() -> Postmortem:
    """The example, grown to the size of a long multi-day incident review (about 40 pages)."""
    pm = load_example()
    start = datetime(2026, 3, 10, 6, 0, tzinfo=UTC)
    sources = ["metrics", "slack", "pagerduty", "deploy log", "manual"]
    pm.timeline = [
        TimelineEvent(
            at=start + timedelta(minutes=3 * i),
            # every tenth row in Chinese and Japanese, which wrap character by character
            text=f"Step {i}: " + PARAGRAPH[: 80 + (i * 37) % 240] + (CJK if i % 10 == 0 else ""),
            source=sources[i % len(sources)],
        )
        for i in range(330)
    ]
    long_text = "\n\n".join([PARAGRAPH * 3] * 6 + [CJK * 4]) + "\n\n- one\n- two\n- three\n"
    for name in ("user_impact", "what_happened", "why_it_happened", "why_not_caught"):
        setattr(pm, name, long_text)
    pm.went_well = pm.could_improve = long_text
    pm.contributing_factors = [
        ContributingFactor(text=f"Factor {i}: {PARAGRAPH[:90]}", checked=i % 3 != 0)
        for i in range(30)
    ]
    pm.action_items = [
        ActionItem(
            action=f"Action {i}: {PARAGRAPH[: 60 + (i * 13) % 120]}",
            owner=["Dana Okafor", "Luis Ferreira", "Priya Raman"][i % 3],
            priority=["high", "medium", "low"][i % 3],
            due_date=f"2026-04-{1 + i % 28:02d}",
        )
        for i in range(60)
    ]
    return pm


def timed(fn, runs: int = 5) -> tuple[float, object]:
    times, result = [], None
    for _ in range(runs):
        t = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times), result


def cpu_timed(fn, runs: int = 5) -> float:
    """Median CPU time of this process: unlike wall time, not inflated by other busy processes."""
    times = []
    for _ in range(runs):
        t = time.process_time()
        fn()
        times.append(time.process_time() - t)
    return statistics.median(times)


def main() -> None:
    pm = long_postmortem()
    t = time.perf_counter()
    _, pages = render_pdf(pm, page_size="A4")
    first = time.perf_counter() - t
    median, (data, pages) = timed(lambda: render_pdf(pm, page_size="A4"))
    print(f"PDF, A4: {pages} pages, {len(data) / 1024:.0f} KiB")
    print(f"  first export in a process (fonts loaded): {first:.2f} s")
    print(f"  later exports, median of 5:               {median:.2f} s")
    cpu = cpu_timed(lambda: render_pdf(pm, page_size="A4"))
    print(f"  later exports, CPU time, median of 5:     {cpu:.2f} s")
    median, text = timed(lambda: render_markdown(pm))
    print(f"Markdown export: {len(text) / 1024:.0f} KiB in {median * 1000:.0f} ms")
    median, _ = timed(lambda: parse_markdown(text))
    print(f"Markdown import: {median * 1000:.0f} ms")


if __name__ == "__main__":
    main()
