#!/usr/bin/env python
import os
import sys


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "huisvanhetkind.settings")
    from django.core.exceptions import ImproperlyConfigured

    from huisvanhetkind import local_database

    try:
        from django.core.management import execute_from_command_line

        local_database.start_for_django()
        execute_from_command_line(sys.argv)
    except (ImproperlyConfigured, local_database.Unavailable) as error:
        # A bad environment value stops start-up with one line that names the variable.
        sys.exit(f"Configuration error: {error}")


if __name__ == "__main__":
    main()
