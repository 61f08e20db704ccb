from tests.reviews.conftest import (  # noqa: F401 - fixtures shared with the review tests
    case_of,
    eager_celery,
    fast_passwords,
    make_deal,
    media_root,
)
