"""Running an import: read the file (OCR page by page for scans), extract its structure and
prepare the draft to review, recording progress so the page can show it."""

import threading

from django.conf import settings
from django.db import close_old_connections

from mattran.imports.models import ImportJob, ImportStatus
from mattran.imports.readers import ReadError, read_document
from mattran.imports.services import draft_from_structure, extract_for_unit


def start(job: ImportJob) -> None:
    """Run the job in the background; inline when IMPORTS_RUN_INLINE is set (tests)."""
    if getattr(settings, "IMPORTS_RUN_INLINE", False):
        run(job.pk)
        return
    threading.Thread(target=_run_in_thread, args=(job.pk,), daemon=True).start()


def _run_in_thread(pk: int) -> None:
    close_old_connections()
    try:
        run(pk)
    finally:
        close_old_connections()


def run(pk: int) -> None:
    job = ImportJob.objects.select_related("unit").get(pk=pk)

    def progress(done: int, total: int, step: str) -> None:
        ImportJob.objects.filter(pk=pk).update(
            status=ImportStatus.RUNNING, done=done, total=max(total, 1), step=step
        )

    progress(0, 1, "Đang đọc tệp")
    try:
        document = read_document(bytes(job.data), job.filename, progress)
        progress(1, 1, "Đang nhận diện cấu trúc văn bản")
        structure = extract_for_unit(document.text, job.unit)
        draft = draft_from_structure(structure, job.unit)
    except ReadError as exc:
        ImportJob.objects.filter(pk=pk).update(status=ImportStatus.FAILED, message=str(exc))
        return
    except Exception:  # an unexpected fault must not leave the page waiting forever
        ImportJob.objects.filter(pk=pk).update(
            status=ImportStatus.FAILED,
            message="Có lỗi khi đọc văn bản này. Hãy thử lại hoặc gửi tệp cho quản trị viên.",
        )
        raise
    ImportJob.objects.filter(pk=pk).update(
        status=ImportStatus.READY, text=document.text, draft=draft, done=1, total=1, step=""
    )
