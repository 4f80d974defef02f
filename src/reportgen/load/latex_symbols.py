"""The LaTeX commands bibliography fields use, as Unicode: symbols, accents, math, and what to do with arguments."""

from __future__ import annotations

# Commands without an argument, in text and in math.
TEXT = {
    # letters
    "ss": "ß", "SS": "SS", "ae": "æ", "AE": "Æ", "oe": "œ", "OE": "Œ", "aa": "å", "AA": "Å", "o": "ø", "O": "Ø",
    "l": "ł", "L": "Ł", "i": "ı", "j": "ȷ", "dh": "ð", "DH": "Ð", "dj": "đ", "DJ": "Đ", "th": "þ", "TH": "Þ",
    "ng": "ŋ", "NG": "Ŋ", "ij": "ĳ", "IJ": "Ĳ",
    # logos
    "TeX": "TeX", "LaTeX": "LaTeX", "LaTeXe": "LaTeX2ε", "BibTeX": "BibTeX", "XeTeX": "XeTeX", "XeLaTeX": "XeLaTeX",
    "LuaTeX": "LuaTeX", "LuaLaTeX": "LuaLaTeX", "ConTeXt": "ConTeXt", "AmS": "AMS", "biblatex": "biblatex",
    "BibLaTeX": "BibLaTeX",
    # punctuation and dashes
    "&": "&", "%": "%", "$": "$", "#": "#", "_": "_", "{": "{", "}": "}",
    "textendash": "–", "textemdash": "—", "hyphen": "-", "nbhyphen": "\u2011", "textnbhyphen": "\u2011",
    "slash": "/", "textminus": "−", "textellipsis": "…", "ldots": "…", "dots": "…",
    "textquoteleft": "‘", "textquoteright": "’", "textquotedblleft": "“", "textquotedblright": "”",
    "textquotedbl": '"', "quotesinglbase": "‚", "quotedblbase": "„", "guillemotleft": "«", "guillemotright": "»",
    "guillemetleft": "«", "guillemetright": "»", "guilsinglleft": "‹", "guilsinglright": "›",
    "og": "«\u00a0", "fg": "\u00a0»", "textexclamdown": "¡", "textquestiondown": "¿",
    "textbackslash": "\\", "textbraceleft": "{", "textbraceright": "}", "textdollar": "$", "textasciitilde": "~",
    "textasciicircum": "^", "textunderscore": "_", "textless": "<", "textgreater": ">", "textbar": "|",
    "textvisiblespace": "␣",
    # signs
    "S": "§", "textsection": "§", "P": "¶", "textparagraph": "¶", "dag": "†", "textdagger": "†", "ddag": "‡",
    "textdaggerdbl": "‡", "textbullet": "•", "textperiodcentered": "·", "copyright": "©", "textcopyright": "©",
    "textregistered": "®", "texttrademark": "™", "textdegree": "°", "textperthousand": "‰", "textmu": "µ",
    "textonehalf": "½", "textonequarter": "¼", "textthreequarters": "¾", "textordfeminine": "ª",
    "textordmasculine": "º", "textnumero": "№", "pounds": "£", "textsterling": "£", "euro": "€", "texteuro": "€",
    "EUR": "€", "textyen": "¥", "textcent": "¢",
    # spaces and breaks
    ",": "\u202f", ";": " ", ":": " ", ">": " ", " ": " ", "\n": " ", "\t": " ", "!": "", "quad": " ", "qquad": " ",
    "enspace": " ", "thinspace": "\u202f", "nobreakspace": "\u00a0", "space": " ", "newblock": " ", "\\": " ",
    "newline": " ", "linebreak": " ", "break": " ", "par": " ", "/": "", "@": "", "-": "", "relax": "",
    "protect": "", "xspace": "", "nobreak": "", "allowbreak": "", "ignorespaces": "", "unskip": "",
    "smallskip": "", "medskip": "", "bigskip": "", "null": "", "leavevmode": "", "hfill": " ",
}

