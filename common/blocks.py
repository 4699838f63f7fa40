"""StreamField blocks shared by the body of projects, methods and events."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageBlock

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "link", "ol", "ul"]


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("citaat"))
    attribution = blocks.CharBlock(label=_("wie zei het"), required=False)

    class Meta:
        icon = "openquote"
        template = "components/streamfield/blocks/quote_block.html"


class BodyBlock(blocks.StreamBlock):
    heading = blocks.CharBlock(
        label=_("tussentitel"), form_classname="title", template="components/streamfield/blocks/heading_block.html"
    )
    paragraph = blocks.RichTextBlock(label=_("tekst"), features=RICH_TEXT_FEATURES)
    image = ImageBlock(label=_("afbeelding"), template="components/streamfield/blocks/image_block.html")
    quote = QuoteBlock(label=_("citaat"))
