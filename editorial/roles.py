"""The three editorial roles as Django groups, with the Wagtail permissions that make them.

Page permissions in Wagtail are inherited down the tree, and each language has its own tree under
its home page. So a role is granted on the *language root* (the home page of that locale, depth 2)
or on the tree root (every language). Language roots appear after migrations (the French home page
is made by wagtail-localize), so ``ensure_roles`` is idempotent and runs from the data migration,
after every ``migrate`` and whenever a new language root is created (see ``signals.py``).

Every function takes an app registry, so the same code serves the migration (historical models)
and the running site (``django.apps.apps``).
"""

from dataclasses import dataclass, field

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.db import DEFAULT_DB_ALIAS

from taxonomy.vocabularies import VOCABULARIES

REDACTEUR = "Redacteur"
EINDREDACTIE = "Eindredactie"
VERTALER = "Vertaler"

ALL_LANGUAGES = "*"
"""Page-permission scope: the tree root, so every language tree."""

ACCESS_ADMIN = "wagtailadmin.access_admin"
SUBMIT_TRANSLATION = "wagtail_localize.submit_translation"
# Event registrations hold personal data: Eindredactie sees, corrects and exports them.
REGISTRATION_PERMISSIONS = ("events.view_registration", "events.change_registration", "events.delete_registration")
VOCABULARY_PERMISSIONS = tuple(
    f"taxonomy.{action}_{vocabulary.model._meta.model_name}"
    for vocabulary in VOCABULARIES
    for action in ("add", "change", "delete")
)
IMAGES_AND_DOCUMENTS_ALL = (
    "wagtailimages.add_image",
    "wagtailimages.change_image",
    "wagtailimages.delete_image",
    "wagtailimages.choose_image",
    "wagtaildocs.add_document",
    "wagtaildocs.change_document",
    "wagtaildocs.delete_document",
    "wagtaildocs.choose_document",
)


@dataclass(frozen=True)
class Role:
    name: str
    permissions: tuple[str, ...]
    """Model permissions, as ``app_label.codename``."""
    collection_permissions: tuple[str, ...] = ()
    """Image and document permissions on the root collection (so on every collection)."""
    page_permissions: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Language code (or ``ALL_LANGUAGES``) -> page permission codenames on that tree."""


ROLES = (
    # Writes and edits Dutch content; Wagtail's "add" + "change" without "publish" means every
    # change has to be submitted to the moderation workflow.
    Role(
        REDACTEUR,
        permissions=(ACCESS_ADMIN,),
        collection_permissions=(
            "wagtailimages.add_image",
            "wagtailimages.choose_image",
            "wagtaildocs.add_document",
            "wagtaildocs.choose_document",
        ),
        page_permissions={"nl": ("add_page", "change_page")},
    ),
    # Reviews, approves or rejects, publishes everywhere and keeps the vocabulary.
    Role(
        EINDREDACTIE,
        permissions=(ACCESS_ADMIN, SUBMIT_TRANSLATION, *VOCABULARY_PERMISSIONS, *REGISTRATION_PERMISSIONS),
        collection_permissions=IMAGES_AND_DOCUMENTS_ALL,
        page_permissions={
            ALL_LANGUAGES: (
                "add_page",
                "change_page",
                "publish_page",
                "bulk_delete_page",
                "lock_page",
                "unlock_page",
            )
        },
    ),
    # Translates into French with wagtail-localize: edits and publishes French pages only. No
    # "add": French pages are made from their Dutch source, never on their own. Publishing is
    # granted because wagtail-localize's "sync and publish" publishes translations anyway.
    Role(
        VERTALER,
        permissions=(ACCESS_ADMIN, SUBMIT_TRANSLATION),
        collection_permissions=("wagtailimages.choose_image",),
        page_permissions={"fr": ("change_page", "publish_page")},
    ),
)

ROLE_NAMES = tuple(role.name for role in ROLES)
_APP_LABELS = ("wagtailadmin", "wagtailcore", "wagtailimages", "wagtaildocs", "wagtail_localize", "taxonomy", "events")


def _ensure_permission_rows(apps, using):
    """Permission rows are normally made after migrations; the data migration needs them earlier.

    wagtail-localize makes its "submit translation" permission in a migration of its own, so it
    is made again here for databases emptied since (a test database after a flush).
    """
    for label in _APP_LABELS:
        app_config = apps.get_app_config(label)
        if getattr(app_config, "models_module", None) is None:
            app_config.models_module = True  # historical app configs: let create_permissions run
        create_permissions(app_config, verbosity=0, interactive=False, using=using, apps=apps)
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    translation_type, _ = ContentType.objects.db_manager(using).get_or_create(
        app_label="wagtail_localize", model="translation"
    )
    Permission.objects.using(using).get_or_create(
        content_type=translation_type, codename="submit_translation", defaults={"name": "Can submit translations"}
    )


def _permission(apps, using, dotted):
    Permission = apps.get_model("auth", "Permission")
    app_label, codename = dotted.split(".", 1)
    return Permission.objects.using(using).get(content_type__app_label=app_label, codename=codename)


def language_roots(apps=global_apps, using=DEFAULT_DB_ALIAS):
    """{language code: scope page} for every language tree, and the tree root for ALL_LANGUAGES."""
    Page = apps.get_model("wagtailcore", "Page")
    roots = {}
    for page in Page.objects.using(using).filter(depth=2).select_related("locale").order_by("path"):
        roots.setdefault(page.locale.language_code, page)  # the first home page of each language
    tree_root = Page.objects.using(using).filter(depth=1).first()
    if tree_root is not None:
        roots[ALL_LANGUAGES] = tree_root
    return roots


def ensure_roles(apps=global_apps, using=DEFAULT_DB_ALIAS):
    """Create the groups and add every permission they miss. Never removes what an admin added."""
    Group = apps.get_model("auth", "Group")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    Collection = apps.get_model("wagtailcore", "Collection")

    _ensure_permission_rows(apps, using)
    roots = language_roots(apps, using)
    root_collection = Collection.objects.using(using).filter(depth=1).first()
    groups = {}
    for role in ROLES:
        group, _ = Group.objects.using(using).get_or_create(name=role.name)
        group.permissions.add(*(_permission(apps, using, dotted) for dotted in role.permissions))
        if root_collection is not None:
            for dotted in role.collection_permissions:
                GroupCollectionPermission.objects.using(using).get_or_create(
                    group=group, collection=root_collection, permission=_permission(apps, using, dotted)
                )
        for scope, codenames in role.page_permissions.items():
            page = roots.get(scope)
            if page is None:
                continue  # that language tree does not exist yet; granted when it is created
            for codename in codenames:
                GroupPagePermission.objects.using(using).get_or_create(
                    group=group, page=page, permission=_permission(apps, using, f"wagtailcore.{codename}")
                )
        groups[role.name] = group
    return groups
