"""The ``solidarity`` command: the operations interface of the platform.

It wraps Django's management commands with the platform's settings, so that
``solidarity migrate`` or ``solidarity demo`` work from any directory.
"""

from __future__ import annotations

import os
import sys

OVERVIEW = """\
usage: solidarity COMMAND [options]

Solidarity: the open platform for Human Rights Council resolution 56/4
on human rights and international solidarity.

Commands:
  serve        serve the platform (HOST and PORT override 127.0.0.1:8000)
  run_huey     run the job queue's consumer (e-mail, nightly jobs); serve starts one in development
  migrate      create or update the database tables
  demo         load the demonstration data once (development only)
  createuser   create an account with a role
  countries    sync the reference list of States, or resolve printed names
  indicators   import ODA figures (OECD DAC1 export, simple CSV) or voluntary contributions
  parse        read a resolution file and print it as JSON
  ingest       parse and store resolution files or folders
  votes        import roll calls (Voeten's Assembly data, CSV files), sync stored resolutions
  reindex      rebuild the search index; --if-needed at each deploy, --prune the change log
  backup       write every record to one compressed file
  restore      load a backup into a new, empty database
  renew_pages  render every kept public page again (after records changed outside the services)

Run 'solidarity COMMAND --help' for a command's options, and
'solidarity help --all' for every administrative command.
Settings come from the environment: see docs/deployment.md.
"""


def main(argv: list[str] | None = None) -> None:
    argv = list(sys.argv if argv is None else ["solidarity", *argv])
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "solidarity.settings")
    if len(argv) == 1 or argv[1] in {"-h", "--help"}:
        sys.stdout.write(OVERVIEW)
        return
    if argv[1:] == ["help", "--all"]:
        argv = argv[:2]
    from django.core.management import execute_from_command_line

    from solidarity.environment import ConfigurationError

    try:
        execute_from_command_line(argv)
    except ConfigurationError as error:
        sys.stderr.write(f"error: {error}\n")
        raise SystemExit(2) from None


if __name__ == "__main__":
    main()
