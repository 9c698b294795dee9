"""The boards: Seguimiento (every visible commitment), Mis compromisos, one per organism and
one per person, and the indicators page."""

from collections import Counter

from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext_lazy as _

from buengobierno.documentos.formato import fecha_larga, porcentaje
from buengobierno.organizacion.acceso import tiene_rol
from buengobierno.organizacion.models import Organismo
from buengobierno.organizacion.roles import Rol
from buengobierno.web.listas import ListaView, Tarjeta, enlazador
from compromisos.filtros import FiltroCompromisos, FiltroPeriodo
from compromisos.indicadores import (
    Cifras,
    RegistroEnVivo,
    cifras_por,
    grafico_por_organismo,
    registro_en_vivo,
    totales,
)
from compromisos.models import Compromiso, Corresponsable, Reunion
from compromisos.resumen import cifras_por_organismo
from compromisos.templatetags.compromisos import clase_estado

COLUMNAS = [
    (_("Compromiso"), "descripcion"),
    (_("Responsable"), "responsable"),
    (_("Organismo"), "organismo"),
    (_("Entidad externa"), "externo_mostrado"),
    (_("Corresponsables"), "corresponsables"),
    (_("Fecha límite de cumplimiento"), "fecha_limite"),
    (_("Fecha límite de cumplimiento original"), "fecha_limite_original"),
    (_("Estado"), "estado_mostrado"),
    (_("Prioridad"), "get_prioridad_display"),
    (_("Avance (%)"), "avance"),
    (_("Origen"), "origen_mostrado"),
    (_("Meta del plan de desarrollo"), "meta"),
    (_("Fecha en que se cumplió"), "fecha_cumplimiento"),
]

# Roles that see every organism's and every person's page.
ROLES_VEN_TODO = (Rol.DESPACHO, Rol.SECRETARIO, Rol.CONSULTA, Rol.ADMINISTRADOR)


class TableroCompromisos(ListaView):
    """Seguimiento: every commitment the user may see, with filters, search and export."""

    modelo = Compromiso
    filterset_class = FiltroCompromisos
    campos_busqueda = (
        "descripcion",
        "responsable__first_name",
        "responsable__last_name",
        "organismo__nombre",
        "organismo__sigla",
        "origen_descripcion",
    )
    relacionados = ("responsable", "organismo", "meta", "origen_tipo")
    # The page counts the co-responsibles (preparar_pagina); the export names them.
    prefetch_exportacion = ("corresponsables",)
    # What is still open comes first, soonest (or most overdue) first; then the closed ones.
    orden = ("cerrado", "fecha_limite", "pk")
    columnas_exportacion = COLUMNAS
    columnas_lista = []  # the board draws its own table
    titulo = _("Seguimiento a compromisos")
    subtitulo = _("Todos los compromisos, vengan de una reunión, una ficha o una visita.")
    nombre_exportacion = "compromisos"
    template_name = "compromisos/tablero.html"
    pestana = "seguimiento"

    def consulta_base(self):
        return super().consulta_base().publicados()

    def preparar_pagina(self, compromisos):
        # What the table shows of each row, read once (no template filters, {% url %} or
        # related lookups per cell); the co-responsibles only counted, in one query.
        otros = Counter(
            Corresponsable.objects.filter(
                compromiso_id__in=[c.pk for c in compromisos]
            ).values_list("compromiso_id", flat=True)
        )
        enlace = enlazador("compromisos:compromiso")
        enlace_persona = enlazador("compromisos:persona")
        enlace_organismo = enlazador("compromisos:organismo")
        self.filas_compromisos = [
            self.fila(c, otros[c.pk], enlace, enlace_persona, enlace_organismo) for c in compromisos
        ]

    @staticmethod
    def fila(c, otros, enlace, enlace_persona, enlace_organismo) -> dict:
        organismo = c.organismo
        return {
            "url": enlace(c.pk),
            "titulo": str(c),
            "descripcion": c.descripcion,
            "vencido": c.vencido,
            "alta": c.prioridad == Compromiso.Prioridad.ALTA,
            "meta": c.meta.codigo if c.meta_id else "",
            "origen_url": c.origen_url,
            "origen": c.origen_mostrado,
            "externo": c.externo_mostrado,
            "entidad": c.externo_entidad,
            "responsable": str(c.responsable) if c.responsable_id else "",
            "url_responsable": enlace_persona(c.responsable_id) if c.responsable_id else "",
            "organismo": (organismo.sigla or organismo.nombre) if organismo else "",
            "organismo_nombre": organismo.nombre if organismo else "",
            "url_organismo": enlace_organismo(c.organismo_id) if organismo else "",
            "otros": otros,
            "fecha_iso": c.fecha_limite.isoformat() if c.fecha_limite else "",
            "fecha": fecha_larga(c.fecha_limite),
            "antes": (
                fecha_larga(c.fecha_limite_original)
                if c.fecha_limite != c.fecha_limite_original
                else ""
            ),
            "clase": clase_estado(c),
            "estado": c.estado_mostrado,
            "avance": porcentaje(c.avance) if c.abierto and c.avance else "",
        }

    def tarjeta(self, compromiso):
        detalles = []
        if compromiso.abierto and compromiso.avance:
            detalles.append((_("Avance"), porcentaje(compromiso.avance)))
        detalles.append((_("Origen"), compromiso.origen_descripcion or _("Registrado a mano")))
        responsable = str(compromiso.responsable or "")
        if compromiso.organismo_id:
            responsable += f" · {compromiso.organismo.sigla or compromiso.organismo.nombre}"
        return Tarjeta(
            titulo=str(compromiso),
            url=compromiso.get_absolute_url(),
            estado=compromiso.estado_mostrado,
            clase_estado=clase_estado(compromiso),
            fecha=compromiso.fecha_limite,
            etiqueta_fecha=_("Fecha límite de cumplimiento"),
            responsable=responsable,
            detalles=detalles,
            vencido=compromiso.vencido,
        )

    def get_context_data(self, **kwargs):
        contexto = super().get_context_data(**kwargs)
        contexto["pestana"] = self.pestana
        contexto["filas_compromisos"] = self.filas_compromisos
        contexto["puede_crear"] = Compromiso.acceso.puede_crear(self.request.user)
        contexto["puede_convocar"] = Reunion.acceso.puede_crear(self.request.user)
        return contexto


