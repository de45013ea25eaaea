"""Learned event decisions over the parse: an event's sides, and the event of a clause no rule codes.

`decide(coder, mentions)` is the one entry point the coding stage calls; the models are linear, trained by
`make train` (`train/events_learned.py`) on the tune part of the development sets and stored as JSON weights
in `events/data/learned-*.json`.
"""

from tacitus.events.learned.decide import decide

__all__ = ["decide"]