# Commands only math uses.
MATH = {
    "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ϵ", "varepsilon": "ε", "zeta": "ζ",
    "eta": "η", "theta": "θ", "vartheta": "ϑ", "iota": "ι", "kappa": "κ", "lambda": "λ", "mu": "μ", "nu": "ν",
    "xi": "ξ", "pi": "π", "varpi": "ϖ", "rho": "ρ", "varrho": "ϱ", "sigma": "σ", "varsigma": "ς", "tau": "τ",
    "upsilon": "υ", "phi": "ϕ", "varphi": "φ", "chi": "χ", "psi": "ψ", "omega": "ω", "Gamma": "Γ", "Delta": "Δ",
    "Theta": "Θ", "Lambda": "Λ", "Xi": "Ξ", "Pi": "Π", "Sigma": "Σ", "Upsilon": "Υ", "Phi": "Φ", "Psi": "Ψ",
    "Omega": "Ω",
    "times": "×", "div": "÷", "pm": "±", "mp": "∓", "cdot": "·", "ast": "∗", "star": "⋆", "circ": "∘",
    "bullet": "∙", "leq": "≤", "le": "≤", "geq": "≥", "ge": "≥", "neq": "≠", "ne": "≠", "approx": "≈", "sim": "∼",
    "simeq": "≃", "equiv": "≡", "propto": "∝", "ll": "≪", "gg": "≫", "infty": "∞", "partial": "∂", "nabla": "∇",
    "sum": "∑", "prod": "∏", "int": "∫", "in": "∈", "notin": "∉", "ni": "∋", "subset": "⊂", "subseteq": "⊆",
    "supset": "⊃", "supseteq": "⊇", "cup": "∪", "cap": "∩", "emptyset": "∅", "varnothing": "∅", "forall": "∀",
    "exists": "∃", "neg": "¬", "lnot": "¬", "land": "∧", "wedge": "∧", "lor": "∨", "vee": "∨", "to": "→",
    "rightarrow": "→", "leftarrow": "←", "gets": "←", "Rightarrow": "⇒", "Leftarrow": "⇐", "leftrightarrow": "↔",
    "Leftrightarrow": "⇔", "mapsto": "↦", "uparrow": "↑", "downarrow": "↓", "cdots": "⋯", "vdots": "⋮",
    "prime": "′", "angle": "∠", "perp": "⊥", "parallel": "∥", "mid": "∣", "langle": "⟨", "rangle": "⟩",
    "lbrace": "{", "rbrace": "}", "vert": "|", "Vert": "‖", "backslash": "\\", "setminus": "∖", "oplus": "⊕",
    "otimes": "⊗", "hbar": "ℏ", "ell": "ℓ", "Re": "ℜ", "Im": "ℑ", "aleph": "ℵ", "deg": "deg", "log": "log",
    "ln": "ln", "exp": "exp", "sin": "sin", "cos": "cos", "tan": "tan", "max": "max", "min": "min", "lim": "lim",
    "sup": "sup", "inf": "inf", "det": "det", "left": "", "right": "", "big": "", "Big": "", "displaystyle": "",
    "textstyle": "",
}

# Accents: the combining character each adds to its argument.
ACCENTS = {
    '"': "\u0308", "'": "\u0301", "`": "\u0300", "^": "\u0302", "~": "\u0303", "=": "\u0304", ".": "\u0307",
    "u": "\u0306", "v": "\u030c", "H": "\u030b", "c": "\u0327", "k": "\u0328", "r": "\u030a", "d": "\u0323",
    "b": "\u0331", "t": "\u0361", "G": "\u030f", "U": "\u030e",
    # math accents
    "hat": "\u0302", "tilde": "\u0303", "bar": "\u0304", "dot": "\u0307", "ddot": "\u0308", "vec": "\u20d7",
    "acute": "\u0301", "grave": "\u0300", "breve": "\u0306", "check": "\u030c", "overline": "\u0305",
}

# Commands whose one argument is kept as it is (fonts, boxes, no-ops on text).
KEEP_ARGUMENT = {
    "textrm", "textsf", "texttt", "textmd", "textsc", "textnormal", "mbox", "hbox", "text", "textlatin",
    "mathrm", "mathit", "mathsf", "mathtt", "mathcal", "mathbb", "mathfrak", "operatorname", "mkbibacro",
    "NoCaseChange", "nocase", "textcase", "ensuremath", "mathnormal", "boldsymbol", "mbf", "textgreek",
    "textcyrillic", "foreignquote", "hyphenation",
}

# Commands whose argument is not printed (sorting tricks from @preamble).
DROP_ARGUMENT = {"noopsort", "sortnoop", "SortNoop", "noop", "nosort", "index", "label", "footnotemark"}

# Commands that set a style until the end of their group (`{\em text}`).
DECLARATIONS = {
    "em": "toggle", "it": "italic", "itshape": "italic", "sl": "italic", "slshape": "italic", "bf": "bold",
    "bfseries": "bold", "rm": "upright", "upshape": "upright", "normalfont": "upright", "mdseries": "medium",
    "sc": "", "scshape": "", "tt": "", "ttfamily": "", "sf": "", "sffamily": "", "small": "", "footnotesize": "",
    "scriptsize": "", "tiny": "", "large": "", "Large": "", "LARGE": "", "huge": "", "Huge": "", "normalsize": "",
}

# Commands that style their argument.
STYLES = {"emph": "toggle", "mkbibemph": "toggle", "textit": "italic", "textsl": "italic", "mkbibitalic": "italic",
          "mathbf": "bold", "textbf": "bold", "mkbibbold": "bold", "textup": "upright"}

# Commands that wrap their argument in punctuation.
WRAP = {"mkbibquote": ("“", "”"), "enquote": ("“", "”"), "mkbibparens": ("(", ")"), "mkbibbrackets": ("[", "]"),
        "textquote": ("“", "”")}
