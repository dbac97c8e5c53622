/**
 * Model-file knowledge as data: which extensions hold which formats, which pickle globals run code,
 * which are known-safe, the GGUF file-type names, the standard ONNX operator domains and the caps
 * every parser honours. Each row names its source (research/anchors-mission.md §2(f)).
 */

/** Risk of loading a file, worst first; the later `unsafe-model-format` policy keys off it. */
export type RiskLevel = 'critical' | 'high' | 'medium' | 'none';

/** How a file is routed before its bytes are sniffed. */
export type Route = 'safetensors' | 'gguf' | 'onnx' | 'pickle' | 'torch' | 'numpy' | 'npz' | 'keras' | 'h5' | 'tflite' | 'coreml' | 'pb' | 'zip' | 'sniff';

export interface FormatRow {
  readonly extensions: readonly string[];
  readonly route: Route;
  readonly source: string;
}

/** Extensions the detector reads; `sniff` means "decide from the magic bytes, else not a model". */
export const FORMATS: readonly FormatRow[] = [
  { extensions: ['safetensors'], route: 'safetensors', source: 'huggingface/safetensors README (8-byte LE header length + JSON)' },
  { extensions: ['gguf'], route: 'gguf', source: 'ggml-org/ggml docs/gguf.md' },
  { extensions: ['onnx'], route: 'onnx', source: 'onnx/onnx onnx.proto ModelProto' },
  { extensions: ['pkl', 'pickle', 'joblib', 'dill', 'dat', 'data'], route: 'pickle', source: 'modelscan settings.py PickleUnsafeOpScan' },
  { extensions: ['pt', 'pth', 'ckpt'], route: 'torch', source: 'modelscan settings.py PyTorchUnsafeOpScan' },
  { extensions: ['bin'], route: 'sniff', source: 'research §2(f): treat any .bin as maybe-pickle until sniffed' },
  { extensions: ['npy'], route: 'numpy', source: 'numpy NEP 1 .npy format; modelscan NumpyUnsafeOpScan' },
  { extensions: ['npz'], route: 'npz', source: 'numpy.savez (zip of .npy); modelscan supported_zip_extensions' },
  { extensions: ['keras'], route: 'keras', source: 'Keras 3 saving format (zip with config.json); modelscan KerasLambdaDetectScan' },
  { extensions: ['h5', 'hdf5'], route: 'h5', source: 'HDF5 spec superblock signature; modelscan H5LambdaDetectScan' },
  { extensions: ['tflite'], route: 'tflite', source: 'tensorflow/lite schema.fbs (file_identifier "TFL3")' },
  { extensions: ['mlmodel'], route: 'coreml', source: 'apple/coremltools Model.proto' },
  { extensions: ['pb'], route: 'pb', source: 'tensorflow saved_model.proto / graph.proto; modelscan SavedModel scans' },
  { extensions: ['zip'], route: 'zip', source: 'modelscan supported_zip_extensions (recursed)' },
];

/** Text files naming a model to pull or build (Ollama). */
export const MODELFILE_NAMES: readonly string[] = ['Modelfile'];
export const MODELFILE_SOURCE = 'ollama docs/modelfile.md (FROM, ADAPTER instructions)';

/** A row of the pickle global tables: `names: '*'` covers the whole module and its submodules. */
export interface GlobalRow {
  readonly module: string;
  readonly names: '*' | readonly string[];
  readonly source: string;
}

const MODELSCAN = 'protectai/modelscan settings.py unsafe_globals';
const PICKLESCAN = 'mmaitre314/picklescan scanner.py _unsafe_globals (f15d54d)';
const BUILTIN_CALLS = ['eval', 'compile', 'getattr', 'apply', 'exec', 'open', 'breakpoint', '__import__'];
const GETTERS = ['attrgetter', 'itemgetter', 'methodcaller'];
const whole = (modules: readonly string[], source: string): GlobalRow[] => modules.map((module) => ({ module, names: '*' as const, source }));

