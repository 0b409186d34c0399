"""The PDF files the library's demo and tests are given (library.pdf)."""

import io

from library.pdf import minimal_pdf


def test_generated_pdf_has_a_valid_cross_reference_table():
    data = minimal_pdf("Grant report (2025)", ["Line one"])
    assert data.startswith(b"%PDF-1.4") and data.rstrip().endswith(b"%%EOF")
    startxref = int(data.rsplit(b"startxref\n", 1)[1].split(b"\n", 1)[0])
    assert data[startxref:].startswith(b"xref")
    table = data[startxref:].split(b"\n")
    for number, row in enumerate(table[3:9], start=1):
        offset = int(row.split()[0])
        assert data[offset:].startswith(b"%d 0 obj" % number)
    assert io.BytesIO(data).read().count(b"endobj") == 6
