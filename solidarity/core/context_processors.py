from django.conf import settings
from django.utils.translation import get_language, get_language_bidi

from solidarity.core.permissions import role_of


def platform(request):
    return {
        "platform_name": "Solidarity",
        "current_language": get_language(),
        "current_direction": "rtl" if get_language_bidi() else "ltr",
        "current_role": role_of(getattr(request, "user", None)),
        "languages": settings.LANGUAGES,
    }
