"""Write the OpenAPI document that is committed as docs/api/openapi.json.

    python -m koers.api.openapi_doc > docs/api/openapi.json

A test fails when the committed document differs from the code's.
"""

from __future__ import annotations

import os
import sys


def main() -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "koers.conf.test")
    import django

    django.setup()
    from koers.api.service import document_text

    sys.stdout.write(document_text())
    return 0


if __name__ == "__main__":
    sys.exit(main())
