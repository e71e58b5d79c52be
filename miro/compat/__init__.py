"""The official ``miro_api`` flat methods, each a one-liner onto the fluent layer.

One module per family (``boards``, ``items``, ``enterprise_org`` …), each a mixin class.
:class:`miro.MiroApi` loads a family the first time one of its methods is asked for
(:mod:`miro.compat.lazy`); :class:`miro.compat.flat.FlatMethods` is all of them at once.
"""
