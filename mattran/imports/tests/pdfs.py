"""PDFs with a text layer written by hand (ASCII, Helvetica), offsets computed: small enough
to read, large enough (any number of pages) to test what a reader does with them."""


def build_pdf(pages: list[list[str]]) -> bytes:
    """One page per list of lines."""
    objects = ["<< /Type /Catalog /Pages 2 0 R >>", "", _FONT]
    kids = []
    for lines in pages:
        content = "BT /F1 12 Tf 50 780 Td 14 TL " + " ".join(f"({t}) Tj T*" for t in lines)
        content += " ET"
        objects.append(f"<< /Length {len(content)} >>\nstream\n{content}\nendstream")
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents {len(objects)} 0 R "
            "/Resources << /Font << /F1 3 0 R >> >> >>"
        )
        kids.append(f"{len(objects)} 0 R")
    objects[1] = f"<< /Type /Pages /Kids [{' '.join(kids)}] /Count {len(pages)} >>"
    out, offsets = b"%PDF-1.4\n", []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode()
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += "".join(f"{o:010d} 00000 n \n" for o in offsets).encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF".encode()
    return out


def make_pdf(lines: list[str]) -> bytes:
    return build_pdf([lines])


_FONT = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
