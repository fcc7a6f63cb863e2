"""The Word templates sipgen ships. Installed as the package ``sipgen.word_templates``
(see pyproject.toml), so an installed sipgen finds plan.docx with importlib.resources."""
