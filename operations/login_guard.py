"""Login lock-out per address across user names, on top of django-axes' per-account limit.

django-axes counts failures per (user name, address) and refuses that pair after
``AXES_FAILURE_LIMIT``; one address trying a few passwords on many user names (password
spraying) never reaches it. Here an address is also refused once its failures over *all* user
names reach ``AXES_ADDRESS_FAILURE_LIMIT`` within the cool-off. axes applies one limit to every
lock-out parameter, so the second, higher limit is this handler's rule, counted from the same
rows axes already keeps.

The check runs in axes' authentication backend, first in ``AUTHENTICATION_BACKENDS``: a locked-out
address is answered before any password is hashed, which is what makes its further attempts
cheap for the server.
"""

from axes.attempts import get_cool_off_threshold
from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_ip_address
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Sum


def address_failures(request):
    """Failed logins from the request's address within the cool-off, whatever the user name."""
    address = getattr(request, "axes_ip_address", None) or get_client_ip_address(request)
    total = (
        AccessAttempt.objects.filter(ip_address=address, attempt_time__gte=get_cool_off_threshold(request))
        .aggregate(total=Sum("failures_since_start"))
        .get("total")
    )
    return total or 0


def address_locked(request):
    return address_failures(request) >= settings.AXES_ADDRESS_FAILURE_LIMIT


class AddressLimitHandler(AxesDatabaseHandler):
    """axes' database handler, with the address-wide limit added to its lock-out rule."""

    def is_locked(self, request, credentials=None):
        """Asked before the password is checked: a locked address never reaches the hasher."""
        return super().is_locked(request, credentials) or address_locked(request)

    def user_login_failed(self, sender, credentials, request=None, **kwargs):
        """After recording a failure: the one that reaches the address limit already gets the
        lock-out page (axes does the same for its own limit)."""
        super().user_login_failed(sender, credentials, request=request, **kwargs)
        if request is not None and not getattr(request, "axes_locked_out", False) and address_locked(request):
            request.axes_locked_out = True
            request.axes_credentials = credentials
