"""Everyday shop words (English and Swahili) -> words in KRA's item classification names.

KRA's list speaks UNSPSC ("Confectionary products", "Herbs and spices"); a shop owner types "sugar",
"salt" or "unga". The class search also looks for these words, so the everyday word finds a class.
"""

from __future__ import annotations

_WORDS: dict[str, tuple[str, ...]] = {
    "sugar": ("sugar", "sweetener", "confectionary"),
    "sukari": ("sugar", "sweetener", "confectionary"),
    "sweets": ("confectionary", "chocolate"),
    "salt": ("salt", "spice", "seasoning", "packaged and processed foods"),
    "chumvi": ("salt", "spice", "seasoning", "packaged and processed foods"),
    "flour": ("flour",),
    "unga": ("flour",),
    "rice": ("rice",),
    "mchele": ("rice",),
    "milk": ("milk",),
    "maziwa": ("milk",),
    "bread": ("bread",),
    "mkate": ("bread",),
    "biscuits": ("biscuits",),
    "soda": ("soft drinks",),
    "juice": ("non alcoholic beverages", "juice"),
    "water": ("water",),
    "maji": ("water",),
    "tea": ("coffee and tea",),
    "chai": ("coffee and tea",),
    "coffee": ("coffee and tea",),
    "eggs": ("eggs",),
    "mayai": ("eggs",),
    "oil": ("edible oil", "cooking oil", "fats and oils"),
    "mafuta": ("edible oil", "cooking oil", "fats and oils"),
    "soap": ("soap", "bath and body", "cleaning"),
    "sabuni": ("soap", "bath and body", "cleaning"),
    "petrol": ("gasoline", "petrol"),
    "fuel": ("fuel", "diesel", "gasoline"),
    "airtime": ("mobile communications",),
    "delivery": ("transport", "cargo"),
    "transport": ("transport", "cargo"),
    "restaurant": ("eating and drinking",),
    "hotel": ("eating and drinking", "hotel"),
    "fruit": ("fruits",),
    "matunda": ("fruits",),
    "vegetables": ("vegetables",),
    "mboga": ("vegetables",),
    "nails": ("hardware",),
    "laptop": ("notebook computers",),
    "medicine": ("antibacterials", "medicine", "drugs"),
    "dawa": ("antibacterials", "medicine", "drugs"),
    "clothes": ("shirts", "clothing"),
    "pen": ("writing instruments",),
}


def class_name_words(text: str) -> list[str]:
    """What to look for in class names when the owner types `text`: the text itself, then the words
    KRA's list uses for it ('sugar' -> 'sugar', 'sweetener', 'confectionary')."""
    text = " ".join((text or "").split()).casefold()
    if not text:
        return []
    found = [text]
    for key in (text, text.removesuffix("s")):
        for word in _WORDS.get(key, ()):
            if word not in found:
                found.append(word)
    return found
