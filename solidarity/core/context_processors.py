from django.conf import settings
from django.utils.translation import get_language, get_language_bidi

from solidarity.core.permissions import allowed, can_administer, can_read_audit_trail


def platform(request):
    user = getattr(request, "user", None)
    return {
        # What the page chrome may offer, from the same policies the views check.
        "may": {
            "read_audit_trail": allowed(can_read_audit_trail, user),
            "administer": allowed(can_administer, user),
        },
        "platform_name": "Solidarity",
        "current_language": get_language(),
        "current_direction": "rtl" if get_language_bidi() else "ltr",
        "languages": settings.LANGUAGES,
    }
