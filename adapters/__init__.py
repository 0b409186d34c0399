"""One adapter per third-party library for everything we use that it does not document
(see each module's docstring); adapters/tests checks every such assumption."""
