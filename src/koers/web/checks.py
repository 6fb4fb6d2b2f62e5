"""System checks of the site: `koers check` and `check --deploy` say what a page would
otherwise only show as a 500."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.staticfiles.storage import ManifestFilesMixin
from django.core.checks import CheckMessage, Error, Tags, register
from django.core.files.storage import storages


# Deploy checks only: collectstatic itself (and every other command) runs the plain checks.
@register(Tags.staticfiles, deploy=True)
def static_files_collected(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    """With hashed static files (production), every page links the manifest's names: without
    collectstatic every page would fail."""
    storage = storages["staticfiles"]
    if not isinstance(storage, ManifestFilesMixin):
        return []
    manifest = Path(settings.STATIC_ROOT or "") / storage.manifest_name
    if manifest.is_file():
        return []
    return [
        Error(
            f"the static files are not collected: {manifest} is missing, so every page would "
            "fail with a server error",
            hint="run `DJANGO_SETTINGS_MODULE=koers.conf.production koers manage "
            "collectstatic --noinput` once per release",
            id="koers.E001",
        )
    ]
