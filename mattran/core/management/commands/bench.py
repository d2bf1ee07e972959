"""`mattran bench NAME`: benchmarks that print their figures (never timed unit tests)."""

import importlib

from django.core.management.base import BaseCommand

BENCHMARKS = {
    "generate": "mattran.benchmarks.generate",
    "diacritics": "mattran.imports.bench_diacritics",
    "import": "mattran.imports.bench_import",
    "ingest": "mattran.reporting.bench_ingest",
    "load": "mattran.benchmarks.load",
    "report": "mattran.documents.bench_report",
    "run": "mattran.benchmarks.run",
}


class Command(BaseCommand):
    help = "Chạy một phép đo hiệu năng hoặc chất lượng và in kết quả."

    def add_arguments(self, parser):
        names = parser.add_subparsers(dest="name", required=True, metavar="TÊN")
        for name in sorted(BENCHMARKS):
            sub = names.add_parser(name)
            module = importlib.import_module(BENCHMARKS[name])
            if hasattr(module, "add_arguments"):
                module.add_arguments(sub)

    def handle(self, *args, **options):
        module = importlib.import_module(BENCHMARKS[options["name"]])
        sub = names_of(options, module)
        module.run(self.stdout, **sub)


def names_of(options: dict, module) -> dict:
    """The options a benchmark declared for itself, as keyword arguments of its `run`."""
    if not hasattr(module, "add_arguments"):
        return {}
    import argparse

    probe = argparse.ArgumentParser(add_help=False)
    module.add_arguments(probe)
    return {a.dest: options[a.dest] for a in probe._actions if a.dest in options}
