"""One postcode rule for the project pages and the public submission form."""

import pytest
from django.core.exceptions import ValidationError

from projects.models import ProjectPage
from submissions.forms import ProjectSubmissionForm


def errors(value):
    """(model field rejects, form field rejects) for one postcode."""
    model_field, form_field = ProjectPage._meta.get_field("postcode"), ProjectSubmissionForm.base_fields["postcode"]
    result = []
    for validate in (model_field.run_validators, form_field.run_validators):
        try:
            validate(value)
        except ValidationError:
            result.append(True)
        else:
            result.append(False)
    return tuple(result)


@pytest.mark.parametrize("postcode", ["1000", "3000", "8800", "9999"])
def test_belgian_postcodes_are_accepted_everywhere(postcode):
    assert errors(postcode) == (False, False)


@pytest.mark.parametrize("postcode", ["0999", "0000", "999", "10000", "３０００", "٣٠٠٠", "30a0"])
def test_what_is_not_a_belgian_postcode_is_refused_everywhere(postcode):
    """The project model used to accept "0999" (and digits of other scripts) that the form refused."""
    assert errors(postcode) == (True, True)
