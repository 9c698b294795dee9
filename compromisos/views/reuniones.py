"""Meetings: list, schedule, edit, the record of a closed one and its PDFs."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from buengobierno.documentos.formato import fecha_larga, hora, rango_horas
from buengobierno.organizacion.acceso import (
    es_solo_lectura,
    exigir_creacion,
    exigir_edicion,
    obtener_visible_o_404,
    tiene_rol,
)
from buengobierno.organizacion.models import Organismo
from buengobierno.organizacion.roles import Rol
from buengobierno.web.concurrencia import EdicionEnConflicto, estado_de_respuesta
from buengobierno.web.listas import ListaView, Tarjeta, enlazador
from compromisos import documentos, services
from compromisos.filtros import FiltroReuniones
from compromisos.forms import ReunionForm
from compromisos.models import ROLES_SEGUIMIENTO, ErrorDeEstado, Reunion
from compromisos.templatetags.compromisos import clase_estado


class ListaReuniones(ListaView):
    modelo = Reunion
    filterset_class = FiltroReuniones
    campos_busqueda = ("titulo", "objetivo", "numero_acta", "lugar")
    relacionados = ("tipo", "organismo_convocante")
    orden = ("-inicio", "-pk")
    columnas_exportacion = [
        (gettext_lazy("Reunión"), "titulo"),
        (gettext_lazy("Tipo"), "tipo"),
        (gettext_lazy("Inicio"), "inicio"),
        (gettext_lazy("Fin"), "fin"),
        (gettext_lazy("Lugar"), "lugar"),
        (gettext_lazy("Organismo convocante"), "organismo_convocante"),
        (gettext_lazy("Estado"), "get_estado_display"),
        (gettext_lazy("Acta"), "numero_acta"),
    ]
    columnas_lista = []
    titulo = gettext_lazy("Reuniones")
    subtitulo = gettext_lazy("Consejos de Gobierno, comités, mesas de trabajo y seguimientos.")
    nombre_exportacion = "reuniones"
    template_name = "compromisos/reuniones.html"

    def preparar_pagina(self, reuniones):
        # Which meetings of the page this user may run live, without a query per row: the
        # same rule as PoliticaReunion.puede_editar, on rows the user already sees. A
        # read-only role gets no "En vivo" button that would end in a 403.
        usuario = self.request.user
        if es_solo_lectura(usuario) or not Reunion.acceso.puede_crear(usuario):
            self.editables = set()
        elif tiene_rol(usuario, *ROLES_SEGUIMIENTO, Rol.ADMINISTRADOR):
            self.editables = {r.pk for r in reuniones}
        else:
            self.editables = {
                r.pk
                for r in reuniones
                if r.creado_por_id == usuario.pk
                or (usuario.organismo_id and r.organismo_convocante_id == usuario.organismo_id)
            }

    def _accion(self, reunion):
        if reunion.editable_en_vivo and reunion.pk in self.editables:
            return (_("Abrir en vivo"), reverse("compromisos:en_vivo", args=[reunion.pk]))
        if reunion.cerrada:
            return (_("Acta (PDF)"), reverse("compromisos:acta_pdf", args=[reunion.pk]))
        return None

    def fila(self, r, enlace) -> dict:
        """What the table shows of a meeting, read once (no filters or lookups per cell)."""
        convoca = r.organismo_convocante
        return {
            "url": enlace(r.pk),
            "titulo": r.titulo,
            "tipo": str(r.tipo),
            "acta": r.numero_acta,
            "fecha": fecha_larga(r.inicio),
            "inicio": hora(r.inicio),
            "fin": hora(r.fin),
            "convoca": convoca.sigla or convoca.nombre,
            "convoca_nombre": convoca.nombre,
            "clase": clase_estado(r),
            "estado": r.get_estado_display(),
            "accion": self._accion(r),
            "cerrada": r.cerrada,
        }

    def tarjeta(self, reunion):
        convoca = reunion.organismo_convocante
        return Tarjeta(
            titulo=reunion.titulo,
            url=reunion.get_absolute_url(),
            estado=reunion.get_estado_display(),
            clase_estado=clase_estado(reunion),
            responsable=convoca.sigla or convoca.nombre,
            etiqueta_responsable=_("Convoca"),
            detalles=[
                (_("Fecha"), rango_horas(reunion.inicio, reunion.fin)),
                (_("Tipo"), str(reunion.tipo)),
            ],
            accion=self._accion(reunion),
        )

    def get_context_data(self, **kwargs):
        contexto = super().get_context_data(**kwargs)
        contexto["pestana"] = "reuniones"
        contexto["puede_convocar"] = Reunion.acceso.puede_crear(self.request.user)
        enlace = enlazador("compromisos:reunion")
        contexto["filas_reuniones"] = [self.fila(r, enlace) for r in contexto["object_list"]]
        return contexto


def _reunion(request, pk) -> Reunion:
    return obtener_visible_o_404(
        Reunion.objects.select_related(
            "tipo",
            "organismo_convocante",
            "creado_por",
            "cerrada_por",
            "preside__organismo",
            "secretario_reunion__organismo",
        ),
        request.user,
        pk=pk,
    )


def _limitar_convocante(form, usuario) -> None:
    # Outside the follow-up roles a person convenes only in the name of their own organism.
    if not tiene_rol(usuario, *ROLES_SEGUIMIENTO, Rol.ADMINISTRADOR):
        form.fields["organismo_convocante"].queryset = Organismo.objects.filter(
            pk=usuario.organismo_id
        )


@login_required
def nueva_reunion(request):
    exigir_creacion(request.user, Reunion)
    form = ReunionForm(request.POST or None, usuario=request.user)
    _limitar_convocante(form, request.user)
    if request.method == "POST" and form.is_valid():
        datos = {k: v for k, v in form.cleaned_data.items() if k in ReunionForm.Meta.fields}
        try:
            reunion = services.convocar_reunion(
                **datos,
                puntos=form.lista_de_puntos(),
                invitados=form.lista_de_invitados(),
                creado_por=request.user,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Se programó la reunión y se avisó a los invitados."))
            return redirect("compromisos:en_vivo", reunion.pk)
    return render(
        request,
        "compromisos/reunion_form.html",
        {"form": form, "pestana": "reuniones", "titulo": _("Nueva reunión")},
        status=422 if form.is_bound else 200,
    )


@login_required
def editar_reunion(request, pk):
    reunion = _reunion(request, pk)
    exigir_edicion(request.user, reunion)
    if reunion.cerrada:
        messages.error(request, _("La reunión está cerrada: su acta ya no admite cambios."))
        return redirect(reunion)
    form = ReunionForm(request.POST or None, instance=reunion, usuario=request.user)
    _limitar_convocante(form, request.user)
    if request.method == "POST" and form.is_valid():
        datos = {k: form.cleaned_data[k] for k in ReunionForm.Meta.fields}
        try:
            services.actualizar_reunion(
                reunion=reunion, datos=datos, usuario=request.user, base=form.base_de_version()
            )
        except ErrorDeEstado as error:
            messages.error(request, str(error))
            return redirect(reunion)
        except EdicionEnConflicto as conflicto:
            form.mostrar_conflicto(conflicto)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Se guardaron los datos de la reunión."))
            return redirect("compromisos:en_vivo", reunion.pk)
    return render(
        request,
        "compromisos/reunion_form.html",
        {"form": form, "pestana": "reuniones", "titulo": _("Editar reunión"), "reunion": reunion},
        status=estado_de_respuesta(form),
    )


def contexto_acta(reunion: Reunion) -> dict:
    """Everything the acta shows, read in a fixed number of queries."""
    return {
        "reunion": reunion,
        "asistentes": list(reunion.asistentes.select_related("usuario__organismo")),
        "puntos": list(reunion.puntos.all()),
        "decisiones": list(reunion.decisiones.all()),
        # Drafts of an open meeting too: its draft acta shows what is being agreed.
        "compromisos": list(
            reunion.compromisos.select_related("responsable", "organismo").order_by("pk")
        ),
    }


@login_required
def reunion(request, pk):
    reunion = _reunion(request, pk)
    contexto = contexto_acta(reunion)
    contexto.update(pestana="reuniones", puede_editar=reunion.puede_editar(request.user))
    return render(request, "compromisos/reunion.html", contexto)


@login_required
def acta_pdf(request, pk):
    """The acta with the official header: data, attendance, agenda, development, decisions,
    commitments, signed by who chairs and who takes the minutes. Stored once the meeting is
    closed; before, rendered now and marked a draft."""
    return documentos.ACTA.respuesta(_reunion(request, pk))


@login_required
def planilla_pdf(request, pk):
    """The attendance sheet, with a column for each attendee's signature."""
    return documentos.PLANILLA.respuesta(_reunion(request, pk))