/** Globals whose import alone lets a pickle run code, spawn processes or touch files. */
export const CRITICAL_GLOBALS: readonly GlobalRow[] = [
  { module: '__builtin__', names: BUILTIN_CALLS, source: `${MODELSCAN} CRITICAL (protocols 0-2 name)` },
  { module: 'builtins', names: BUILTIN_CALLS, source: `${MODELSCAN} CRITICAL` },
  ...whole(['runpy', 'os', 'nt', 'posix', 'socket', 'subprocess', 'sys', 'pty', 'pickle'], `${MODELSCAN} CRITICAL`),
  { module: 'operator', names: GETTERS, source: `${MODELSCAN} CRITICAL (attrgetter); ${PICKLESCAN} (itemgetter, methodcaller)` },
  { module: '_operator', names: GETTERS, source: PICKLESCAN },
  ...whole(['shutil', 'asyncio', 'ctypes', 'commands', '_pickle', 'bdb', 'pdb', 'pip', 'pydoc', 'timeit', 'venv', 'cProfile', 'profile', 'test', 'uuid', '_osx_support', '_aix_support', '_pyrepl', 'numpy.f2py', 'numpy.testing._private.utils', 'distutils.file_util'], PICKLESCAN),
  { module: 'functools', names: ['partial'], source: PICKLESCAN },
  { module: 'types', names: ['CodeType'], source: PICKLESCAN },
  { module: 'cloudpickle.cloudpickle', names: ['_builtin_type', '_make_function', '_function_setstate', '_make_cell', '_make_empty_cell', 'subimport'], source: PICKLESCAN },
  { module: 'logging', names: ['FileHandler'], source: PICKLESCAN },
  { module: '_io', names: ['FileIO'], source: PICKLESCAN },
  { module: 'pkgutil', names: ['resolve_name'], source: PICKLESCAN },
  { module: 'imaplib', names: ['IMAP4_stream'], source: PICKLESCAN },
  { module: 'code', names: ['InteractiveInterpreter.runcode'], source: PICKLESCAN },
  { module: 'doctest', names: ['debug_script'], source: PICKLESCAN },
  { module: 'ensurepip', names: ['_run_pip'], source: PICKLESCAN },
  { module: 'idlelib.autocomplete', names: ['AutoComplete.get_entity', 'AutoComplete.fetch_completions'], source: PICKLESCAN },
  { module: 'idlelib.calltip', names: ['Calltip.fetch_tip', 'get_entity'], source: PICKLESCAN },
  { module: 'idlelib.debugobj', names: ['ObjectTreeItem.SetText'], source: PICKLESCAN },
  { module: 'idlelib.pyshell', names: ['ModifiedInterpreter.runcode', 'ModifiedInterpreter.runcommand'], source: PICKLESCAN },
  { module: 'idlelib.run', names: ['Executive.runcode'], source: PICKLESCAN },
  { module: 'lib2to3.pgen2.grammar', names: ['Grammar.loads'], source: PICKLESCAN },
  { module: 'lib2to3.pgen2.pgen', names: ['ParserGenerator.make_label'], source: PICKLESCAN },
  { module: 'trace', names: ['Trace.run', 'Trace.runctx'], source: PICKLESCAN },
  { module: 'torch.serialization', names: ['load'], source: PICKLESCAN },
  { module: 'torch._inductor.codecache', names: ['compile_file'], source: PICKLESCAN },
  { module: 'torch._dynamo.guards', names: ['GuardBuilder.get'], source: PICKLESCAN },
  { module: 'torch.fx.experimental.symbolic_shapes', names: ['ShapeEnv.evaluate_guards_expression'], source: PICKLESCAN },
  { module: 'torch.jit.unsupported_tensor_ops', names: ['execWrapper'], source: PICKLESCAN },
  { module: 'torch.utils._config_module', names: ['ConfigModule.load_config'], source: PICKLESCAN },
  { module: 'torch.utils.bottleneck.__main__', names: ['run_cprofile', 'run_autograd_prof'], source: PICKLESCAN },
  { module: 'torch.utils.collect_env', names: ['run'], source: PICKLESCAN },
  { module: 'torch.utils.data.datapipes.utils.decoder', names: ['basichandlers'], source: PICKLESCAN },
];

