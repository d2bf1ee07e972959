"""`mattran bench NAME`: benchmarks that print their figures (never timed unit tests)."""

import importlib

from django.core.management.base import BaseCommand

BENCHMARKS = {
    "diacritics": "mattran.imports.bench_diacritics",
    "import": "mattran.imports.bench_import",
    "report": "mattran.documents.bench_report",
}


class Command(BaseCommand):
    help = "Chạy một phép đo hiệu năng hoặc chất lượng và in kết quả."

    def add_arguments(self, parser):
        parser.add_argument("name", choices=sorted(BENCHMARKS))

    def handle(self, *args, **options):
        module = importlib.import_module(BENCHMARKS[options["name"]])
        module.run(self.stdout)
