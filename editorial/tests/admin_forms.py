"""Post admin forms the way a browser would: read the rendered form, change a few fields."""

from wagtail.fields import StreamField
from wagtail.test.utils.form_data import querydict_from_html


def page_form_data(client, url, page_model, **changes):
    """The page editor's form at ``url`` as POST data, with ``changes`` applied.

    StreamFields are built by the editor's JavaScript, so their inputs are absent from the HTML;
    they are posted empty unless a change gives them.
    """
    response = client.get(url)
    assert response.status_code == 200, response.status_code
    data = querydict_from_html(response.content.decode(), form_id="page-edit-form")
    for field in page_model._meta.get_fields():
        if isinstance(field, StreamField):
            data.setdefault(f"{field.name}-count", "0")
    for name, value in changes.items():
        if isinstance(value, list):
            data.setlist(name, value)
        else:
            data[name] = value
    return data
