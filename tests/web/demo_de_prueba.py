"""A procedure demo module as the cargar_demo contract describes it (see its docstring)."""

llamadas: list[dict] = []


def cargar(*, usuarios, stdout):
    llamadas.append(dict(usuarios))
    stdout.write(f"Demo de prueba cargada para {usuarios['directivo'].get_full_name()}.")
