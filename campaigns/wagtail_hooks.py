"""The campaigns' demo content."""

from wagtail import hooks

from demo.registry import DEMO_CONTENT_HOOK, DemoSection


@hooks.register(DEMO_CONTENT_HOOK, order=40)  # last: editors' picks point at other sections
def campaigns_demo_content():
    from campaigns import demo  # only the demo command loads the demo and its factories

    return DemoSection("Campaigns", load=demo.load, load_spanish=demo.load_spanish)
