"""Load the fixed list of US states, DC and territories."""

from django.db import migrations

from taxonomy.states import US_STATES


def load_states(apps, schema_editor):
    State = apps.get_model("home", "State")
    for code, name, kind in US_STATES:
        State.objects.update_or_create(code=code, defaults={"name": name, "kind": kind})


class Migration(migrations.Migration):
    dependencies = [("home", "0001_initial")]

    operations = [migrations.RunPython(load_states, migrations.RunPython.noop)]
