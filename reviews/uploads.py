"""Checks on evidence files (end-use certificates, statements) before they are stored."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings

from hrdd.errors import ApplicationError

# What the file must start with, per allowed extension: the name alone proves nothing.
SIGNATURES = {
    ".pdf": (b"%PDF-",),
    ".png": (b"\x89PNG\r\n\x1a\n",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
}
MAX_EVIDENCE_BYTES = getattr(settings, "REVIEW_EVIDENCE_MAX_BYTES", 5 * 1024 * 1024)


def evidence_validate(upload) -> None:
    """Refuse anything but a pdf, png or jpg within the size cap, by extension and content."""
    name = str(getattr(upload, "name", "") or "")
    suffix = Path(name).suffix.lower()
    if suffix not in SIGNATURES:
        raise ApplicationError(
            "Attach a PDF, PNG or JPG file.", errors={"attachment": "Only pdf, png or jpg files."}
        )
    size = getattr(upload, "size", None)
    if size is None or size > MAX_EVIDENCE_BYTES:
        raise ApplicationError(
            f"The file is larger than {MAX_EVIDENCE_BYTES // (1024 * 1024)} MB.",
            errors={"attachment": "Too large."},
        )
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    if not any(head.startswith(sig) for sig in SIGNATURES[suffix]):
        raise ApplicationError(
            "The file's content is not the type its name says.",
            errors={"attachment": f"Not a real {suffix[1:]} file."},
        )
