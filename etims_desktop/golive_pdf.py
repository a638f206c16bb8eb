"""The Go-Live evidence report as a PDF (QTextDocument into a QPdfWriter): steps, verdicts, exchanges.

Headless-safe: without a display it uses Qt's offscreen platform. The JSON report is the evidence of
record; the PDF is its readable copy for KRA's upload form.
"""

from __future__ import annotations

import html
import json
import os
import sys
from pathlib import Path

from etims_desktop.app.golive import GoLiveReport


def report_html(report: GoLiveReport) -> str:
    data = report.to_dict()
    device = data["device"]
    rows = [
        "<h1>eTIMS Go-Live check</h1>",
        f"<p>{html.escape(data['program'])} &middot; {html.escape(data['started_at'])} to "
        f"{html.escape(data['finished_at'])}</p>",
        f"<p><b>Device</b> {html.escape(str(device['name']))}: {device['type']}, PIN {device['pin']}, branch "
        f"{device['branch']}, serial {html.escape(str(device['serial']))}, {device['environment']}, "
        f"{device['connection']} connection.</p>",
        f"<h2>{'All steps passed' if data['passed'] else 'Some steps failed'}</h2>",
    ]
    for step in data["steps"]:
        colour = "#1b5e20" if step["passed"] else "#b71c1c"
        rows.append(
            f"<h3 style='color:{colour}'>{'PASS' if step['passed'] else 'FAIL'} &ndash; "
            f"{html.escape(step['name'])}</h3><p>{html.escape(step['detail'])}</p>"
        )
        for exchange in step["exchanges"]:
            body = json.dumps(exchange, indent=1, default=str)
            if len(body) > 4000:
                body = body[:4000] + " ... (cut; the JSON report has it all)"
            rows.append(f"<pre style='font-size:7pt'>{html.escape(body)}</pre>")
    return "\n".join(rows)


def write_pdf(report: GoLiveReport, path: Path) -> None:
    if (
        not os.environ.get("DISPLAY")
        and not os.environ.get("WAYLAND_DISPLAY")
        and sys.platform.startswith("linux")
    ):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication, QPageSize, QPdfWriter, QTextDocument

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 - fonts need one
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setTitle("eTIMS Go-Live check")
    document = QTextDocument()
    document.setHtml(report_html(report))
    document.print_(writer)
