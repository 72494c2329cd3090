"""Analytics over a year's record or a scenario: tipping point and bias, paths to a majority,
minimum votes, power indices, the smallest swings that change the outcome. Definitions:
``docs/analysis.md`` and ``docs/scenarios.md``.

>>> from electoral import analysis
>>> analysis.tipping_point(2000).unit, analysis.count_paths([3, 3], 0, 0, majority=4).ties
('FL', 2)
"""

from __future__ import annotations

from electoral.analysis.inputs import Contest, contest
from electoral.analysis.minvotes import FLIP_COSTS, MinVotesReport, min_votes, min_votes_of
from electoral.analysis.paths import PathCounts, PathsReport, count_paths, minimal_winning, paths, paths_of
from electoral.analysis.power import PowerIndices, power, power_indices
from electoral.analysis.swings import SwingThreshold, smallest_swings
from electoral.analysis.tipping import TippingPoint, tipping_point, tipping_point_of

__all__ = [
    "FLIP_COSTS", "Contest", "MinVotesReport", "PathCounts", "PathsReport", "PowerIndices", "SwingThreshold",
    "TippingPoint", "contest", "count_paths", "min_votes", "min_votes_of", "minimal_winning", "paths", "paths_of",
    "power", "power_indices", "smallest_swings", "tipping_point", "tipping_point_of",
]
