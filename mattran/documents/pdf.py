"""Official documents as PDF: the DOCX converted by headless LibreOffice (Debian's
libreoffice-writer-nogui, installed by `make system-deps`)."""

import contextlib
import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path


class ConversionError(Exception):
    """The DOCX could not be turned into a PDF; the message is for the user."""


def _soffice() -> str | None:
    for name in ("soffice", "libreoffice"):
        if found := shutil.which(name):
            return found
    for path in (
        "/usr/lib/libreoffice/program/soffice",
        "/opt/libreoffice/program/soffice",
        "/Applications/LibreOffice.app/Contents/MacOS/soffice",
    ):
        if os.access(path, os.X_OK):
            return path
    return None


def docx_to_pdf(data: bytes, timeout: int = 120) -> bytes:
    """Convert with headless LibreOffice, each run with its own throw-away user profile."""
    soffice = _soffice()
    if soffice is None:
        raise ConversionError(
            "Máy chủ chưa cài LibreOffice nên chưa chuyển được văn bản sang "
            "PDF. Cần cài: sudo apt-get install libreoffice-writer-nogui."
        )
    if not data:
        raise ConversionError("Văn bản trống, không có gì để chuyển sang PDF.")
    with tempfile.TemporaryDirectory(prefix="mattran-pdf-") as tmp:
        source = Path(tmp) / "van-ban.docx"
        source.write_bytes(data)
        command = [
            soffice,
            f"-env:UserInstallation={(Path(tmp) / 'profile').as_uri()}",
            "--headless",
            "--invisible",
            "--nologo",
            "--norestore",
            "--nolockcheck",
            "--convert-to",
            "pdf:writer_pdf_Export",
            "--outdir",
            tmp,
            str(source),
        ]
        process = subprocess.Popen(
            command,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env={**os.environ, "HOME": tmp},
            start_new_session=True,
        )
        try:
            out, err = process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
            process.communicate()
            raise ConversionError(
                f"Chuyển sang PDF quá {timeout} giây nên đã dừng; xin thử lại sau."
            ) from None
        pdf = source.with_suffix(".pdf")
        if process.returncode != 0 or not pdf.exists() or pdf.stat().st_size == 0:
            detail = (err or out).decode(errors="replace").strip()[-300:]
            raise ConversionError(
                "LibreOffice không chuyển được văn bản sang PDF"
                + (f": {detail}" if detail else ".")
            )
        return pdf.read_bytes()
