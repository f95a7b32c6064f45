"""Every journey the suite runs. Importing a module registers its journeys (see registry.py);
add a module here to add journeys. Order of import is the order they run in, after `needs`."""

from journeys import front_door, partner, managers, admin, casework, care  # noqa: F401
