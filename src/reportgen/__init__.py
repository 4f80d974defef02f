"""reportgen: UN Universal Periodic Review shadow reports, from Markdown sections to DOCX and PDF."""

__version__ = "0.1.0"
