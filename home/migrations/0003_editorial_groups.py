"""Give the editorial groups their permissions and add Translators and Members.

Wagtail's own migrations create Editors and Moderators (with page permissions on the
root and the "Moderators approval" workflow); this adds what our content needs.
Members get no admin access: the group exists for view restrictions.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

# (app_label, codename) per group, on top of what Wagtail gives Editors and Moderators.
GROUP_PERMISSIONS = {
    "Editors": [
        ("home", "add_topic"),
        ("home", "change_topic"),
        ("home", "add_network"),
        ("home", "change_network"),
    ],
    "Moderators": [
        ("home", "add_topic"),
        ("home", "change_topic"),
        ("home", "delete_topic"),
        ("home", "add_network"),
        ("home", "change_network"),
        ("home", "delete_network"),
        ("home", "change_sitesettings"),
        ("wagtailredirects", "add_redirect"),
        ("wagtailredirects", "change_redirect"),
        ("wagtailredirects", "delete_redirect"),
        ("wagtail_localize", "submit_translation"),
    ],
    "Translators": [
        ("wagtailadmin", "access_admin"),
        ("wagtail_localize", "submit_translation"),
        ("home", "change_topic"),
        ("home", "change_network"),
        ("wagtailimages", "choose_image"),
        ("wagtaildocs", "choose_document"),
    ],
    "Members": [],
}
# Page permissions on the tree's root, so they apply to every site and language.
GROUP_PAGE_PERMISSIONS = {"Translators": ["add_page", "change_page"]}


def ensure_permissions_exist(apps):
    # Permissions are normally created after all migrations have run; make them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None


def create_groups(apps, schema_editor):
    ensure_permissions_exist(apps)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Page = apps.get_model("wagtailcore", "Page")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")

    for group_name, permissions in GROUP_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=group_name)
        for app_label, codename in permissions:
            group.permissions.add(
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
            )

    root = Page.objects.filter(depth=1).first()
    for group_name, codenames in GROUP_PAGE_PERMISSIONS.items():
        group = Group.objects.get(name=group_name)
        for codename in codenames:
            GroupPagePermission.objects.get_or_create(
                group=group,
                page=root,
                permission=Permission.objects.get(
                    content_type__app_label="wagtailcore", codename=codename
                ),
            )


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=["Translators", "Members"]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0002_us_states"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
