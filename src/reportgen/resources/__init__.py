"""Files shipped inside the package (templates, styles, fonts), each overridable by a project's
templates/ (read through `reportgen.files`)."""

from __future__ import annotations

from pathlib import Path

RESOURCES = Path(__file__).parent
TEMPLATES = RESOURCES / "templates"
FONTS = RESOURCES / "fonts"
