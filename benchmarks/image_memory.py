"""Image memory: peak RSS of one upload's image work, each case in a fresh process.

    .venv/bin/python benchmarks/image_memory.py

A small file with large dimensions (a PNG of 6,000 x 6,000 pixels, a few hundred KB, like the
131 KB photo that took a worker from 120 to 586 MB) goes through:

- "before": Wagtail's upload check (``WAGTAILIMAGES_MAX_IMAGE_PIXELS``, asked of Willow, which
  decodes a PNG to answer) and the renditions the site shows, made the way Wagtail's
  ``get_renditions`` makes missing ones (three at a time in threads, each decoding the original);
- "after": the check read from the header first (common/image_forms.py) and the renditions one
  after the other, as ``common.images.prerender`` does now.

Then the same two for a 12,000 x 12,000 PNG (144 megapixels, about 1 MB), which both refuse.

Prints the peak resident memory each case added to a process that has loaded Django and Wagtail,
and the machine's speed before and after (the reference loop the other benchmarks print).
Asserts nothing.
"""

import io
import os
import resource
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from search_benchmark import machine_speed  # noqa: E402  the same reference loop in every benchmark


def large_png(side):
    """A mostly flat picture with a few lines: tiny on disk, huge once decoded."""
    from PIL import Image, ImageDraw

    picture = Image.new("RGB", (side, side), (200, 220, 210))
    draw = ImageDraw.Draw(picture)
    for offset in range(0, side, side // 40):
        draw.line([(0, offset), (side, side - offset)], fill=(40, 90, 70), width=3)
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def peak_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_case(case, path):
    """In the child process: set up Django, then do one case and print the memory it added."""
    import concurrent.futures

    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "zorgzamebuurten.settings.test")
    django.setup()
    from django.core.exceptions import ValidationError
    from django.core.files.uploadedfile import SimpleUploadedFile
    from wagtail.images.fields import WagtailImageField
    from wagtail.images.models import Filter, Image

    from common.image_forms import HeaderCheckedImageField
    from common.images import RENDITION_SPECS

    data = Path(path).read_bytes()
    baseline = peak_mb()
    image = Image(title="benchmark", width=0, height=0, collection_id=1)  # never saved: no database
    outcome = ""
    field = WagtailImageField() if case.startswith("before") else HeaderCheckedImageField()
    try:
        field.clean(SimpleUploadedFile("photo.png", data, content_type="image/png"))
    except ValidationError as error:
        outcome = "refused: " + " ".join(error.messages)
    else:
        outcome = "accepted, "
    if outcome.startswith("refused"):
        pass
    elif case.startswith("before"):
        with concurrent.futures.ThreadPoolExecutor(max_workers=3) as executor:
            jobs = [
                executor.submit(image.generate_rendition_file, Filter(spec), source=io.BytesIO(data))
                for spec in RENDITION_SPECS
            ]
            outcome += f"{len([job.result() for job in jobs])} renditions, three at a time"
    else:
        for spec in RENDITION_SPECS:
            image.generate_rendition_file(Filter(spec), source=io.BytesIO(data))
        outcome += f"{len(RENDITION_SPECS)} renditions, one at a time"
    print(f"{len(data) / 1024:.0f}|{peak_mb() - baseline:.0f}|{baseline:.0f}|{outcome}")


def main():
    print(f"Machine speed before: a reference loop takes {machine_speed():.1f} ms")
    with tempfile.TemporaryDirectory() as folder:
        photo, bomb = Path(folder) / "photo.png", Path(folder) / "bomb.png"
        # Drawn in a process of their own: a child inherits its parent's peak memory figure.
        subprocess.run([sys.executable, __file__, "draw", str(photo), str(bomb)], check=True)
        cases = (("before", photo), ("after", photo), ("before", bomb), ("after", bomb))
        for case, path in cases:
            report(case, path)
    print(f"Machine speed after: a reference loop takes {machine_speed():.1f} ms")


def report(case, path):
    output = subprocess.run(
        [sys.executable, __file__, case, str(path)], capture_output=True, text=True, check=True, cwd=ROOT
    ).stdout.strip()
    size, added, baseline, outcome = output.splitlines()[-1].split("|", 3)
    print(f"{case:8} file {size:>5} KB  peak RSS +{added:>4} MB (process at {baseline} MB before)  {outcome}")


if __name__ == "__main__":
    if len(sys.argv) > 1:
        if sys.argv[1] == "draw":
            Path(sys.argv[2]).write_bytes(large_png(6_000))
            Path(sys.argv[3]).write_bytes(large_png(12_000))
        else:
            run_case(sys.argv[1], sys.argv[2])
    else:
        main()
