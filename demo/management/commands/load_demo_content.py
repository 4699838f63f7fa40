"""Load the report's 35 projects, the toolbox, the agenda and the vocabulary, in Dutch and French.

Idempotent: objects are found again by their slug, saved only when their content differs, and
the French versions are refreshed through wagtail-localize only when their source changed.
"""

import io
import json
from datetime import UTC, datetime, time, timedelta
from pathlib import Path
from urllib.parse import urlsplit

from django.core.files.images import ImageFile
from django.core.management.base import BaseCommand
from django.utils import timezone
from django.utils.text import slugify
from wagtail.images.models import Image
from wagtail.models import Locale, Site

from common.images import prerender
from common.urls import base_url
from demo.illustrations import MOTIF_ALT, draw_illustration
from demo.translation import pairs_from, translate
from events.models import EventIndexPage, EventPage
from home.models import HomePage
from information.models import InformationPage
from methods.models import MethodIndexPage, MethodPage
from projects.models import ProjectIndexPage, ProjectPage
from taxonomy.vocabularies import BY_KEY

DATA = Path(__file__).resolve().parent.parent.parent / "data"


def read(name):
    return json.loads((DATA / name).read_text(encoding="utf-8"))


def paragraphs(texts):
    return [("paragraph", f"<p>{text}</p>") for text in texts]


def fingerprint(page, fields):
    """What a page says, for deciding whether it needs a new revision."""
    state = {}
    for name in fields:
        value = getattr(page, name)
        if hasattr(value, "stream_block"):
            value = [{k: v for k, v in block.items() if k != "id"} for block in value.get_prep_value()]
        elif hasattr(value, "all"):
            value = sorted(item.pk for item in value.all())
        elif hasattr(value, "pk"):
            value = value.pk
        elif isinstance(value, datetime):
            value = value.astimezone(UTC).isoformat()
        state[name] = value
    return json.dumps(state, sort_keys=True, default=str)


