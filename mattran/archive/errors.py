"""The archive's name, version and the one error its readers and writers raise."""

FORMAT_NAME = "mattran-archive"
# Raise when a change makes older readers misread an archive; readers refuse newer versions.
FORMAT_VERSION = 1
MANIFEST = "manifest.json"


class ArchiveError(Exception):
    """A Vietnamese message for the operator: the archive cannot be written or read."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message