/** Globals that reach the network or a browser: exfiltration and SSRF rather than local code. */
export const HIGH_GLOBALS: readonly GlobalRow[] = [
  ...whole(['webbrowser', 'httplib', 'requests.api', 'aiohttp.client'], `${MODELSCAN} HIGH`),
  { module: 'http.client', names: '*', source: `${MODELSCAN} HIGH (httplib is http.client in Python 3)` },
  ...whole(['aiohttp', 'ssl', 'urllib.request'], PICKLESCAN),
];

const TORCH_WEIGHTS_ONLY = 'pytorch torch/_weights_only_unpickler.py _get_allowed_globals';
const TORCH_STORAGES = ['Double', 'Float', 'Half', 'Long', 'Int', 'Short', 'Char', 'Byte', 'Bool', 'BFloat16', 'ComplexDouble', 'ComplexFloat', 'QUInt8', 'QInt8', 'QInt32', 'QUInt4x2', 'QUInt2x4', 'Untyped'];
const TORCH_DTYPES = ['float32', 'float64', 'float16', 'bfloat16', 'int8', 'int16', 'int32', 'int64', 'uint8', 'bool', 'complex64', 'complex128', 'float8_e4m3fn', 'float8_e5m2'];

/** Globals a plain weights pickle uses; anything else is recorded as unknown. */
export const SAFE_GLOBALS: readonly GlobalRow[] = [
  { module: 'collections', names: ['OrderedDict', 'Counter'], source: TORCH_WEIGHTS_ONLY },
  { module: 'torch', names: ['Size', 'Tensor', 'device', ...TORCH_STORAGES.map((s) => `${s}Storage`), ...TORCH_DTYPES], source: TORCH_WEIGHTS_ONLY },
  { module: 'torch.storage', names: ['UntypedStorage', 'TypedStorage'], source: TORCH_WEIGHTS_ONLY },
  { module: 'torch.nn.parameter', names: ['Parameter'], source: TORCH_WEIGHTS_ONLY },
  { module: 'torch.serialization', names: ['_get_layout'], source: TORCH_WEIGHTS_ONLY },
  {
    module: 'torch._utils',
    names: ['_rebuild_parameter', '_rebuild_parameter_with_state', '_rebuild_qtensor', '_rebuild_tensor', '_rebuild_tensor_v2', '_rebuild_tensor_v3', '_rebuild_sparse_tensor', '_rebuild_meta_tensor_no_storage', '_rebuild_wrapper_subclass', '_rebuild_device_tensor_from_cpu_tensor'],
    source: TORCH_WEIGHTS_ONLY,
  },
  { module: 'torch._tensor', names: ['_rebuild_from_type_v2'], source: TORCH_WEIGHTS_ONLY },
  { module: '_codecs', names: ['encode'], source: TORCH_WEIGHTS_ONLY },
  { module: 'builtins', names: ['set', 'bytearray', 'complex'], source: TORCH_WEIGHTS_ONLY },
  { module: 'numpy', names: ['dtype', 'ndarray'], source: 'mmaitre314/picklescan scanner.py _safe_globals' },
  { module: 'numpy.core.multiarray', names: ['_reconstruct'], source: 'mmaitre314/picklescan scanner.py _safe_globals' },
  { module: 'numpy._core.multiarray', names: ['_reconstruct'], source: 'mmaitre314/picklescan scanner.py _safe_globals' },
  ...['numpy.core.multiarray', 'numpy._core.multiarray'].map((module) => ({ module, names: ['scalar'], source: 'numpy scalar __reduce__ target (numpy/_core/multiarray)' })),
  ...['numpy.core.numeric', 'numpy._core.numeric'].map((module) => ({ module, names: ['_frombuffer'], source: 'numpy ndarray __reduce_ex__ protocol 5 target (numpy/_core/numeric.py)' })),
];

