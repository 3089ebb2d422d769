import os
import sys

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

from solidarity.core import jobs


class Command(BaseCommand):
    help = (
        "Serve the platform on HOST:PORT (default 127.0.0.1:8000). In development this is "
        "Django's server with reloading; with SOLIDARITY_ENV=production it is gunicorn."
    )

    def add_arguments(self, parser):
        parser.add_argument("--host", default=os.environ.get("HOST", "127.0.0.1"))
        parser.add_argument("--port", default=os.environ.get("PORT", "8000"))
        parser.add_argument(
            "--workers", type=int, default=int(os.environ.get("WEB_CONCURRENCY", "3"))
        )
        parser.add_argument(
            "--no-reload", action="store_true", help="do not restart when code changes"
        )

    def handle(self, *args, host, port, workers, no_reload, **options):
        address = f"{host}:{port}"
        self._prepare_search_index()
        if settings.PRODUCTION:
            gunicorn = os.path.join(os.path.dirname(sys.executable), "gunicorn")
            os.execv(
                gunicorn,
                [gunicorn, "solidarity.wsgi", "--bind", address, "--workers", str(workers)],
            )
        if "SOLIDARITY_SITE_URL" not in os.environ:
            # Links in e-mails lead back to this server, whatever port it was given;
            # set for the processes it starts too (the reloaded server, the consumer).
            shown = "127.0.0.1" if host in ("0.0.0.0", "::") else host
            settings.SITE_URL = os.environ["SOLIDARITY_SITE_URL"] = f"http://{shown}:{port}"
        self.stdout.write(f"Solidarity is served at http://{address}/ (Ctrl+C stops it)")
        if not no_reload and os.environ.get("RUN_MAIN") != "true":
            # The watcher: the child it restarts on each change serves, and runs jobs.
            call_command("runserver", address, use_reloader=True)
            return
        if settings.HUEY.get("immediate"):  # test settings: each job runs where it is queued
            call_command("runserver", address, use_reloader=not no_reload)
            return
        with jobs.consumer_alongside() as consumer:
            self.stdout.write(f"Queued jobs (e-mail) are run by process {consumer.pid}")
            call_command("runserver", address, use_reloader=not no_reload)

    def _prepare_search_index(self):
        """Rebuild a missing or out-of-date catalogue index now, not in a visitor's request."""
        try:
            call_command("reindex", if_needed=True, stdout=self.stdout, stderr=self.stderr)
        except Exception as error:  # serve anyway: the database answers catalogues meanwhile
            self.stderr.write(
                f"catalogue index not ready ({error}); catalogues are served from the database"
            )
