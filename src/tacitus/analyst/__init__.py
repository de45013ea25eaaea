"""What analysts do with stored events: count them over time, put them on the usual scales, and export them
in the layouts their tools already read (POLECAT, GDELT-style CAMEO)."""

from tacitus.analyst.scaled import ScaledEventRow, scaled
from tacitus.analyst.series import COUNTING_UNITS, PERIODS, Series, SeriesRow, compute

__all__ = ["COUNTING_UNITS", "PERIODS", "ScaledEventRow", "Series", "SeriesRow", "compute", "scaled"]
