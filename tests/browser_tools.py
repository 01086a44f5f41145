"""What the browser tests share: finding headless Chromium (standard library only)."""
import shutil


def find_browser():
    """The path of Chromium (or Chrome), or None when none is installed."""
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        path = shutil.which(name)
        if path:
            return path
    return None
