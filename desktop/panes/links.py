"""Opening links from content: only http and https ever reach the system browser."""

from __future__ import annotations

from urllib.parse import urlsplit

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices

ALLOWED_SCHEMES = ("http", "https")


def is_openable(url: str) -> bool:
    """True for absolute http(s) URLs with a host; everything else is refused."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return False
    return parts.scheme.lower() in ALLOWED_SCHEMES and bool(parts.netloc)


def open_link(url: str) -> str | None:
    """Open `url` in the system browser; returns a message instead when it is refused."""
    if not is_openable(url):
        return f"Not opened: only http and https links are opened ({url!r})."
    QDesktopServices.openUrl(QUrl(url.strip(), QUrl.ParsingMode.StrictMode))
    return None
