import json
from datetime import date

import pytest

from pmdesk.errors import PmdeskError
from pmdesk.settings import Settings, load_settings, save_settings, settings_path


def test_no_file_means_defaults():
    assert load_settings() == Settings()


def test_only_what_differs_from_the_defaults_is_written():
    save_settings(Settings(page_size="Letter", holidays=["2026-12-25", "2026-12-24"]))
    assert json.loads(settings_path().read_text()) == {
        "holidays": ["2026-12-24", "2026-12-25"],
        "page_size": "Letter",
    }
    loaded = load_settings()
    assert loaded.page_size == "Letter"
    assert loaded.holidays == [date(2026, 12, 24), date(2026, 12, 25)]


@pytest.mark.parametrize(
    "text",
    ['{"page_size": "A5"}', "{not json", '["a list"]', '{"holidays": ["someday"]}'],
)
def test_a_bad_file_is_one_clear_error_and_is_not_replaced(text):
    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    with pytest.raises(PmdeskError, match="settings file .* is not valid"):
        load_settings()
    assert path.read_text() == text
