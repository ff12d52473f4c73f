from pathlib import Path

import pytest

DATA = Path(__file__).parent.parent / "data" / "timeline"


@pytest.fixture
def data_dir() -> Path:
    return DATA