/** llama.cpp `llama_ftype` values (`general.file_type`) to quantization names. Source: gguf-py constants.py LlamaFileType. */
export const GGUF_FILE_TYPES: Readonly<Record<number, string>> = {
  0: 'F32', 1: 'F16', 2: 'Q4_0', 3: 'Q4_1', 4: 'Q4_1_SOME_F16', 7: 'Q8_0', 8: 'Q5_0', 9: 'Q5_1', 10: 'Q2_K', 11: 'Q3_K_S', 12: 'Q3_K_M',
  13: 'Q3_K_L', 14: 'Q4_K_S', 15: 'Q4_K_M', 16: 'Q5_K_S', 17: 'Q5_K_M', 18: 'Q6_K', 19: 'IQ2_XXS', 20: 'IQ2_XS', 21: 'Q2_K_S',
  22: 'IQ3_XS', 23: 'IQ3_XXS', 24: 'IQ1_S', 25: 'IQ4_NL', 26: 'IQ3_S', 27: 'IQ3_M', 28: 'IQ2_S', 29: 'IQ2_M', 30: 'IQ4_XS',
  31: 'IQ1_M', 32: 'BF16', 36: 'TQ1_0', 37: 'TQ2_0', 38: 'MXFP4_MOE',
};

/** ONNX operator-set domains defined by the standard; any other domain is a custom-op library. Source: onnx docs/Operators.md, docs/Changelog-ml.md. */
export const ONNX_STANDARD_DOMAINS: readonly string[] = ['', 'ai.onnx', 'ai.onnx.ml', 'ai.onnx.training', 'ai.onnx.preview.training'];

/** TensorFlow ops that touch files (modelscan SavedModelTensorflowOpScan: HIGH) and Keras layers that run code (MEDIUM). */
export const TF_FILE_OPS: readonly string[] = ['ReadFile', 'WriteFile'];

/** Caps that keep hostile files cheap: reaching one is a `limit-reached` diagnostic, never a hang. */
export const LIMITS = {
  /** safetensors JSON header. */
  safetensorsHeader: 100 * 1024 * 1024,
  /** GGUF metadata + tensor-info region read. */
  ggufHeader: 64 * 1024 * 1024,
  /** Elements walked in GGUF arrays (tokenizer vocabularies are ~150k). */
  ggufArrayItems: 4_000_000,
  ggufTensors: 200_000,
  /** Bytes of one pickle scanned; opcodes per pickle; abstract stack depth; memo entries; pickles per file. */
  pickleBytes: 64 * 1024 * 1024,
  pickleOps: 8_000_000,
  pickleStack: 100_000,
  pickleMemo: 1_000_000,
  picklesPerFile: 16,
  /** Distinct globals kept per file. */
  globals: 500,
  /** Zip: entries read from the central directory, its size, one member's and all members' inflated bytes, nesting. */
  zipEntries: 10_000,
  zipDirectoryBytes: 16 * 1024 * 1024,
  zipMemberBytes: 64 * 1024 * 1024,
  zipTotalBytes: 256 * 1024 * 1024,
  zipDepth: 2,
  zipMembersScanned: 64,
  /** Protobuf fields walked in an ONNX / TF file; ONNX graph nodes read. */
  protoFields: 2_000_000,
  onnxNodes: 200_000,
  /** Bytes searched for Keras markers in an HDF5 file; a Keras config.json; a Modelfile; a .npy header. */
  h5Scan: 8 * 1024 * 1024,
  kerasConfig: 16 * 1024 * 1024,
  modelfile: 1024 * 1024,
  npyHeader: 64 * 1024,
  /** Strings kept from headers (names, labels); longer ones are cut. */
  text: 200,
} as const;
