"""Qt fixtures: a state over the embedded pack; widgets registered with qtbot."""

from __future__ import annotations

import pytest

from content.loader import load_pack
from desktop.state import BriefingState


@pytest.fixture
def state(qapp) -> BriefingState:
    return BriefingState(load_pack())

