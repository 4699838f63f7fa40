"""Admin strings whose upstream Dutch translation is broken, translated again in locale/.

Marked here so that ``makemessages`` keeps them in our catalogues (LOCALE_PATHS win over the
catalogues of installed apps). Wagtail's Dutch catalogue drops two spaces in the count above page
listings ("1-2van 2projecten"). wagtail-localize's "Publish in " (its JavaScript catalogue,
translated as "Publiceer in" without the trailing space) is kept in locale/*/LC_MESSAGES/djangojs.po.
"""

from django.utils.translation import gettext_noop

PAGE_LISTING_COUNT = gettext_noop("%(start_index)s-%(end_index)s of %(items_count)s %(model_name)s")
