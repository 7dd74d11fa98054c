from __future__ import annotations

import pytest

from kirok.extraction import Extractor


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    return Extractor()
