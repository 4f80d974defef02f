"""WeasyPrint's own time for an HTML file: layout, then PDF, timed after the import (the floor of a PDF build).

    python benchmarks/floor.py REPORT.html OUT.pdf BASE_DIR    -> {"layout": s, "write": s, "pages": n, "cpu": s}
"""

from __future__ import annotations

import json
import sys
import time

import weasyprint


def main() -> None:
    html, pdf, base = sys.argv[1:4]
    start, cpu = time.perf_counter(), time.process_time()
    document = weasyprint.HTML(filename=html, base_url=base).render()
    laid_out = time.perf_counter()
    document.write_pdf(pdf)
    written = time.perf_counter()
    print(json.dumps({"layout": laid_out - start, "write": written - laid_out, "pages": len(document.pages),
                      "cpu": time.process_time() - cpu}))


if __name__ == "__main__":
    main()
