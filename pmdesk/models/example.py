"""The example postmortem a new store starts with."""

from __future__ import annotations

import json

from pmdesk.models.postmortem import Postmortem
from pmdesk.resource_files import read_text


def load_example() -> Postmortem:
    """A fresh copy of the fictional example incident, marked as an example."""
    pm = Postmortem.from_dict(json.loads(read_text("example_postmortem.json")))
    pm.is_example = True
    return pm