class Command(BaseCommand):
    help = "Load (or refresh) the demo content in Dutch and French."

    def handle(self, *args, **options):
        self.dutch = Locale.objects.get(language_code="nl")
        self.french = Locale.objects.get(language_code="fr")
        self.changes = 0
        self.verbosity = options["verbosity"]
        # No transaction around the whole load: wagtail-localize publishes a translation when its
        # transaction commits, and a French parent published after its children were added would
        # be saved with a stale child count. The loader is idempotent, so a failed run is repaired
        # by running it again.
        terms = self.load_taxonomy()
        home, sections = self.load_site()
        self.point_site_at_base_url()
        methods = self.load_methods(sections["methods"], terms)
        projects = self.load_projects(sections["projects"], terms, methods)
        events = self.load_events(sections["events"], terms)
        self.load_featured(home, methods, projects, events)
        self.load_information(home)
        # A translation source records the page's child count: sync the sections once their
        # children exist, so that the next run finds nothing to do.
        for key, page in sections.items():
            self.publish_section_translation(key, page.specific_class.objects.get(pk=page.pk))
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo content ready: {len(projects)} projects, {len(methods)} methods, {len(events)} events "
                f"in Dutch and French ({self.changes} objects created or changed)."
            )
        )

    def changed(self, what):
        self.changes += 1
        if self.verbosity >= 2:
            self.stdout.write(f"  changed: {what}")

    # Vocabulary -------------------------------------------------------------------------

    def load_taxonomy(self):
        terms = {}
        for key, vocabulary_data in read("taxonomy.json").items():
            model = BY_KEY[key].model
            for order, item in enumerate(vocabulary_data["terms"]):
                values = {"name": item["name"]["nl"], "description": item["description"]["nl"], "sort_order": order}
                term = model.objects.filter(locale=self.dutch, slug=item["slug"]).first()
                if term is None:
                    term = model.objects.create(locale=self.dutch, slug=item["slug"], **values)
                    self.changed(f"term {item['slug']}")
                elif any(getattr(term, field) != value for field, value in values.items()):
                    for field, value in values.items():
                        setattr(term, field, value)
                    term.save()
                    self.changed(f"term {item['slug']}")
                if translate(term, pairs_from(item), self.french)[1]:
                    self.changed(f"term {item['slug']} (fr)")
                terms[(key, item["slug"])] = term
        return terms

    def classify(self, page, terms, item, keys):
        for key in keys:
            slugs = item.get(key, [])
            field = BY_KEY[key].page_field
            if BY_KEY[key].many:
                getattr(page, field).set([terms[(key, slug)] for slug in slugs])
            else:
                setattr(page, field, terms[(key, slugs)] if slugs else None)

    # Pages --------------------------------------------------------------------------------

    def save_page(self, parent, model, slug, fields, build):
        """Create or update one Dutch page, then its French translation."""
        page = model.objects.filter(locale=self.dutch, slug=slug).first()
        created = page is None
        if created:
            page = model(slug=slug, locale=self.dutch)
        before = None if created else fingerprint(page, fields)
        build(page)
        if created:
            parent.add_child(instance=page)
            page.save_revision().publish()
            self.changed(f"page {slug}")
        elif fingerprint(page, fields) != before or not page.live:
            page.save_revision().publish()
            self.changed(f"page {slug}")
        # Publishing works on the revision's copy, and an unchanged page still holds rebuilt
        # values (fresh StreamField block ids): translate from what is stored.
        return model.objects.get(pk=page.pk)

    def publish_translation(self, page, data, extra_pairs=None):
        pairs = pairs_from(data)
        pairs.update(extra_pairs or {})
        if translate(page, pairs, self.french)[1]:
            self.changed(f"page {page.slug} (fr)")

    def image_for(self, kind, slug, motif):
        title = f"demo-{kind}-{slug}"
        image = Image.objects.filter(title=title).first()
        if image is None:
            image = Image(title=title, file=ImageFile(io.BytesIO(draw_illustration(motif, slug)), name=f"{title}.png"))
            image.save()
            self.changed(f"image {title}")
        # Render the sizes the templates use now, not inside a visitor's first request.
        prerender(image)
        return image

    def point_site_at_base_url(self):
        """The Wagtail Site answers at the configured base URL (SITE_BASE_URL, else
        WAGTAILADMIN_BASE_URL), so URLs it builds outside a request name the real address."""
        address = urlsplit(base_url())
        port = address.port or (443 if address.scheme == "https" else 80)
        site = Site.objects.filter(is_default_site=True).first()
        if site is not None and (site.hostname, site.port) != (address.hostname, port):
            site.hostname, site.port = address.hostname, port
            site.save()
            self.changed("site address")

    def load_site(self):
        site = read("site.json")
        home = HomePage.objects.get(depth=2, locale=self.dutch)
        fields = ["title", "intro"]
        before = fingerprint(home, fields)
        home.title = site["home"]["title"]["nl"]
        home.intro = site["home"]["intro"]["nl"]
        if fingerprint(home, fields) != before or home.has_unpublished_changes:
            home.save_revision().publish()
            self.changed("home page")
            home = HomePage.objects.get(pk=home.pk)
        self.publish_home_translation(home)

        sections = {}
        models = {"methods": MethodIndexPage, "projects": ProjectIndexPage, "events": EventIndexPage}
        for key, model in models.items():
            data = site["sections"][key]

            def build(page, data=data):
                page.title = data["title"]["nl"]
                page.intro = f"<p>{data['intro']['nl']}</p>"
                page.show_in_menus = True

            page = self.save_page(home, model, data["slug"]["nl"], ["title", "intro", "show_in_menus"], build)
            self.publish_section_translation(key, page)
            sections[key] = page
        return home, sections

    def publish_section_translation(self, key, page):
        data = read("site.json")["sections"][key]
        self.publish_translation(page, data, {data["slug"]["nl"]: data["slug"]["fr"]})

    def load_methods(self, index, terms):
        methods = {}
        for path in sorted((DATA / "methods").glob("*.json")):
            item = json.loads(path.read_text(encoding="utf-8"))
            image = self.image_for("method", item["slug"], item.get("image_motif", "people"))

            def build(page, item=item, image=image):
                page.title = item["title"]["nl"]
                page.intro = item["summary"]["nl"]
                page.aim = item["aim"]["nl"]
                page.people = item["people"]["nl"]
                page.time_needed = item["time"]["nl"]
                page.budget = item["budget"]["nl"]
                page.materials = item["materials"]["nl"]
                page.steps = [("step", {"title": s["title"]["nl"], "text": s["text"]["nl"]}) for s in item["steps"]]
                page.tips = [("item", text) for text in item["tips"]["nl"]]
                page.pitfalls = [("item", text) for text in item["pitfalls"]["nl"]]
                page.image = image
                page.image_alt = MOTIF_ALT[item.get("image_motif", "people")]["nl"]
                self.classify(page, terms, item, ["connection", "target_group", "focus"])

            fields = [
                "title",
                "intro",
                "aim",
                "people",
                "time_needed",
                "budget",
                "materials",
                "steps",
                "tips",
                "pitfalls",
                "image",
                "image_alt",
                "connection_methods",
                "target_groups",
                "focus",
            ]
            page = self.save_page(index, MethodPage, item["slug"], fields, build)
            self.publish_translation(
                page,
                {**item, "alt": MOTIF_ALT[item.get("image_motif", "people")]},
                {item["slug"]: slugify(item["title"]["fr"])},
            )
            methods[item["slug"]] = (page, item)
        return methods

    def load_projects(self, index, terms, methods):
        classification = read("classification.json")
        methods_by_project = {}
        for page, item in methods.values():
            for number in item.get("projects", []):
                methods_by_project.setdefault(number, []).append(page)

        projects = {}
        for path in sorted((DATA / "projects").glob("*.json")):
            item = json.loads(path.read_text(encoding="utf-8"))
            number = item["number"]
            classes = {
                key: [slug for slug, numbers in rows.items() if number in numbers]
                for key, rows in classification.items()
            }
            classes["region"] = item["region"]
            motif = item.get("image_motif", "people")
            image = self.image_for("project", item["slug"], motif)

            def build(page, item=item, classes=classes, image=image, number=number, motif=motif):
                page.title = item["title"]["nl"]
                page.intro = item["intro"]["nl"]
                page.body = paragraphs(item["body"]["nl"])
                page.initiator = item["initiator"]
                page.address = item["address"]
                page.municipality = item["municipality"]["nl"]
                page.postcode = item["postcode"]
                page.contact_email = item["email"]
                page.website = item["website"]
                page.partners = item["partners"]["nl"]
                page.image = image
                page.image_alt = MOTIF_ALT[motif]["nl"]
                self.classify(page, terms, classes, list(classification) + ["region"])
                page.methods.set(methods_by_project.get(number, []))

            fields = [
                "title",
                "intro",
                "body",
                "initiator",
                "address",
                "municipality",
                "postcode",
                "contact_email",
                "website",
                "partners",
                "image",
                "image_alt",
                "region",
                "objectives",
                "target_groups",
                "connection_methods",
                "driving_forces",
                "focus",
                "crucial_elements",
                "methods",
            ]
            page = self.save_page(index, ProjectPage, item["slug"], fields, build)
            self.publish_translation(
                page, {**item, "alt": MOTIF_ALT[motif]}, {item["slug"]: slugify(item["title"]["fr"])}
            )
            projects[number] = page
        return projects

    def load_events(self, index, terms):
        events = {}
        today = timezone.localdate()
        for item in read("events.json"):
            existing = EventPage.objects.filter(locale=self.dutch, slug=item["slug"]).first()
            start, end = _event_times(item, today, existing)
            motif = item.get("image_motif", "speech" if item["online_url"] else "people")
            image = self.image_for("event", item["slug"], motif)

            def build(page, item=item, start=start, end=end, image=image, motif=motif):
                page.title = item["title"]["nl"]
                page.intro = item["intro"]["nl"]
                page.body = paragraphs(item["body"]["nl"])
                page.start, page.end = start, end
                page.venue_name = item["venue"]
                page.address = item["address"]
                page.online_url = item["online_url"]
                page.organiser = item["organiser"]
                page.registration_url = item["registration_url"]
                page.registration_form = item.get("registration_form", False)
                page.capacity = item.get("capacity")
                page.status = item.get("status", "scheduled")
                page.status_note = item.get("status_note", {}).get("nl", "")
                page.image = image
                page.image_alt = MOTIF_ALT[motif]["nl"]
                self.classify(page, terms, item, ["target_group", "focus", "connection", "region"])

            fields = [
                "title",
                "intro",
                "body",
                "start",
                "end",
                "venue_name",
                "address",
                "online_url",
                "organiser",
                "registration_url",
                "registration_form",
                "capacity",
                "status",
                "status_note",
                "image",
                "image_alt",
                "region",
                "target_groups",
                "focus",
                "connection_methods",
            ]
            page = self.save_page(index, EventPage, item["slug"], fields, build)
            self.publish_translation(
                page, {**item, "alt": MOTIF_ALT[motif]}, {item["slug"]: slugify(item["title"]["fr"])}
            )
            events[item["slug"]] = page
        return events

    def load_featured(self, home, methods, projects, events):
        wanted = []
        upcoming = sorted((e for e in events.values() if e.end >= timezone.now()), key=lambda e: e.start)
        for ref in read("site.json")["featured"]:
            kind, key = ref.split(":")
            if kind == "method" and key in methods:
                wanted.append(methods[key][0])
            elif kind == "project" and int(key) in projects:
                wanted.append(projects[int(key)])
            elif kind == "event" and upcoming:
                wanted.append(upcoming[0])
        home = HomePage.objects.get(pk=home.pk)
        if [block.value.pk for block in home.featured] != [page.pk for page in wanted]:
            home.featured = [("page", page) for page in wanted]
            home.save_revision().publish()
            self.changed("home page (featured)")
            self.publish_home_translation(HomePage.objects.get(pk=home.pk))

    def load_information(self, home):
        """The accessibility statement and the privacy notice, linked from the footer."""
        for item in read("information.json"):

            def build(page, item=item):
                page.title = item["title"]["nl"]
                page.intro = item["intro"]["nl"]
                page.purpose = item["purpose"]
                page.body = [
                    ("heading", block["heading"]["nl"])
                    if "heading" in block
                    else ("paragraph", f"<p>{block['paragraph']['nl']}</p>")
                    for block in item["body"]
                ]

            page = self.save_page(
                home, InformationPage, item["slug"]["nl"], ["title", "intro", "purpose", "body"], build
            )
            self.publish_translation(page, item, {item["slug"]["nl"]: item["slug"]["fr"]})
        # The home page's translation source records its child count: sync it once they exist.
        self.publish_home_translation(HomePage.objects.get(pk=home.pk))

    def publish_home_translation(self, home):
        data = read("site.json")["home"]
        self.publish_translation(home, data, {data["slug"]["nl"]: data["slug"]["fr"]})


def _event_times(item, today, existing):
    """Absolute times for dated events; upcoming ones are placed relative to the first load."""
    tz = timezone.get_current_timezone()
    if item.get("relative_days") is None:
        start = datetime.fromisoformat(item["start"]).replace(tzinfo=tz)
        end = datetime.fromisoformat(item["end"]).replace(tzinfo=tz)
        return start, end
    if existing is not None:
        return existing.start, existing.end
    day = today + timedelta(days=item["relative_days"])
    end_day = day + timedelta(days=item.get("end_days", 0))
    start = datetime.combine(day, time.fromisoformat(item["start"].lstrip("T")), tz)
    end = datetime.combine(end_day, time.fromisoformat(item["end"].lstrip("T")), tz)
    return start, end
