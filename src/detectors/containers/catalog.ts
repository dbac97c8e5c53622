/**
 * Container images of self-hosted AI, by repository path. An image counts only when its path
 * (registry host and `library/` stripped, lower-cased) equals a row's path, or, behind a registry
 * host (a mirror or pull-through cache), ends with `/<row path>`; `prefix` rows match whole leading
 * path segments (`nvcr.io/nim/<org>/<model>`). Never substrings: `company/llama-app-frontend` or
 * `acme/ollama-ui` match nothing. Sources: research/anchors-mission.md §2(g) (Cisco
 * `deployment_detector.py` `_AI_CONTAINER_IMAGES`, k8s-aibom runtimes) and each product's install docs.
 */

/**
 * What the software is, which decides the asset kind (`emit.ts`):
 * `inference`/`embedding`/`gateway` → `model-server`; `vector-db` → `vector-store`;
 * `model-ui`/`agent-platform` → `system` (an AI application deployed from a stock image).
 */
export type ImageCategory = 'inference' | 'embedding' | 'gateway' | 'vector-db' | 'model-ui' | 'agent-platform';

/** One catalog row: a product and the image repositories that deploy it. */
export interface ImageEntry {
  /** Software id (asset name): `ollama`, `vllm`, `tgi`, `qdrant`, ... */
  readonly software: string;
  readonly category: ImageCategory;
  /** Repository paths as published, registry host included when it is not Docker Hub. */
  readonly images: readonly string[];
  /** The rows' paths are leading segments: any image below them counts (NIM: the rest names the model). */
  readonly prefix?: boolean;
  /**
   * Tag suffixes of images in the same repository that do not run the server (Triton's `-sdk` client
   * SDK, `-min` build base): matched only by tag, so `tritonserver` alone still counts; a launcher in
   * the commands (`tritonserver --model-repository`) still makes the workload a server.
   */
  readonly notServerTags?: readonly string[];
  /** Helm chart names that deploy it (Chart.yaml `dependencies`). */
  readonly charts?: readonly string[];
  readonly source: string;
}

const G = 'research/anchors-mission.md §2(g), Cisco deployment_detector.py _AI_CONTAINER_IMAGES';
const K = 'research/anchors-mission.md §2(g), k8s-aibom runtimes';
const V = 'research/anchors-mission.md §2(g), vector DB images';

