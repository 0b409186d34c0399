"""Blocks of the campaign pages. Shared blocks (statistics, calls to action) are in
home.blocks; only what is particular to campaigns is here."""

from wagtail import blocks


class GoalBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=160, help_text="The goal in a short sentence.")
    text = blocks.TextBlock(required=False, help_text="How the campaign works towards it.")

    class Meta:
        icon = "tick-inverse"
        template = "campaigns/blocks/goal.html"
        description = "One goal of the campaign."
        preview_value = {
            "title": "An accurate count of young children in the 2030 Census",
            "text": "Research methodology, communications and state-level coalitions.",
        }
