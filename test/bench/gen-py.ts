/**
 * Renders ordinary Python modules: imports of requests/numpy/pandas/flask/sqlalchemy, functions,
 * dataclasses and classes with docstrings. Some carry traps: AI words in comments and docstrings,
 * and local modules whose names merely start like an AI package (`mcp_utils`, `chroma_palette`).
 */
import type { Rng } from './prng.ts';
import type { CodeSnippet } from './gen-js.ts';
import { NOUNS, nounRole, pascal, sentence, snake, VERBS } from './words.ts';

const IMPORTS = [
  'import os',
  'import json',
  'import logging',
  'import requests',
  'import numpy as np',
  'import pandas as pd',
  'from datetime import datetime, timedelta',
  'from dataclasses import dataclass, field',
  'from typing import Any, Iterable, Optional',
  'from flask import Flask, jsonify, request',
  'from sqlalchemy import Column, Integer, String, create_engine',
  'from pydantic import BaseModel',
  'import boto3',
] as const;

const TRAPS = [
  '# TODO: try openai embeddings here instead of tf-idf (ticket DATA-412)',
  'from .mcp_utils import mcp_channel_name  # multi-channel publishing, not Model Context Protocol',
  'from .chroma_palette import chroma_for  # colour chroma for charts',
  '"""Legacy notes: the langchain prototype was removed; this is plain keyword search."""',
  'OPENAI_COMPAT = False  # kept for config compatibility only',
] as const;

function functionBlock(rng: Rng): string {
  const noun = rng.pick(NOUNS);
  const name = snake(rng.pick(VERBS), noun);
  return `def ${name}(${noun}s: Iterable[dict], limit: int = ${rng.int(5, 100)}) -> list[dict]:
    """${sentence(rng)}

    ${sentence(rng)}
    """
    out = []
    for item in ${noun}s:
        if len(out) >= limit:
            break
        # ${sentence(rng)}
        if item.get("status") == "${rng.pick(['active', 'pending', 'archived'])}":
            out.append({**item, "score": item.get("score", 0) * ${rng.int(2, 9)}})
    return sorted(out, key=lambda x: x["score"], reverse=True)
`;
}

function classBlock(rng: Rng): string {
  const [noun, role] = nounRole(rng);
  return `class ${pascal(noun, role)}:
    """${sentence(rng)}"""

    def __init__(self, session, base_url: str = "https://internal.example.com/${noun}s"):
        self.session = session
        self.base_url = base_url
        self.log = logging.getLogger(__name__)

    def get(self, ${noun}_id: str) -> dict:
        resp = self.session.get(f"{self.base_url}/{${noun}_id}", timeout=10)
        resp.raise_for_status()
        return resp.json()

    def list(self, page: int = 1) -> list[dict]:
        self.log.debug("listing ${noun}s page %s", page)
        return self.get(f"?page={page}")["items"]
`;
}

function dataclassBlock(rng: Rng): string {
  const noun = rng.pick(NOUNS);
  return `@dataclass
class ${pascal(noun)}Record:
    id: str
    ${snake(rng.pick(NOUNS), 'id')}: str
    score: float = 0.0
    tags: list[str] = field(default_factory=list)
    created_at: datetime = field(default_factory=datetime.utcnow)
`;
}

/** Renders one Python module of roughly `targetBytes`, with an AI snippet spliced in when given. */
export function renderPyFile(rng: Rng, targetBytes: number, ai?: CodeSnippet): string {
  const header = new Set<string>(['import logging', 'from dataclasses import dataclass, field', 'from datetime import datetime', 'from typing import Iterable']);
  for (let i = rng.int(2, 6); i > 0; i--) header.add(rng.pick(IMPORTS));
  const parts: string[] = [`"""${sentence(rng)}"""\n`, `${[...header, ...(ai?.imports ?? [])].join('\n')}\n`];
  if (rng.chance(0.03)) parts.push(`${rng.pick(TRAPS)}\n`);
  parts.push('\nlogger = logging.getLogger(__name__)\n');
  if (ai) parts.push(`\n${ai.body}`);
  let size = parts.reduce((n, p) => n + p.length, 0);
  while (size < targetBytes) {
    const block = `\n\n${rng.weighted<() => string>([[() => functionBlock(rng), 4], [() => classBlock(rng), 2], [() => dataclassBlock(rng), 1]])()}`;
    parts.push(block);
    size += block.length;
  }
  return parts.join('');
}
