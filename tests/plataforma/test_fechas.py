import datetime

from django.template import Context, Template
from django.utils import translation


def test_dates_are_written_the_colombian_way_in_lower_case():
    with translation.override("es-co"):
        texto = Template('{{ d|date }} ({{ d|date:"l" }})').render(
            Context({"d": datetime.date(2026, 11, 22)})
        )
    assert texto == "22 de noviembre de 2026 (domingo)"
