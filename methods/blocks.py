from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class StepBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("stap"), help_text=_("Kort: wat doe je in deze stap?"))
    text = blocks.TextBlock(label=_("uitleg"))

    class Meta:
        icon = "list-ol"
        label = _("stap")
        template = "components/streamfield/blocks/step_block.html"


class StepsBlock(blocks.StreamBlock):
    step = StepBlock()


class AdviceBlock(blocks.StreamBlock):
    """One tip or pitfall per item, so translators translate them one by one."""

    item = blocks.TextBlock(label=_("punt"))
