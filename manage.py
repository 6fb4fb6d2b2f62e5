#!/usr/bin/env python
import os
import sys

if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "koers.conf.dev")
    from django.core.management import execute_from_command_line

    from koers.cli.principal import acting_from_cli

    # As `koers manage`: whatever a management command writes goes to the audit trail as "cli".
    with acting_from_cli():
        execute_from_command_line(sys.argv)
