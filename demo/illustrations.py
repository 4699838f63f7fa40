"""Flat illustrations drawn with Pillow, so the demo needs no downloaded pictures.

One drawing per motif; colours vary with a seed so cards do not all look alike.
"""

import hashlib
import io

from PIL import Image, ImageDraw

WIDTH, HEIGHT = 1200, 675
PALETTES = [
    ("#e8f1ec", "#1f6f50", "#f2b134", "#d9534f", "#3b5b92"),
    ("#f4efe6", "#8a4f7d", "#2a9d8f", "#e76f51", "#264653"),
    ("#eef3f8", "#2b5d8c", "#f4a261", "#6a994e", "#bc4749"),
    ("#fbf3e4", "#b5651d", "#3d7ea6", "#5c946e", "#7d4e57"),
]


def _palette(seed):
    index = int(hashlib.sha256(seed.encode()).hexdigest(), 16) % len(PALETTES)
    return PALETTES[index]


def _person(draw, x, y, scale, colour):
    draw.ellipse([x - 22 * scale, y - 110 * scale, x + 22 * scale, y - 66 * scale], fill="#f1c9a5")
    draw.rounded_rectangle(
        [x - 34 * scale, y - 62 * scale, x + 34 * scale, y + 40 * scale], radius=int(26 * scale), fill=colour
    )


def _house(draw, x, y, w, h, wall, roof):
    draw.rectangle([x, y, x + w, y + h], fill=wall)
    draw.polygon([(x - 12, y), (x + w / 2, y - h * 0.6), (x + w + 12, y)], fill=roof)
    draw.rectangle([x + w * 0.4, y + h * 0.55, x + w * 0.6, y + h], fill="#ffffff")


def _houses(draw, c):
    draw.rectangle([0, 520, WIDTH, HEIGHT], fill=c[1])
    for i, x in enumerate(range(80, 1100, 210)):
        _house(draw, x, 320 + (i % 2) * 30, 160, 200 - (i % 2) * 30, c[2 + i % 3], c[1])


def _garden(draw, c):
    draw.rectangle([0, 430, WIDTH, HEIGHT], fill="#8c6a43")
    for x in range(90, 1150, 150):
        draw.rectangle([x, 470, x + 110, 540], fill="#6b4f2e")
        for dx in (20, 55, 90):
            draw.ellipse([x + dx - 18, 430, x + dx + 18, 470], fill=c[1])
    _person(draw, 380, 420, 1.6, c[2])
    _person(draw, 820, 420, 1.6, c[4])


def _table(draw, c):
    draw.ellipse([300, 380, 900, 520], fill=c[2])
    for x in (330, 500, 700, 870):
        _person(draw, x, 380, 1.3, c[1 if x < 600 else 4])
    draw.ellipse([540, 330, 660, 400], fill=c[3])


def _people(draw, c):
    for i, x in enumerate(range(160, 1100, 180)):
        _person(draw, x, 470 + (i % 2) * 40, 1.8, c[1 + i % 4])


def _street(draw, c):
    draw.rectangle([0, 470, WIDTH, HEIGHT], fill="#9aa3ab")
    for x in range(40, WIDTH, 160):
        draw.rectangle([x, 560, x + 80, 575], fill="#ffffff")
    for i, x in enumerate(range(40, 1150, 190)):
        _house(draw, x, 290, 150, 180, c[2 + i % 3], c[1])


def _shop(draw, c):
    draw.rectangle([220, 200, 980, 600], fill=c[1])
    for i, x in enumerate(range(220, 980, 76)):
        draw.rectangle([x, 200, x + 76, 280], fill=c[2] if i % 2 else "#ffffff")
    draw.rectangle([290, 330, 560, 560], fill="#ffffff")
    draw.rectangle([640, 330, 900, 600], fill=c[4])
    for x in (330, 420, 500):
        draw.ellipse([x, 470, x + 50, 520], fill=c[3])


def _heart(draw, c):
    draw.ellipse([380, 150, 620, 390], fill=c[3])
    draw.ellipse([580, 150, 820, 390], fill=c[3])
    draw.polygon([(392, 320), (808, 320), (600, 580)], fill=c[3])
    draw.ellipse([560, 250, 640, 330], fill=c[0])


def _speech(draw, c):
    draw.rounded_rectangle([150, 120, 620, 360], radius=60, fill=c[1])
    draw.polygon([(260, 350), (330, 350), (240, 440)], fill=c[1])
    draw.rounded_rectangle([580, 260, 1050, 500], radius=60, fill=c[2])
    draw.polygon([(920, 490), (990, 490), (1010, 580)], fill=c[2])
    for x in (260, 360, 460):
        draw.ellipse([x, 220, x + 40, 260], fill="#ffffff")


MOTIFS = {
    "houses": _houses,
    "garden": _garden,
    "table": _table,
    "people": _people,
    "street": _street,
    "shop": _shop,
    "heart": _heart,
    "speech": _speech,
}


def draw_illustration(motif, seed):
    """PNG bytes of the motif's drawing."""
    colours = _palette(seed)
    image = Image.new("RGB", (WIDTH, HEIGHT), colours[0])
    MOTIFS.get(motif, _people)(ImageDraw.Draw(image), colours)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


# Alt text describes the drawing itself, so it lives beside the code that draws it.
MOTIF_ALT = {
    "houses": {
        "nl": "Illustratie: een rij gekleurde huizen met puntdaken aan een groene strook.",
        "fr": "Illustration : une rangée de maisons colorées aux toits pointus, devant une bande verte.",
    },
    "garden": {
        "nl": "Illustratie: twee buren bij een moestuin met houten bakken vol groene planten.",
        "fr": "Illustration : deux voisins près d'un potager aux bacs en bois remplis de plantes vertes.",
    },
    "table": {
        "nl": "Illustratie: vier mensen rond een ronde tafel met een schaal in het midden.",
        "fr": "Illustration : quatre personnes autour d'une table ronde avec un plat au milieu.",
    },
    "people": {
        "nl": "Illustratie: een groep mensen in kleurrijke kleren die naast elkaar staan.",
        "fr": "Illustration : un groupe de personnes aux vêtements colorés, côte à côte.",
    },
    "street": {
        "nl": "Illustratie: een straat met een zebrapad en een rij huizen erachter.",
        "fr": "Illustration : une rue avec un passage piéton et une rangée de maisons derrière.",
    },
    "shop": {
        "nl": "Illustratie: een buurtwinkel met een gestreepte luifel, een etalage en een deur.",
        "fr": "Illustration : une épicerie de quartier avec un auvent rayé, une vitrine et une porte.",
    },
    "heart": {
        "nl": "Illustratie: een groot hart als teken van zorg voor elkaar.",
        "fr": "Illustration : un grand cœur, symbole d'attention les uns pour les autres.",
    },
    "speech": {
        "nl": "Illustratie: twee tekstballonnen, als van mensen die met elkaar in gesprek gaan.",
        "fr": "Illustration : deux bulles de dialogue, comme des personnes qui se parlent.",
    },
}
