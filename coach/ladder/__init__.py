"""The career ladder as validated data: schema, loader and lookup."""

from coach.ladder.loader import LadderSet, load_file, load_ladders
from coach.ladder.schema import LIST_FIELDS, Competency, Item, Level

__all__ = ["LIST_FIELDS", "Competency", "Item", "LadderSet", "Level", "load_file", "load_ladders"]
