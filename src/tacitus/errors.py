"""One exception family so callers can catch Tacitus' own failures and report them as one clear line."""


class TacitusError(Exception):
    """Base class; the message says what went wrong and, where it can, what to do."""


class InputError(TacitusError):
    """An input (file, URL, JSONL line, option) that cannot be read as an article."""

    def __init__(self, source: str, message: str):
        super().__init__(f"{source}: {message}")
        self.source = source
        self.reason = message

    def __reduce__(self):
        # Exceptions unpickle as cls(*self.args), and args holds the joined message: a worker pool given an
        # InputError in a chunk would die unpickling it (and the pool wait forever for that chunk).
        return type(self), (self.source, self.reason)


class ConfigError(TacitusError):
    """A user-supplied configuration or data file that is malformed."""


class StoreError(TacitusError):
    """The store cannot be opened, migrated or written."""


class EngineError(TacitusError):
    """An execution engine (Ray) that cannot start, or whose workers cannot run the pipeline."""