/** The image catalog (one row per product family; a `source` per row). */
export const IMAGE_CATALOG: readonly ImageEntry[] = [
  { software: 'ollama', category: 'inference', images: ['ollama/ollama'], charts: ['ollama'], source: `${G}; otwld/ollama-helm chart` },
  { software: 'vllm', category: 'inference', images: ['vllm/vllm-openai', 'vllm/vllm', 'vllm/vllm-openai-cpu'], charts: ['vllm-stack'], source: `${G}; vllm-project/production-stack chart; kserve llmisvc samples (vllm-openai-cpu)` },
  { software: 'vllm', category: 'inference', images: ['rocm/vllm', 'lmcache/vllm-openai'], source: 'docs.vllm.ai ROCm install (rocm/vllm); vllm production-stack values (lmcache/vllm-openai)' },
  { software: 'tgi', category: 'inference', images: ['ghcr.io/huggingface/text-generation-inference', 'ghcr.io/huggingface/tgi-gaudi'], source: `${G}; huggingface.co/docs/text-generation-inference` },
  { software: 'tgi', category: 'inference', images: ['huggingface-pytorch-tgi-inference'], source: 'aws/deep-learning-containers available_images.md (SageMaker HF LLM DLC)' },
  { software: 'djl-serving', category: 'inference', images: ['djl-inference', 'deepjavalibrary/djl-serving'], source: 'aws/deep-learning-containers available_images.md (LMI); djl-serving README' },
  { software: 'sagemaker-huggingface', category: 'inference', images: ['huggingface-pytorch-inference', 'huggingface-tensorflow-inference'], source: `${G} (huggingface-pytorch-/huggingface-tensorflow- prefixes); AWS DLC list` },
  { software: 'triton', category: 'inference', images: ['nvcr.io/nvidia/tritonserver', 'gcr.io/nvidia-ngc-public/tritonserver'], notServerTags: ['-sdk', '-min'], source: `${G}; ${K}; triton-inference-server/server deploy/gke-marketplace-app (GCR mirror of NGC); Triton docs: <xx.yy>-py3-sdk is the client SDK image, <xx.yy>-py3-min the minimal build base (customization_guide/build.md)` },
  { software: 'tensorrt-llm', category: 'inference', images: ['nvcr.io/nvidia/tensorrt-llm/release'], source: 'NVIDIA NGC catalog, TensorRT-LLM release container' },
  { software: 'nim', category: 'inference', images: ['nvcr.io/nim'], prefix: true, source: 'docs.nvidia.com/nim: images nvcr.io/nim/<org>/<model>' },
  { software: 'tei', category: 'embedding', images: ['ghcr.io/huggingface/text-embeddings-inference'], source: `${V}; ${K}` },
  { software: 't2v-transformers', category: 'embedding', images: ['semitechnologies/transformers-inference'], source: 'weaviate.io text2vec-transformers module docs (t2v-transformers container); weaviate/weaviate-helm values.yaml modules' },
  { software: 'localai', category: 'inference', images: ['localai/localai', 'quay.io/go-skynet/local-ai'], charts: ['local-ai'], source: `${G}; localai.io docker docs` },
  { software: 'sglang', category: 'inference', images: ['lmsysorg/sglang'], source: `${K}; sgl-project/sglang install docs (Docker Hub lmsysorg/sglang)` },
  { software: 'lmdeploy', category: 'inference', images: ['openmmlab/lmdeploy'], source: `${K}; lmdeploy docs` },
  { software: 'llama.cpp', category: 'inference', images: ['ghcr.io/ggerganov/llama.cpp', 'ghcr.io/ggml-org/llama.cpp'], source: 'ggml-org/llama.cpp docs/docker.md (tags server, server-cuda, full, light)' },
  { software: 'xinference', category: 'inference', images: ['xprobe/xinference'], source: 'inference.readthedocs.io using_docker_image (Docker Hub xprobe/xinference)' },
  { software: 'openllm', category: 'inference', images: ['ghcr.io/bentoml/openllm'], source: 'bentoml/OpenLLM README (container image)' },
  { software: 'bentoml', category: 'inference', images: ['bentoml/model-server', 'bentoml/bento-server'], source: `${G} (bentoml/ prefix)` },
  { software: 'lorax', category: 'inference', images: ['ghcr.io/predibase/lorax'], source: 'predibase/lorax README' },
  { software: 'ray-serve', category: 'inference', images: ['anyscale/ray-llm', 'rayproject/ray-llm'], source: `${K} (Ray Serve); ray-project/ray-llm README; kuberay RayService LLM samples` },
  { software: 'kserve', category: 'inference', images: ['kserve/huggingfaceserver', 'kserve/sklearnserver', 'kserve/xgbserver', 'kserve/lgbserver', 'kserve/pmmlserver', 'kserve/paddleserver'], source: `${K}; kserve config/runtimes` },
  { software: 'torchserve', category: 'inference', images: ['pytorch/torchserve', 'pytorch/torchserve-kfs'], source: 'pytorch/serve docker README; kserve runtimes' },
  { software: 'tensorflow-serving', category: 'inference', images: ['tensorflow/serving'], source: 'tensorflow.org/tfx/serving/docker; kserve runtimes' },
  { software: 'mlserver', category: 'inference', images: ['seldonio/mlserver'], source: 'SeldonIO/MLServer README; kserve runtimes' },
  { software: 'litellm', category: 'gateway', images: ['ghcr.io/berriai/litellm', 'ghcr.io/berriai/litellm-database', 'ghcr.io/berriai/litellm-non_root', 'litellm/litellm'], charts: ['litellm-helm'], source: 'docs.litellm.ai proxy deploy (docker, helm)' },
  { software: 'open-webui', category: 'model-ui', images: ['ghcr.io/open-webui/open-webui'], charts: ['open-webui'], source: 'docs.openwebui.com quick start; open-webui/helm-charts' },
  { software: 'chat-ui', category: 'model-ui', images: ['ghcr.io/huggingface/chat-ui', 'ghcr.io/huggingface/chat-ui-db'], source: 'huggingface/chat-ui README' },
  { software: 'anythingllm', category: 'model-ui', images: ['mintplexlabs/anythingllm'], source: 'Mintplex-Labs/anything-llm docker/HOW_TO_USE_DOCKER.md' },
  { software: 'librechat', category: 'model-ui', images: ['ghcr.io/danny-avila/librechat', 'ghcr.io/danny-avila/librechat-dev', 'librechat/librechat'], source: 'librechat.ai docker docs' },
  { software: 'dify', category: 'agent-platform', images: ['langgenius/dify-api', 'langgenius/dify-web'], source: 'research/anchors-mission.md §2(g) agent platforms (langgenius/dify-api); langgenius/dify docker-compose' },
  { software: 'flowise', category: 'agent-platform', images: ['flowiseai/flowise'], source: 'FlowiseAI/Flowise docker README' },
  { software: 'khoj', category: 'model-ui', images: ['ghcr.io/khoj-ai/khoj', 'ghcr.io/khoj-ai/khoj-cloud'], source: 'docs.khoj.dev self-hosting (docker-compose.yml)' },
  { software: 'ragflow', category: 'agent-platform', images: ['infiniflow/ragflow'], source: 'infiniflow/ragflow docker/docker-compose.yml' },
  { software: 'langflow', category: 'agent-platform', images: ['langflowai/langflow', 'langflowai/langflow-backend'], source: 'docs.langflow.org deployment-docker' },
  { software: 'qdrant', category: 'vector-db', images: ['qdrant/qdrant'], charts: ['qdrant'], source: V },
  { software: 'weaviate', category: 'vector-db', images: ['semitechnologies/weaviate', 'cr.weaviate.io/semitechnologies/weaviate'], charts: ['weaviate'], source: V },
  { software: 'milvus', category: 'vector-db', images: ['milvusdb/milvus'], charts: ['milvus'], source: V },
  { software: 'chroma', category: 'vector-db', images: ['chromadb/chroma', 'ghcr.io/chroma-core/chroma'], charts: ['chromadb'], source: `${V}; chroma deployment docs` },
  { software: 'pgvector', category: 'vector-db', images: ['pgvector/pgvector', 'ankane/pgvector'], source: `${V}; pgvector README (Docker)` },
  { software: 'pgvecto-rs', category: 'vector-db', images: ['tensorchord/pgvecto-rs'], source: 'tensorchord/pgvecto.rs README (Docker)' },
  { software: 'infinity', category: 'vector-db', images: ['infiniflow/infinity'], source: 'infiniflow/infinity README (Docker); RAGFlow doc engine' },
  { software: 'marqo', category: 'vector-db', images: ['marqoai/marqo'], source: 'marqo-ai/marqo README (Docker)' },
];

