"""Sign-in attempts counted per client address, whatever e-mails they try.

django-axes locks an e-mail for one address after ``AXES_FAILURE_LIMIT``
failures; trying one common password on many e-mails (password spraying)
never reaches that. This backend counts every attempt from an address in a
window of ``LOGIN_ADDRESS_WINDOW`` seconds *before* the password is checked,
and takes the count back when the sign-in succeeds: the count is then the
failures, and attempts made at the same moment cannot slip past the limit
between a check and a count. Past ``LOGIN_ADDRESS_FAILURE_LIMIT`` the address
is refused until the window ends, with the lockout page (429).

The limit is higher than the per-e-mail one: many people may sign in from
one address (an office, a delegation, a conference).
"""

from __future__ import annotations

from axes.helpers import get_cool_off
from django.conf import settings
from django.contrib.auth.backends import ModelBackend
from django.core.exceptions import PermissionDenied
from django.shortcuts import render

from solidarity.core import ratelimit

SCOPE = "login-failures"


def _rate() -> ratelimit.Rate:
    return ratelimit.Rate(settings.LOGIN_ADDRESS_FAILURE_LIMIT, settings.LOGIN_ADDRESS_WINDOW)


class AddressThrottledBackend(ModelBackend):
    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:  # not a visitor: an operator's command or a test
            return super().authenticate(request, username, password, **kwargs)
        address = ratelimit.client_address(request)
        decision = ratelimit.hit(SCOPE, address, _rate())
        if not decision.allowed:
            # Shown by axes' middleware with its lockout page, which says why.
            request.axes_locked_out = True
            request.address_locked_out = True
            request.address_retry_after = decision.retry_after
            raise PermissionDenied
        user = super().authenticate(request, username, password, **kwargs)
        if user is not None:
            ratelimit.undo(SCOPE, address, _rate())
        return user


def lockout_response(request, original_response=None, credentials=None):
    """The lockout page (429), saying when to try again as every other 429 does.

    An address is let in again when its window ends; an e-mail locked for one
    address, after axes' cool-off (the longest it can be).
    """
    retry_after = getattr(request, "address_retry_after", None)
    if retry_after is None:
        cool_off = get_cool_off(request)
        retry_after = int(cool_off.total_seconds()) if cool_off else 0
    response = render(request, settings.AXES_LOCKOUT_TEMPLATE, status=429)
    if retry_after:
        response["Retry-After"] = str(retry_after)
    return response
