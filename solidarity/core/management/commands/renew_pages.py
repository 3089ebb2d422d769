from django.core.management.base import BaseCommand

from solidarity.core import pagecache


class Command(BaseCommand):
    help = (
        "Give every page kept in the cache a new key, so each is rendered again at its next "
        "request. The services renew what they change themselves; run this after records "
        "were changed outside them (the administration's own screens, SQL by hand)."
    )

    def handle(self, *args, **options):
        pagecache.changed(pagecache.EVERY_PAGE)
        self.stdout.write("Every kept page will be rendered again at its next request.")
