"""A browser tab without a browser: the values a form page would post, read from its HTML.

Two tabs of one person are two of these read from pages loaded at different moments (the
same logged-in client), two people are two clients: what each posts is what its page showed,
hidden version field included, plus what the test "types".
"""

from html.parser import HTMLParser

from django.test import Client


def cliente_de(usuario) -> Client:
    """A browser where `usuario` is logged in."""
    cliente = Client()
    cliente.force_login(usuario)
    return cliente


def otra_pestana(cliente: Client) -> Client:
    """Another tab (or the phone with the same session): the same session cookie."""
    pestana = Client()
    pestana.cookies = cliente.cookies
    return pestana


class _Lector(HTMLParser):
    def __init__(self, form_id):
        super().__init__(convert_charrefs=True)
        self.form_id = form_id
        self.dentro = form_id is None
        self.profundidad = 0
        self.valores: list[tuple[str, str]] = []
        self._textarea = None
        self._select = None  # [name, multiple, chosen, first]
        self._opcion = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "template":  # inert: a browser posts nothing inside it
            self.profundidad += 1
        if self.profundidad:
            return
        if tag == "form" and self.form_id is not None:
            if a.get("id") == self.form_id:
                self.dentro = True
            return
        if not self.dentro:
            return
        nombre = a.get("name")
        if tag == "input" and nombre and "disabled" not in a:
            tipo = (a.get("type") or "text").lower()
            if tipo in ("submit", "button", "file", "image", "reset"):
                return
            if tipo in ("checkbox", "radio") and "checked" not in a:
                return
            self.valores.append((nombre, a.get("value", "on" if tipo == "checkbox" else "")))
        elif tag == "textarea" and nombre and "disabled" not in a:
            self._textarea = [nombre, ""]
        elif tag == "select" and nombre and "disabled" not in a:
            self._select = [nombre, "multiple" in a, [], None]
        elif tag == "option" and self._select is not None:
            valor = a.get("value")
            self._opcion = [valor, "", "selected" in a]

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1] += data
        if self._opcion is not None:
            self._opcion[1] += data

    def handle_endtag(self, tag):
        if tag == "template":
            self.profundidad -= 1
            return
        if self.profundidad:
            return
        if tag == "form" and self.form_id is not None and self.dentro:
            self.dentro = False
        if tag == "textarea" and self._textarea is not None:
            nombre, texto = self._textarea
            # The HTML parser keeps the newline a textarea's content starts with.
            self.valores.append((nombre, texto[1:] if texto.startswith("\n") else texto))
            self._textarea = None
        if tag == "option" and self._opcion is not None:
            valor, texto, elegida = self._opcion
            valor = texto.strip() if valor is None else valor
            if self._select[3] is None:
                self._select[3] = valor
            if elegida:
                self._select[2].append(valor)
            self._opcion = None
        if tag == "select" and self._select is not None:
            nombre, multiple, elegidas, primera = self._select
            if not elegidas and not multiple and primera is not None:
                elegidas = [primera]
            self.valores.extend((nombre, v) for v in elegidas)
            self._select = None


def formulario(respuesta, form_id=None) -> dict[str, list[str]]:
    """What the form of this page (or the one with `form_id`) posts if nothing is typed,
    as the test client posts it ({name: [values]})."""
    assert respuesta.status_code in (200, 409, 422), respuesta.status_code
    lector = _Lector(form_id)
    lector.feed(respuesta.content.decode())
    datos: dict[str, list[str]] = {}
    for nombre, valor in lector.valores:
        if nombre != "csrfmiddlewaretoken":
            datos.setdefault(nombre, []).append(valor)
    return datos


def escribir(datos: dict, **campos) -> dict[str, list[str]]:
    """The form's values with some fields typed over."""
    nuevos = dict(datos)
    for nombre, valor in campos.items():
        nuevos[nombre] = valor if isinstance(valor, list) else [valor]
    return nuevos