class MisCompromisos(TableroCompromisos):
    titulo = _("Mis compromisos")
    subtitulo = _("Los compromisos de los que usted es responsable o corresponsable.")
    pestana = "mios"
    nombre_exportacion = "mis-compromisos"

    def consulta_base(self):
        return Compromiso.objects.publicados().de_persona(self.request.user)


class TableroOrganismo(TableroCompromisos):
    """One organism: its commitments and each person's figures."""

    pestana = "indicadores"
    template_name = "compromisos/tablero_grupo.html"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            # Before any lookup: an anonymous visitor must not tell which ids exist.
            return self.handle_no_permission()
        self.organismo = get_object_or_404(Organismo, pk=kwargs["pk"])
        usuario = request.user
        if not (tiene_rol(usuario, *ROLES_VEN_TODO) or usuario.organismo_id == self.organismo.pk):
            raise Http404(_("No existe o no tiene acceso a este registro."))
        self.titulo = self.organismo.nombre
        self.subtitulo = _("Compromisos del organismo y cumplimiento de cada persona.")
        self.nombre_exportacion = f"compromisos-{self.organismo.sigla or self.organismo.codigo}"
        return super().dispatch(request, *args, **kwargs)

    def consulta_base(self):
        return super().consulta_base().filter(organismo=self.organismo)

    def get_context_data(self, **kwargs):
        contexto = super().get_context_data(**kwargs)
        base = Compromiso.objects.visibles_para(self.request.user).filter(organismo=self.organismo)
        contexto["cifras"] = cifras_por(base, "responsable")
        contexto["cifras_total"] = Cifras.suma(contexto["cifras"])
        contexto["enlace_fila"] = "compromisos:persona"
        return contexto


class TableroPersona(TableroCompromisos):
    pestana = "indicadores"
    template_name = "compromisos/tablero_grupo.html"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()  # before any lookup, as TableroOrganismo
        self.persona = get_object_or_404(
            get_user_model().objects.select_related("organismo"), pk=kwargs["pk"]
        )
        usuario = request.user
        if not (
            tiene_rol(usuario, *ROLES_VEN_TODO)
            or usuario.pk == self.persona.pk
            or (usuario.organismo_id and usuario.organismo_id == self.persona.organismo_id)
        ):
            raise Http404(_("No existe o no tiene acceso a este registro."))
        self.titulo = str(self.persona)
        self.subtitulo = self.persona.nombre_y_cargo
        self.nombre_exportacion = f"compromisos-{self.persona.username}"
        return super().dispatch(request, *args, **kwargs)

    def consulta_base(self):
        return super().consulta_base().de_persona(self.persona)

    def get_context_data(self, **kwargs):
        contexto = super().get_context_data(**kwargs)
        base = Compromiso.objects.visibles_para(self.request.user).filter(responsable=self.persona)
        contexto["cifras_total"] = totales(base)
        contexto["persona"] = self.persona
        return contexto


@login_required
def indicadores(request):
    """Compliance per organism: on time %, overdue, average delay, with a chart."""
    periodo = FiltroPeriodo(request.GET or None)
    desde, hasta = periodo.limites()
    por_organismo = cifras_por_organismo(
        Compromiso.objects.visibles_para(request.user), request.user, desde=desde, hasta=hasta
    )
    grafico = grafico_por_organismo(por_organismo)
    total = Cifras.suma(por_organismo)
    # Compliance per meta of the plan de desarrollo (the commitments that carry one), and the
    # share of meetings recorded live per organism (policy 1).
    por_meta = cifras_por_organismo(
        Compromiso.objects.visibles_para(request.user),
        request.user,
        desde=desde,
        hasta=hasta,
        agrupar="meta",
    )
    en_vivo = registro_en_vivo(
        Reunion.objects.visibles_para(request.user), desde=desde, hasta=hasta
    )
    return render(
        request,
        "compromisos/indicadores.html",
        {
            "pestana": "indicadores",
            "periodo": periodo,
            "cifras": por_organismo,
            "total": total,
            "por_meta": por_meta,
            "total_metas": Cifras.suma(por_meta),
            "en_vivo": en_vivo,
            "total_en_vivo": RegistroEnVivo(
                nombre=_("Total"),
                cerradas=sum(g.cerradas for g in en_vivo),
                en_vivo=sum(g.en_vivo for g in en_vivo),
            ),
            "graficos": [{"id": "grafico-organismos", "config": grafico}] if por_organismo else [],
        },
    )
