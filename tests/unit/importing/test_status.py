"""Initial, update or final: the words that move a UA along its chain."""

from __future__ import annotations

import pytest

from app.domain.model import OutputKind
from app.importing.document import Document
from app.importing.status import document_kind


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("URGENT ACTION\nHEADLINE\nTAKE ACTION: WRITE AN APPEAL", OutputKind.INITIAL),
        ("Further information on UA: 298/12 Index: MDE 1/2/2012", OutputKind.UPDATE),
        ("Second UA: 28/23 Index: ASA 37/6702/2023", OutputKind.UPDATE),
        ("This is the first update of UA 71/22.", OutputKind.UPDATE),
        ("Información complementaria sobre AU: 58/13", OutputKind.UPDATE),
        ("Esta es la primera actualización de la AU 58/13.", OutputKind.UPDATE),
        (
            "LINK TO PREVIOUS UA: https://www.amnesty.org/en/documents/x/1/2020/en/",
            OutputKind.UPDATE,
        ),
        (
            "Update: Activist moved to a prison far from her family (Iran: UA 103.22)",
            OutputKind.UPDATE,
        ),
        ("Urgent Action update\nThe trial was postponed.", OutputKind.UPDATE),
        ("For further information on how to write, see our guide.", OutputKind.INITIAL),
        ("No further action is requested. Thank you.", OutputKind.FINAL),
        ("No further action is required of the UA network at this time.", OutputKind.FINAL),
        ("NO FURTHER ACTION IS REQUESTED. MANY THANKS", OutputKind.FINAL),
        ("The UA network is asked to take no further action on this case.", OutputKind.FINAL),
        ("STOP ACTION\n\nPUBLIC AI Index: AFR 46/081/2002", OutputKind.FINAL),
        ("THIS IS THE SECOND AND FINAL OUTPUT FOR UA 119/21", OutputKind.FINAL),
        ("This is the first and final update of UA 164/14.", OutputKind.FINAL),
        ("AUCUNE ACTION COMPLÉMENTAIRE N’EST REQUISE.", OutputKind.FINAL),
        ("CECI EST LA DEUXIÈME ET DERNIÈRE MISE À JOUR DE L’AU 83/23", OutputKind.FINAL),
        ("No se requieren más acciones por parte de la red.", OutputKind.FINAL),
    ],
)
def test_document_kind(text: str, kind: OutputKind) -> None:
    assert document_kind(Document(text)) is kind
