"""How many procedures still show «En construcción» (their home is the platform's landing
page): the pages' tests count against it, so each procedure built lowers it by itself."""


def en_construccion() -> int:
    from buengobierno.web.procedimientos import procedimientos

    return sum(1 for config in procedimientos() if config.en_construccion)