/** A parsed image reference: `[registry/]path[:tag][@digest]`. */
export interface ImageRef {
  /** As written (after variable substitution). */
  readonly text: string;
  readonly registry?: string;
  /** Repository path, lower-cased, `library/` dropped; with `open`, only the literal leading segments. */
  readonly path: string;
  /**
   * The path goes on with a variable (`nvcr.io/nim/${ASR_MODEL}:1.0`): only a `prefix` row can match,
   * since the literal part names the family (NIM) but not the repository.
   */
  readonly open?: true;
  readonly tag?: string;
  readonly digest?: string;
}

/** Path segments up to the first one holding a variable, and whether one did. */
function literalSegments(segments: readonly string[]): { literal: string[]; open: boolean } {
  const at = segments.findIndex((seg) => seg.includes('$'));
  return at === -1 ? { literal: [...segments], open: false } : { literal: segments.slice(0, at), open: true };
}

/**
 * Parses an image reference; undefined for anything that is not one (spaces, templating, empty).
 * A tag or digest that is still a variable (`ollama/ollama:${TAG}` with no default) is dropped: the
 * repository alone identifies the software. A variable later in the path keeps the literal segments
 * before it (`open`); a variable registry or first segment leaves nothing to match.
 */
export function parseImageRef(raw: string): ImageRef | undefined {
  const text = raw.trim().replace(/^["']|["']$/g, '');
  if (text === '' || text.length > 512 || /\s/.test(text)) return undefined;
  const at = text.indexOf('@');
  const digest = at === -1 ? undefined : text.slice(at + 1);
  const name = at === -1 ? text : text.slice(0, at);
  const slash = name.lastIndexOf('/');
  const colon = name.lastIndexOf(':');
  const tag = colon > slash ? name.slice(colon + 1) : undefined;
  const repo = colon > slash ? name.slice(0, colon) : name;
  const segments = repo.split('/');
  const first = segments[0] ?? '';
  const hasRegistry = segments.length > 1 && (first.includes('.') || first.includes(':') || first === 'localhost');
  const registry = hasRegistry ? first.toLowerCase() : undefined;
  const { literal: known, open } = literalSegments(hasRegistry ? segments.slice(1) : segments);
  let path = known.join('/').toLowerCase();
  if (path.startsWith('library/')) path = path.slice('library/'.length);
  if (!/^[a-z0-9][a-z0-9._/-]*$/.test(path) || path.includes('//') || (registry !== undefined && /[${}<>]/.test(registry))) return undefined;
  const literal = (part: string | undefined): part is string => part !== undefined && part !== '' && !/[${}<>]/.test(part);
  return { text, ...(registry === undefined ? {} : { registry }), path, ...(open ? { open } : {}), ...(literal(tag) ? { tag } : {}), ...(literal(digest) ? { digest } : {}) };
}

/** A row path without its registry host (rows are written as users pull them). */
function rowPath(image: string): string {
  const parsed = parseImageRef(image);
  return parsed?.path ?? image;
}

const EXACT = new Map<string, ImageEntry>();
const PREFIXES: { readonly path: string; readonly entry: ImageEntry }[] = [];
for (const entry of IMAGE_CATALOG) {
  for (const image of entry.images) {
    if (entry.prefix) PREFIXES.push({ path: rowPath(image), entry });
    else EXACT.set(rowPath(image), entry);
  }
}

/** The catalog row whose path matches, the tag not considered. */
function matchPath(ref: ImageRef): ImageEntry | undefined {
  if (ref.open === true) return PREFIXES.find((p) => ref.path === p.path || ref.path.startsWith(`${p.path}/`))?.entry;
  const exact = EXACT.get(ref.path);
  if (exact) return exact;
  if (ref.registry !== undefined) {
    // A mirror keeps the upstream path below its own project folders: `harbor.corp/hub/ollama/ollama`.
    const segments = ref.path.split('/');
    for (let i = 1; i < segments.length; i++) {
      const tail = EXACT.get(segments.slice(i).join('/'));
      if (tail) return tail;
    }
  }
  return PREFIXES.find((p) => ref.path.startsWith(`${p.path}/`))?.entry;
}

/**
 * The catalog row of an image, matched on whole path segments (see the file comment), unless its tag
 * marks a non-server image of that repository (`tritonserver:24.01-py3-sdk`, the client SDK).
 */
export function matchImage(ref: ImageRef): ImageEntry | undefined {
  const entry = matchPath(ref);
  const tag = ref.tag?.toLowerCase();
  if (entry === undefined || tag === undefined) return entry;
  return entry.notServerTags?.some((suffix) => tag.endsWith(suffix)) === true ? undefined : entry;
}

/** The catalog row deploying a Helm chart dependency, by exact chart name. */
export function matchChart(name: string): ImageEntry | undefined {
  const n = name.trim().toLowerCase();
  return IMAGE_CATALOG.find((e) => e.charts?.includes(n));
}
