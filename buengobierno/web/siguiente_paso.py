"""The "next step" panel of every record with states (templates/web/_siguiente_paso.html).

It says, in words, where the record stands, who is awaited and since when, offers the
primary action as the one primary button, and puts destructive actions (cancel, reject)
apart, in red, behind their own button and a confirmation. A procedure builds one from its
record and the transition forms the user may use (`FormularioDeAccion`s):

    paso = SiguientePaso(
        estado=d.get_estado_display(), clase_estado=clase_delegacion(d),
        explicacion=_("Esperando la respuesta del delegado."),
        espera_a=str(d.delegado), desde=d.notificada_en,
        formularios=[NotificarForm(delegacion=d), CancelarForm(delegacion=d)],
    )
    {% include "web/_siguiente_paso.html" with paso=paso %}

The first non-destructive form is the primary action; other forms without fields are
secondary buttons; forms with fields unfold when their button is pressed (open from the
start when they came back with errors: `abierta`).
"""

from dataclasses import dataclass, field
from datetime import date, datetime


@dataclass
class SiguientePaso:
    estado: str
    explicacion: str
    clase_estado: str = "text-bg-secondary"
    espera_a: str = ""  # who is awaited ("Carlos Valencia, el delegado")
    desde: date | datetime | None = None  # since when
    formularios: list = field(default_factory=list)
    enlace: tuple | None = None  # (text, url, icon) a primary link instead of a form
    abierta: str = ""  # the action whose form came back with errors
    vencido: bool = False

    def __post_init__(self):
        # A secondary step without fields is one outlined button: the primary stays the one
        # filled button of the panel.
        for form in self.secundarias:
            if not form.tiene_campos:
                form.helper.inputs[0].field_classes = "btn btn-outline-primary"

    @property
    def principal(self):
        if self.enlace:
            return None
        return next((f for f in self.formularios if not f.destructiva), None)

    @property
    def secundarias(self) -> list:
        principal = self.principal
        return [f for f in self.formularios if not f.destructiva and f is not principal]

    @property
    def destructivas(self) -> list:
        return [f for f in self.formularios if f.destructiva]
