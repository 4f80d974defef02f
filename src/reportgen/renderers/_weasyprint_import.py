"""Import WeasyPrint without ctypes' library search, which is a third of its import time on Linux.

WeasyPrint tries several names for each C library (`libpango-1.0-0`, `pango-1.0`, ...,
`libpango-1.0.so.0`). For every name without a dot cffi asks `ctypes.util.find_library`, which on
Linux runs `ldconfig -p`, then gcc and ld for a name it does not know: 22 searches, ~130 ms on a
2-core machine. The last name of each list is the library's soname, which the dynamic loader finds
by itself, in the same places. So the search is switched off for the import; should a library then
be missing, WeasyPrint is imported again the usual way.
"""

from __future__ import annotations

import contextlib
import io
import sys


def import_weasyprint():
    """The `weasyprint` module, imported once."""
    if "weasyprint" in sys.modules or not sys.platform.startswith("linux"):
        import weasyprint

        return weasyprint
    import ctypes.util

    search = ctypes.util.find_library
    ctypes.util.find_library = lambda name: None
    try:
        with contextlib.redirect_stdout(io.StringIO()):  # WeasyPrint prints its advice before it fails
            import weasyprint
    except OSError:
        for name in [n for n in sys.modules if n == "weasyprint" or n.startswith("weasyprint.")]:
            del sys.modules[name]
        ctypes.util.find_library = search
        import weasyprint
    finally:
        ctypes.util.find_library = search
    return weasyprint
