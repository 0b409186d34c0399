"""The shared StreamField block library.

Child names (`heading`, `paragraph`, ...) are the `type` of each block in the API's
JSON: a public contract. Renaming one needs a data migration.
"""

from django.core.exceptions import ValidationError
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock

from privacy.visibility import media_shown_on, public_media_by_id

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=120)
    level = blocks.ChoiceBlock(
        choices=[("h2", "Section heading"), ("h3", "Subheading")],
        default="h2",
        help_text="Use section headings in order; the page title is the only h1.",
    )

    class Meta:
        icon = "title"
        template = "home/blocks/heading.html"
        description = "A heading that starts a section of the page."
        preview_value = {
            "text": "Building a future where all our children can thrive",
            "level": "h2",
        }


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock()
    attribution = blocks.CharBlock(required=False, help_text="Who said it, and their role.")

    class Meta:
        icon = "openquote"
        template = "home/blocks/quote.html"
        description = "A pulled-out quotation with its source."
        preview_value = {
            "text": "Advocates are more effective when they learn from and support each other.",
            "attribution": "Founding executive directors, 2013",
        }


class LinkTargetBlock(blocks.StructBlock):
    """A link to a page on this site or to another site: exactly one of the two."""

    page = blocks.PageChooserBlock(required=False)
    url = blocks.URLBlock(required=False, label="External URL")

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            raise blocks.StructBlockValidationError(
                block_errors={"url": ValidationError("Choose a page or enter a URL, not both.")}
            )
        return value


class CallToActionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=120)
    text = blocks.TextBlock(required=False)
    link = LinkTargetBlock()
    label = blocks.CharBlock(max_length=60, help_text="Button text, e.g. 'Join the network'.")

    class Meta:
        icon = "link"
        template = "home/blocks/call_to_action.html"
        description = "A short appeal with one button."
        preview_value = {
            "heading": "Count All Kids",
            "text": "Help make sure every young child is counted in the 2030 Census.",
            "link": {"url": "https://example.org/"},
            "label": "Get involved",
        }


class StatisticBlock(blocks.StructBlock):
    value = blocks.CharBlock(max_length=30, help_text="The figure, e.g. '$10 million' or '46'.")
    label = blocks.CharBlock(max_length=120, help_text="What it counts.")
    source = blocks.CharBlock(required=False, help_text="Where the figure comes from.")

    class Meta:
        icon = "order"
        template = "home/blocks/statistic.html"
        description = "One striking figure with its label and source."
        preview_value = {"value": "$10 million", "label": "regranted to members since 2018"}


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock()
    label = blocks.CharBlock(required=False, help_text="Defaults to the document's title.")

    class Meta:
        icon = "doc-full"
        template = "home/blocks/document_link.html"
        description = "A download link showing the file's type and size."

    def get_context(self, value, parent_context=None):
        # A file in a members-only collection is named on no page anyone can open.
        context = super().get_context(value, parent_context=parent_context)
        document, page = value.get("document"), (parent_context or {}).get("page")
        if document is not None:
            model, ids = type(document), [document.pk]
            shown = media_shown_on([page], model, ids)[page.pk] if page else None
            document = (shown if page else public_media_by_id(model, ids)).get(document.pk)
        context["document"] = document
        return context


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        features=RICH_TEXT_FEATURES,
        icon="pilcrow",
        template="home/blocks/paragraph.html",
        description="Text with links and lists.",
        preview_value="<p>Child advocates learn from and support each other.</p>",
    )
    image = ImageBlock(template="home/blocks/image.html", description="An image with alt text.")
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
    statistic = StatisticBlock()
    document = DocumentLinkBlock()
    embed = EmbedBlock(
        icon="media",
        template="home/blocks/embed.html",
        help_text="A video or other media URL (YouTube, Vimeo...).",
        description="A video or other embedded media.",
    )


class ProvisionBlock(blocks.StructBlock):
    """One of the things the network provides to its members (home page)."""

    heading = blocks.CharBlock(max_length=80)
    text = blocks.TextBlock()
    link = blocks.PageChooserBlock(required=False)

    class Meta:
        icon = "tick-inverse"
        template = "home/blocks/provision.html"
        description = "One of the things the network provides to members."
        preview_value = {
            "heading": "Peer network",
            "text": "A community of practice, strategy, inspiration and mutual support.",
        }
