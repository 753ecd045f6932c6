"""The one exception readers raise: a file that cannot be read, with a plain reason."""


class UnreadableFile(Exception):
    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason
