"""The gazetteer and region tagging (no Qt, no SQL)."""

from .gazetteer import Gazetteer, Region, load_gazetteer
from .tagger import RegionTagger

__all__ = ["Gazetteer", "Region", "RegionTagger", "load_gazetteer"]
