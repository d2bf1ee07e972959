# Two commands run everything: `make run` (the app with demo data) and `make test`.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint demo clean system-deps

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $(STAMP)

# Debian packages: Chromium for the browser tests (no browser download from elsewhere),
# Tesseract with its Vietnamese data for reading scanned documents, hunspell-vi as the
# syllable dictionary of the diacritics restorer, LibreOffice Writer (no GUI) to turn the
# DOCX documents we write into PDF.
system-deps:
	@if [ ! -x /usr/bin/chromium ] || [ ! -f /usr/share/tesseract-ocr/5/tessdata/vie.traineddata ] || [ ! -f /usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf ] || [ ! -f /usr/share/hunspell/vi_VN.dic ] || [ ! -x /usr/bin/soffice ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-liberation2 fonts-dejavu-core tesseract-ocr tesseract-ocr-vie hunspell-vi libreoffice-writer-nogui; \
	  else \
	    echo "Cần cài: sudo apt-get install chromium fonts-liberation2 fonts-dejavu-core tesseract-ocr tesseract-ocr-vie hunspell-vi libreoffice-writer-nogui"; exit 1; \
	  fi; \
	fi

run: $(STAMP)
	mkdir -p var
	$(BIN)/mattran migrate --noinput
	$(BIN)/mattran demo
	$(BIN)/mattran runserver 127.0.0.1:8000

test: $(STAMP) system-deps
	$(BIN)/ruff check mattran
	$(BIN)/pytest

demo: $(STAMP)
	mkdir -p var
	$(BIN)/mattran migrate --noinput
	$(BIN)/mattran demo --reset

clean:
	rm -rf $(VENV) var .pytest_cache .ruff_cache .hypothesis
