"""The States the UPR reviews: the 193 UN Member States as the UN writes them, former official
names, and common names mapped to the official one."""

from __future__ import annotations

import difflib
import re
import unicodedata

MEMBER_STATES = (
    "Afghanistan", "Albania", "Algeria", "Andorra", "Angola", "Antigua and Barbuda", "Argentina", "Armenia",
    "Australia", "Austria", "Azerbaijan", "Bahamas", "Bahrain", "Bangladesh", "Barbados", "Belarus", "Belgium",
    "Belize", "Benin", "Bhutan", "Bolivia (Plurinational State of)", "Bosnia and Herzegovina", "Botswana",
    "Brazil", "Brunei Darussalam", "Bulgaria", "Burkina Faso", "Burundi", "Cabo Verde", "Cambodia", "Cameroon",
    "Canada", "Central African Republic", "Chad", "Chile", "China", "Colombia", "Comoros", "Congo", "Costa Rica",
    "Côte d'Ivoire", "Croatia", "Cuba", "Cyprus", "Czechia", "Democratic People's Republic of Korea",
    "Democratic Republic of the Congo", "Denmark", "Djibouti", "Dominica", "Dominican Republic", "Ecuador",
    "Egypt", "El Salvador", "Equatorial Guinea", "Eritrea", "Estonia", "Eswatini", "Ethiopia", "Fiji", "Finland",
    "France", "Gabon", "Gambia", "Georgia", "Germany", "Ghana", "Greece", "Grenada", "Guatemala", "Guinea",
    "Guinea-Bissau", "Guyana", "Haiti", "Honduras", "Hungary", "Iceland", "India", "Indonesia",
    "Iran (Islamic Republic of)", "Iraq", "Ireland", "Israel", "Italy", "Jamaica", "Japan", "Jordan", "Kazakhstan",
    "Kenya", "Kiribati", "Kuwait", "Kyrgyzstan", "Lao People's Democratic Republic", "Latvia", "Lebanon",
    "Lesotho", "Liberia", "Libya", "Liechtenstein", "Lithuania", "Luxembourg", "Madagascar", "Malawi", "Malaysia",
    "Maldives", "Mali", "Malta", "Marshall Islands", "Mauritania", "Mauritius", "Mexico",
    "Micronesia (Federated States of)", "Monaco", "Mongolia", "Montenegro", "Morocco", "Mozambique", "Myanmar",
    "Namibia", "Nauru", "Nepal", "Netherlands (Kingdom of the)", "New Zealand", "Nicaragua", "Niger", "Nigeria",
    "North Macedonia", "Norway", "Oman", "Pakistan", "Palau", "Panama", "Papua New Guinea", "Paraguay", "Peru",
    "Philippines", "Poland", "Portugal", "Qatar", "Republic of Korea", "Republic of Moldova", "Romania",
    "Russian Federation", "Rwanda", "Saint Kitts and Nevis", "Saint Lucia", "Saint Vincent and the Grenadines",
    "Samoa", "San Marino", "Sao Tome and Principe", "Saudi Arabia", "Senegal", "Serbia", "Seychelles",
    "Sierra Leone", "Singapore", "Slovakia", "Slovenia", "Solomon Islands", "Somalia", "South Africa",
    "South Sudan", "Spain", "Sri Lanka", "Sudan", "Suriname", "Sweden", "Switzerland", "Syrian Arab Republic",
    "Tajikistan", "Thailand", "Timor-Leste", "Togo", "Tonga", "Trinidad and Tobago", "Tunisia", "Türkiye",
    "Turkmenistan", "Tuvalu", "Uganda", "Ukraine", "United Arab Emirates",
    "United Kingdom of Great Britain and Northern Ireland", "United Republic of Tanzania",
    "United States of America", "Uruguay", "Uzbekistan", "Vanuatu", "Venezuela (Bolivarian Republic of)",
    "Viet Nam", "Yemen", "Zambia", "Zimbabwe",
)

# Official names of earlier cycles, still right in a report about those years.
FORMER_NAMES = ("Cape Verde", "Czech Republic", "Netherlands", "Swaziland", "Turkey",
                "The former Yugoslav Republic of Macedonia")

COMMON_NAMES = {
    "Bolivia": "Bolivia (Plurinational State of)", "Brunei": "Brunei Darussalam", "Burma": "Myanmar",
    "Democratic Republic of Congo": "Democratic Republic of the Congo", "DRC": "Democratic Republic of the Congo",
    "East Timor": "Timor-Leste", "Iran": "Iran (Islamic Republic of)", "Ivory Coast": "Côte d'Ivoire",
    "Laos": "Lao People's Democratic Republic", "Macedonia": "North Macedonia",
    "Micronesia": "Micronesia (Federated States of)", "Moldova": "Republic of Moldova",
    "North Korea": "Democratic People's Republic of Korea", "Russia": "Russian Federation",
    "South Korea": "Republic of Korea", "Korea": "Republic of Korea", "Syria": "Syrian Arab Republic",
    "Tanzania": "United Republic of Tanzania", "The Bahamas": "Bahamas", "The Gambia": "Gambia",
    "The Philippines": "Philippines", "UK": "United Kingdom of Great Britain and Northern Ireland",
    "United Kingdom": "United Kingdom of Great Britain and Northern Ireland",
    "Great Britain": "United Kingdom of Great Britain and Northern Ireland",
    "US": "United States of America", "USA": "United States of America", "United States": "United States of America",
    "Venezuela": "Venezuela (Bolivarian Republic of)", "Vietnam": "Viet Nam",
}


def _key(name: str) -> str:
    """Case, accents, apostrophes and spacing do not tell names apart."""
    name = unicodedata.normalize("NFKD", name.replace("\u2019", "'")).encode("ascii", "ignore").decode()
    return " ".join(name.lower().split())


_OFFICIAL = {_key(n): n for n in MEMBER_STATES + FORMER_NAMES}
_COMMON = {_key(k): v for k, v in COMMON_NAMES.items()}


def official(name: str) -> str | None:
    """The name as the UN writes it, when `name` is one (accents and case aside)."""
    return _OFFICIAL.get(_key(name))


def suggestion(name: str) -> str | None:
    """The official name meant by a common name or a near miss."""
    if _key(name) in _COMMON:
        return _COMMON[_key(name)]
    close = difflib.get_close_matches(_key(name), list(_OFFICIAL), n=1, cutoff=0.8)
    return _OFFICIAL[close[0]] if close else None


def states_named(text: str) -> list[str]:
    """The States a text names when it lists several (`Indonesia and Malaysia`, `Chad/Niger`)."""
    if official(text):
        return [official(text)]
    parts = re.split(r"\s*(?:,|;|/|&|\+|\band\b|\bet\b|\by\b)\s*", text)
    return [official(p) or _COMMON[_key(p)] for p in parts if official(p) or _key(p) in _COMMON]
