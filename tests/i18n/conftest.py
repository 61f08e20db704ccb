from tests.browser.conftest import new_page  # noqa: F401 - fixture
